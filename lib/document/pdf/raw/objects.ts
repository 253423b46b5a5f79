/**
 * The objects of a PDF file as pdf.js finds them: the cross-reference sections from startxref on
 * (classic tables and xref streams, /XRefStm of hybrid files, /Prev chains of incremental updates,
 * the first entry for a number winning), objects in object streams, and stream data decoded within
 * a budget. No recovery: a file pdf.js would have to reconstruct, or an encrypted one, is Unreadable
 * here and pdf.js reads it instead.
 */
import { decodeStreamData, type Budget } from './decode';
import { EOF, Lexer, ObjectParser, PdfCmd, PdfName, PdfRef, PdfStream, Unreadable, latin1, type PdfDict, type PdfObject } from './lexer';

type Entry = { kind: 'free' } | { kind: 'plain'; offset: number; gen: number } | { kind: 'packed'; stream: number; index: number };

/** Cross-reference sections followed before the chain is hostile. */
const MAX_SECTIONS = 64;
/** Bytes inflated for xref and object streams, over the whole file. */
const STRUCTURE_BYTES = 64 * 1024 * 1024;
/** Objects one object stream may hold. */
const MAX_PACKED = 100_000;
/** References followed inside one fetch (a /Length pointing at a /Length …). */
const MAX_FETCH_DEPTH = 16;

