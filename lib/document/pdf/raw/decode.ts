/**
 * A stream's bytes through its filter: none, or FlateDecode with no predictor or a PNG one (xref
 * streams use it). Anything else is Unreadable. Inflating draws on a budget, so a zip bomb stops at
 * the cap instead of filling memory.
 */
import { Inflate, inflateSync } from 'fflate';
import { PdfName, Unreadable, type PdfDict, type PdfObject } from './lexer';

/** Bytes that may still be inflated for one page (or one file structure read). */
export interface Budget {
  left: number;
}

/** Deflate expands at most ~1032:1; below this the input cannot overrun the budget in one go. */
const MAX_RATIO = 1100;
const SLICE = 16 * 1024;

/** A zlib stream (header checked as pdf.js checks it; the Adler-32 trailer ignored as pdf.js does). */
export function inflateBounded(data: Uint8Array, budget: Budget): Uint8Array {
  if (data.length < 2) throw new Unreadable('flate stream too short');
  const cmf = data[0]!, flg = data[1]!;
  if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) throw new Unreadable('bad flate header');
  const raw = data.subarray(2);
  let out: Uint8Array;
  if (raw.length * MAX_RATIO <= budget.left) {
    try {
      out = inflateSync(raw);
    } catch {
      throw new Unreadable('bad flate data');
    }
  } else {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > budget.left) throw new Unreadable('inflates past the cap');
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < raw.length; i += SLICE) inflater.push(raw.subarray(i, i + SLICE), i + SLICE >= raw.length);
    } catch (error) {
      throw error instanceof Unreadable ? error : new Unreadable('bad flate data');
    }
    out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
  }
  if (out.length > budget.left) throw new Unreadable('inflates past the cap');
  budget.left -= out.length;
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undo PNG row filters (predictors 10–15). */
export function unpredictPng(data: Uint8Array, colors: number, bits: number, columns: number): Uint8Array {
  const bpp = Math.ceil((colors * bits) / 8);
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  if (rowLength <= 0 || data.length % (rowLength + 1) !== 0) throw new Unreadable('predicted rows do not fit');
  const rows = data.length / (rowLength + 1);
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const x = data[src + i]!;
      const a = i >= bpp ? out[dst + i - bpp]! : 0;
      const b = r > 0 ? out[dst - rowLength + i]! : 0;
      const c = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + a;
      else if (type === 2) v = x + b;
      else if (type === 3) v = x + ((a + b) >> 1);
      else if (type === 4) v = x + paeth(a, b, c);
      else throw new Unreadable('bad PNG row filter');
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

const num = (v: PdfObject | undefined, fallback: number) => (typeof v === 'number' ? v : fallback);

/**
 * The decoded bytes of a stream whose /Filter and /DecodeParms are already resolved (`resolve`
 * follows references inside them).
 */
export function decodeStreamData(dict: PdfDict, raw: Uint8Array, budget: Budget, resolve: (o: PdfObject | undefined) => PdfObject | undefined): Uint8Array {
  let filter = resolve(dict.get('Filter') ?? dict.get('F'));
  let parms = resolve(dict.get('DecodeParms') ?? dict.get('DP'));
  if (Array.isArray(filter)) {
    if (filter.length > 1) throw new Unreadable('filter chain');
    filter = resolve(filter[0]);
    parms = Array.isArray(parms) ? resolve(parms[0]) : parms;
  }
  if (filter === undefined || filter === null) {
    if (raw.length > budget.left) throw new Unreadable('stream past the cap');
    budget.left -= raw.length;
    return raw;
  }
  if (!(filter instanceof PdfName) || (filter.name !== 'FlateDecode' && filter.name !== 'Fl')) throw new Unreadable('unsupported filter');
  const inflated = inflateBounded(raw, budget);
  if (parms === undefined || parms === null) return inflated;
  if (!(parms instanceof Map)) throw new Unreadable('bad decode parameters');
  const predictor = num(resolve(parms.get('Predictor')), 1);
  if (predictor === 1) return inflated;
  if (predictor < 10) throw new Unreadable('TIFF predictor');
  return unpredictPng(inflated, num(resolve(parms.get('Colors')), 1), num(resolve(parms.get('BitsPerComponent')), 8), num(resolve(parms.get('Columns')), 1));
}