interface ObjectStream {
  data: Uint8Array;
  first: number;
  nums: number[];
  offsets: number[];
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export class PdfFile {
  readonly trailer: PdfDict;
  private readonly entries = new Map<number, Entry>();
  private readonly cache = new Map<number, PdfObject>();
  private readonly packed = new Map<number, ObjectStream>();
  private readonly structure: Budget = { left: STRUCTURE_BYTES };
  private depth = 0;

  constructor(readonly bytes: Uint8Array) {
    this.trailer = this.readSections(this.startXref());
    if (this.trailer.has('Encrypt')) throw new Unreadable('encrypted');
  }

  private startXref(): number {
    const b = this.bytes;
    const from = Math.max(0, b.length - 1024);
    const tail = latin1(b, from, b.length);
    const at = tail.lastIndexOf('startxref');
    if (at < 0) throw new Unreadable('no startxref');
    const lexer = new Lexer(b, from + at + 9);
    const offset = lexer.token();
    if (!isInt(offset) || offset < 0 || offset >= b.length) throw new Unreadable('bad startxref');
    return offset;
  }

  /** pdf.js's order: a table, then its /XRefStm, then /Prev; the first entry for a number wins. */
  private readSections(start: number): PdfDict {
    const queue = [start];
    const seen = new Set<number>();
    let top: PdfDict | null = null;
    while (queue.length) {
      const at = queue.shift()!;
      if (seen.has(at)) continue;
      if (seen.size >= MAX_SECTIONS) throw new Unreadable('too many xref sections');
      seen.add(at);
      const parser = new ObjectParser(new Lexer(this.bytes, at), true);
      const head = parser.read();
      let dict: PdfDict;
      if (head === PdfCmd.of('xref')) {
        dict = this.readTable(parser);
        const stm = dict.get('XRefStm');
        if (isInt(stm)) queue.push(stm);
      } else if (isInt(head)) {
        const stream = this.indirectAt(parser, head);
        if (!(stream instanceof PdfStream)) throw new Unreadable('xref stream expected');
        dict = stream.dict;
        this.readXrefStream(stream);
      } else throw new Unreadable('no xref section');
      top ??= dict;
      const prev = dict.get('Prev');
      if (isInt(prev)) queue.push(prev);
      else if (prev instanceof PdfRef) queue.push(prev.num);
    }
    return top!;
  }

  private set(num: number, entry: Entry): void {
    if (!this.entries.has(num)) this.entries.set(num, entry);
  }

  private readTable(parser: ObjectParser): PdfDict {
    const max = this.bytes.length / 18;
    let total = 0;
    for (;;) {
      const t = parser.read();
      if (t === PdfCmd.of('trailer')) break;
      let first = t;
      const count = parser.read();
      if (!isInt(first) || !isInt(count) || count < 0) throw new Unreadable('bad xref subsection');
      if ((total += count) > max) throw new Unreadable('xref table longer than the file');
      for (let i = 0; i < count; i++) {
        const offset = parser.read(), gen = parser.read(), type = parser.read();
        if (!isInt(offset) || !isInt(gen) || (type !== PdfCmd.of('n') && type !== PdfCmd.of('f'))) throw new Unreadable('bad xref entry');
        const free = type === PdfCmd.of('f');
        if (i === 0 && free && first === 1) first = 0;
        this.set(first + i, free ? { kind: 'free' } : { kind: 'plain', offset, gen });
      }
    }
    const dict = parser.read();
    if (!(dict instanceof Map)) throw new Unreadable('bad trailer');
    const zero = this.entries.get(0);
    if (zero && zero.kind !== 'free') throw new Unreadable('object 0 in use');
    return dict;
  }

  private readXrefStream(stream: PdfStream): void {
    const w = this.resolve(stream.dict.get('W'));
    const index = this.resolve(stream.dict.get('Index')) ?? [0, this.resolve(stream.dict.get('Size')) ?? 0];
    if (!Array.isArray(w) || w.length < 3 || !w.every((x) => isInt(x) && x >= 0 && x <= 8) || !Array.isArray(index) || index.length % 2) throw new Unreadable('bad xref stream');
    const [tw, ow, gw] = w as number[];
    const data = this.streamData(stream, this.structure);
    const width = tw! + ow! + gw!;
    let at = 0;
    const field = (n: number, fallback: number) => {
      if (!n) return fallback;
      let v = 0;
      for (let j = 0; j < n; j++) {
        if (at >= data.length) throw new Unreadable('xref stream too short');
        v = v * 256 + data[at++]!;
      }
      return v;
    };
    for (let r = 0; r < index.length; r += 2) {
      const first = index[r], n = index[r + 1];
      if (!isInt(first) || !isInt(n) || n < 0 || n * width > data.length - at) throw new Unreadable('bad xref stream range');
      for (let i = 0; i < n; i++) {
        const type = field(tw!, 1), a = field(ow!, 0), b = field(gw!, 0);
        if (type === 0) this.set(first + i, { kind: 'free' });
        else if (type === 1) this.set(first + i, { kind: 'plain', offset: a, gen: b });
        else if (type === 2) this.set(first + i, { kind: 'packed', stream: a, index: b });
        else throw new Unreadable('bad xref entry type');
      }
    }
  }

  /** "num gen obj" then the object (and its stream), the parser standing after num. */
  private indirectAt(parser: ObjectParser, num: number, gen?: number): PdfObject {
    const g = parser.read();
    if (!isInt(g) || (gen !== undefined && g !== gen) || parser.read() !== PdfCmd.of('obj')) throw new Unreadable('not the object the xref names');
    const value = parser.read();
    if (value instanceof PdfCmd || value === EOF) throw new Unreadable('keyword where an object belongs');
    if (!(value instanceof Map) || !parser.settled) return value;
    const lexer = parser.lexer;
    lexer.skipSpace();
    const b = this.bytes;
    if (latin1(b, lexer.pos, lexer.pos + 6) !== 'stream') return value;
    let start = lexer.pos + 6;
    if (b[start] === 13) start++;
    if (b[start] === 10) start++;
    const length = this.resolve(value.get('Length'));
    if (!isInt(length) || length < 0 || start + length > b.length) throw new Unreadable('bad stream length');
    const after = new Lexer(b, start + length);
    after.skipSpace();
    if (latin1(b, after.pos, after.pos + 9) !== 'endstream') throw new Unreadable('stream length does not reach endstream');
    return new PdfStream(value, b, start, length, `${num} ${g}`);
  }

  /** The object a reference names (anything else as it is). */
  resolve(o: PdfObject | undefined): PdfObject | undefined {
    return o instanceof PdfRef ? this.fetch(o) : o;
  }

  fetch(ref: PdfRef): PdfObject {
    const hit = this.cache.get(ref.num);
    if (hit !== undefined) return hit;
    if (++this.depth > MAX_FETCH_DEPTH) throw new Unreadable('references nested too deep');
    try {
      const entry = this.entries.get(ref.num);
      let value: PdfObject;
      if (!entry || entry.kind === 'free') throw new Unreadable('object not in the xref');
      if (entry.kind === 'plain') {
        if (entry.gen !== ref.gen) throw new Unreadable('generation differs');
        const parser = new ObjectParser(new Lexer(this.bytes, entry.offset), true);
        if (parser.read() !== ref.num) throw new Unreadable('not the object the xref names');
        value = this.indirectAt(parser, ref.num, ref.gen);
      } else value = this.packedObject(ref.num, entry.stream, entry.index);
      this.cache.set(ref.num, value);
      return value;
    } finally {
      this.depth--;
    }
  }

  private packedObject(num: number, streamNum: number, index: number): PdfObject {
    let objStm = this.packed.get(streamNum);
    if (!objStm) {
      const entry = this.entries.get(streamNum);
      if (entry?.kind !== 'plain') throw new Unreadable('object stream not a plain object');
      const stream = this.fetch(new PdfRef(streamNum, entry.gen));
      if (!(stream instanceof PdfStream)) throw new Unreadable('object stream expected');
      const n = this.resolve(stream.dict.get('N')), first = this.resolve(stream.dict.get('First'));
      if (!isInt(n) || !isInt(first) || n < 0 || n > MAX_PACKED || first < 0) throw new Unreadable('bad object stream');
      const data = this.streamData(stream, this.structure);
      const parser = new ObjectParser(new Lexer(data, 0, Math.min(first, data.length)), false);
      const nums: number[] = [], offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        const a = parser.read(), o = parser.read();
        if (!isInt(a) || !isInt(o)) throw new Unreadable('bad object stream header');
        nums.push(a);
        offsets.push(o);
      }
      this.packed.set(streamNum, (objStm = { data, first, nums, offsets }));
    }
    if (objStm.nums[index] !== num) throw new Unreadable('object stream does not hold the object');
    const parser = new ObjectParser(new Lexer(objStm.data, objStm.first + objStm.offsets[index]!), true);
    const value = parser.read();
    if (value instanceof PdfCmd || value === EOF) throw new Unreadable('keyword where an object belongs');
    return value;
  }

  /** A stream's decoded bytes, drawn from `budget`. */
  streamData(stream: PdfStream, budget: Budget): Uint8Array {
    const raw = stream.source.subarray(stream.start, stream.start + stream.length);
    return decodeStreamData(stream.dict, raw, budget, (o) => this.resolve(o));
  }

  /** A dictionary entry with references followed. */
  get(dict: PdfDict, key: string): PdfObject | undefined {
    return this.resolve(dict.get(key));
  }

  dict(dict: PdfDict, key: string): PdfDict | undefined {
    const v = this.get(dict, key);
    return v instanceof Map ? v : undefined;
  }

  name(dict: PdfDict, key: string): string | undefined {
    const v = this.get(dict, key);
    return v instanceof PdfName ? v.name : undefined;
  }
}
