/**
 * A page's content stream → the ruling segments and image boxes that read-page.ts's graphicsOf gets
 * from pdf.js's operator list for the same page: the same path buffer (pdf.js keeps one path across
 * q/Q and starts a fresh one in a form), the same colours as pdf.js converts them (#rrggbb, for the
 * white test), the same matrices. Where pdf.js would do something this reader does not model — a
 * colour space other than Device Gray/RGB/CMYK, a pattern colour, a soft mask, an operator with the
 * wrong number of operands — it throws Unreadable and the page is read from the operator list instead.
 */
import type { Box, Segment } from '../content';
import { compose, DrawOp, fillSegments, imageBox, isWhite, strokeSegments, type Matrix } from '../geometry';
import type { Budget } from './decode';
import { EOF, Lexer, ObjectParser, PdfCmd, PdfName, PdfStream, Unreadable, type PdfDict, type PdfObject } from './lexer';
import type { PdfFile } from './objects';

/** Operators one page (forms included) may run. */
const MAX_OPERATORS = 2_000_000;
/** Forms inside forms. */
const MAX_FORM_DEPTH = 12;
/** pdf.js refuses more operands than this. */
const MAX_OPERANDS = 33;

/** Operand counts as pdf.js's EvaluatorPreprocessor checks them: [count, variable]. */
const OPERANDS: Record<string, [number, boolean]> = {
  w: [1, false], J: [1, false], j: [1, false], M: [1, false], d: [2, false], ri: [1, false], i: [1, false], gs: [1, false],
  q: [0, false], Q: [0, false], cm: [6, false],
  m: [2, false], l: [2, false], c: [6, false], v: [4, false], y: [4, false], h: [0, false], re: [4, false],
  S: [0, false], s: [0, false], f: [0, false], F: [0, false], 'f*': [0, false], B: [0, false], 'B*': [0, false], b: [0, false], 'b*': [0, false], n: [0, false],
  W: [0, false], 'W*': [0, false],
  BT: [0, false], ET: [0, false], Tc: [1, false], Tw: [1, false], Tz: [1, false], TL: [1, false], Tf: [2, false], Tr: [1, false], Ts: [1, false],
  Td: [2, false], TD: [2, false], Tm: [6, false], 'T*': [0, false], Tj: [1, false], TJ: [1, false], "'": [1, false], '"': [3, false],
  d0: [2, false], d1: [6, false],
  CS: [1, false], cs: [1, false], SC: [4, true], SCN: [33, true], sc: [4, true], scn: [33, true],
  G: [1, false], g: [1, false], RG: [3, false], rg: [3, false], K: [4, false], k: [4, false],
  sh: [1, false], BI: [0, false], Do: [1, false], MP: [1, false], DP: [2, false], BMC: [1, false], BDC: [2, false], EMC: [0, false], BX: [0, false], EX: [0, false],
};

PdfCmd.share(Object.keys(OPERANDS));

type ColorSpace = 'gray' | 'rgb' | 'cmyk' | 'pattern';
const COMPONENTS: Record<Exclude<ColorSpace, 'pattern'>, number> = { gray: 1, rgb: 3, cmyk: 4 };

interface State {
  ctm: Matrix;
  stroke: string;
  fill: string;
  strokeSpace: ColorSpace;
  fillSpace: ColorSpace;
  /** pdf.js's patternFill/StrokeColorSpace: null until a colour space is first set, which scn/SCN treat apart. */
  strokeSpaceN: ColorSpace | null;
  fillSpaceN: ColorSpace | null;
  x: number;
  y: number;
}

const rgb = new Uint8ClampedArray(3);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The device colour operators (lower case: fill; upper case: stroke) and the space each sets. */
const DEVICE_COLOUR_OPS: Record<string, Exclude<ColorSpace, 'pattern'>> = { g: 'gray', rg: 'rgb', k: 'cmyk' };

/** Sets the stroke or fill colour space (for SC and SCN alike), and its colour when the operator gives one. */
function setSpace(state: State, stroke: boolean, space: ColorSpace, hex?: string): void {
  if (stroke) Object.assign(state, { strokeSpace: space, strokeSpaceN: space }, hex === undefined ? {} : { stroke: hex });
  else Object.assign(state, { fillSpace: space, fillSpaceN: space }, hex === undefined ? {} : { fill: hex });
}

/** A colour as pdf.js's ColorSpace.getRgbHex gives it. */
function hexOf(space: Exclude<ColorSpace, 'pattern'>, v: readonly number[]): string {
  if (space === 'gray') rgb[0] = rgb[1] = rgb[2] = v[0]! * 255;
  else if (space === 'rgb') {
    rgb[0] = v[0]! * 255;
    rgb[1] = v[1]! * 255;
    rgb[2] = v[2]! * 255;
  } else {
    const [c, m, y, k] = v as [number, number, number, number];
    rgb[0] = 255 + c * (-4.387332384609988 * c + 54.48615194189176 * m + 18.82290502165302 * y + 212.25662451639585 * k + -285.2331026137004) + m * (1.7149763477362134 * m - 5.6096736904047315 * y + -17.873870861415444 * k - 5.497006427196366) + y * (-2.5217340131683033 * y - 21.248923337353073 * k + 17.5119270841813) + k * (-21.86122147463605 * k - 189.48180835922747);
    rgb[1] = 255 + c * (8.841041422036149 * c + 60.118027045597366 * m + 6.871425592049007 * y + 31.159100130055922 * k + -79.2970844816548) + m * (-15.310361306967817 * m + 17.575251261109482 * y + 131.35250912493976 * k - 190.9453302588951) + y * (4.444339102852739 * y + 9.8632861493405 * k - 24.86741582555878) + k * (-20.737325471181034 * k - 187.80453709719578);
    rgb[2] = 255 + c * (0.8842522430003296 * c + 8.078677503112928 * m + 30.89978309703729 * y - 0.23883238689178934 * k + -14.183576799673286) + m * (10.49593273432072 * m + 63.02378494754052 * y + 50.606957656360734 * k - 112.23884253719248) + y * (0.03296041114873217 * y + 115.60384449646641 * k + -193.58209356861505) + k * (-22.33816807309886 * k - 180.12613974708367);
  }
  return `#${HEX[rgb[0]!]}${HEX[rgb[1]!]}${HEX[rgb[2]!]}`;
}

function numbers(args: readonly unknown[], count?: number): number[] {
  if (count !== undefined && args.length !== count) throw new Unreadable('operand count');
  for (const a of args) if (typeof a !== 'number') throw new Unreadable('operand not a number');
  return args as number[];
}

/** pdf.js looks an inline image's end up by its "EI" and the bytes after it; take only an unambiguous end. */
function inlineImageEnd(data: Uint8Array, from: number): number {
  for (let i = from; i + 1 < data.length; i++) {
    if (data[i] !== 0x45 || data[i + 1] !== 0x49) continue;
    const after = data[i + 2];
    if (after !== undefined && after !== 0x20 && after !== 0x0a && after !== 0x0d) continue;
    // pdf.js checks the next 15 bytes look like text; take this EI only if they do (else it might search on).
    for (let k = i + 3; k < Math.min(data.length, i + 18); k++) {
      const c = data[k]!;
      if (c === 0 && data[k + 1] !== 0) continue;
      if (c !== 0x0a && c !== 0x0d && (c < 0x20 || c > 0x7f)) throw new Unreadable('inline image end ambiguous');
    }
    return i;
  }
  throw new Unreadable('inline image without EI');
}

export interface Graphics {
  segments: Segment[];
  images: Box[];
}

/** Runs content streams on behalf of one page. */
export class Interpreter {
  readonly segments: Segment[] = [];
  readonly images: Box[] = [];
  private operators = 0;
  private readonly forms: string[] = [];

  constructor(
    private readonly file: PdfFile,
    private readonly budget: Budget,
  ) {}

  /** The page content (its parts already joined as pdf.js joins them: end to end). */
  run(content: Uint8Array, resources: PdfDict, viewport: readonly number[]): Graphics {
    const state: State = { ctm: [...viewport] as Matrix, stroke: '#000000', fill: '#000000', strokeSpace: 'gray', fillSpace: 'gray', strokeSpaceN: null, fillSpaceN: null, x: 0, y: 0 };
    this.stream(content, resources, state, true);
    return { segments: this.segments, images: this.images };
  }

  private stream(data: Uint8Array, resources: PdfDict, initial: State, isPage: boolean): void {
    const file = this.file;
    const lexer = new Lexer(data, 0, data.length, false);
    const parser = new ObjectParser(lexer, false);
    const stack: State[] = [];
    let state = initial;
    const path: number[] = [];
    const args: PdfObject[] = [];
    const xobjects = file.dict(resources, 'XObject');
    const imagesByName = new Set<string>();

    const paint = (op: string) => {
      if (op === 's' || op === 'b' || op === 'b*') path.push(DrawOp.closePath);
      if (!path.length) return;
      const buffer = Float32Array.from(path);
      path.length = 0;
      const stroke = op === 'S' || op === 's' || op === 'B' || op === 'B*' || op === 'b' || op === 'b*';
      const fill = op !== 'S' && op !== 's' && op !== 'n';
      if (stroke && !isWhite(state.stroke)) strokeSegments(this.segments, state.ctm, buffer);
      if (fill && !isWhite(state.fill)) fillSegments(this.segments, state.ctm, buffer);
    };

    for (;;) {
      const t = parser.read();
      if (t === EOF) break;
      if (!(t instanceof PdfCmd)) {
        if (args.length >= MAX_OPERANDS) throw new Unreadable('too many operands');
        if (t === null) throw new Unreadable('null operand');
        args.push(t);
        continue;
      }
      const op = t.cmd;
      const spec = OPERANDS[op];
      if (!spec) throw new Unreadable(`operator ${op}`);
      if (spec[1] ? args.length > spec[0] : args.length !== spec[0]) throw new Unreadable(`operands of ${op}`);
      if (++this.operators > MAX_OPERATORS) throw new Unreadable('too many operators');
      switch (op) {
        case 'q':
          stack.push({ ...state });
          break;
        case 'Q':
          // Inside a form an unmatched Q pops the form's own save in graphicsOf; pdf.js's evaluator does not.
          if (stack.length) state = stack.pop()!;
          else if (!isPage) throw new Unreadable('unmatched Q in a form');
          break;
        case 'cm':
          state.ctm = compose(state.ctm, numbers(args, 6));
          break;
        case 'm':
        case 'l': {
          const [x, y] = numbers(args);
          path.push(op === 'm' ? DrawOp.moveTo : DrawOp.lineTo, x!, y!);
          state.x = x!;
          state.y = y!;
          break;
        }
        case 'c': {
          const [x1, y1, x2, y2, x, y] = numbers(args);
          path.push(DrawOp.curveTo, x1!, y1!, x2!, y2!, x!, y!);
          state.x = x!;
          state.y = y!;
          break;
        }
        case 'v': {
          const [x1, y1, x, y] = numbers(args);
          path.push(DrawOp.curveTo, state.x, state.y, x1!, y1!, x!, y!);
          state.x = x!;
          state.y = y!;
          break;
        }
        case 'y': {
          const [x1, y1, x, y] = numbers(args);
          path.push(DrawOp.curveTo, x1!, y1!, x!, y!, x!, y!);
          state.x = x!;
          state.y = y!;
          break;
        }
        case 'h':
          path.push(DrawOp.closePath);
          break;
        case 're': {
          const [x, y, w, h] = numbers(args) as [number, number, number, number];
          state.x = x;
          state.y = y;
          const xw = x + w, yh = y + h;
          if (w === 0 || h === 0) path.push(DrawOp.moveTo, x, y, DrawOp.lineTo, xw, yh, DrawOp.closePath);
          else path.push(DrawOp.moveTo, x, y, DrawOp.lineTo, xw, y, DrawOp.lineTo, xw, yh, DrawOp.lineTo, x, yh, DrawOp.closePath);
          break;
        }
        case 'S':
        case 's':
        case 'f':
        case 'F':
        case 'f*':
        case 'B':
        case 'B*':
        case 'b':
        case 'b*':
        case 'n':
          paint(op === 'F' ? 'f' : op);
          break;
        case 'G':
        case 'g':
        case 'RG':
        case 'rg':
        case 'K':
        case 'k': {
          const space = DEVICE_COLOUR_OPS[op.toLowerCase()]!;
          setSpace(state, op === op.toUpperCase(), space, hexOf(space, numbers(args)));
          break;
        }
        case 'CS':
        case 'cs':
          setSpace(state, op === 'CS', this.colorSpace(args[0], resources, 0));
          break;
        case 'SC':
        case 'sc':
        case 'SCN':
        case 'scn': {
          const stroke = op === 'SC' || op === 'SCN';
          const space = op.length === 2 ? (stroke ? state.strokeSpace : state.fillSpace) : stroke ? state.strokeSpaceN : state.fillSpaceN;
          let hex: string | null;
          if (space === null) {
            // pdf.js: numbers read as gray; anything else makes the colour transparent (no colour op graphicsOf sees).
            hex = args.every((a) => typeof a === 'number') ? hexOf('gray', [(args[0] as number | undefined) ?? NaN]) : null;
          } else if (space === 'pattern') throw new Unreadable('pattern colour');
          else hex = hexOf(space, numbers(args, COMPONENTS[space]));
          if (hex !== null) {
            if (stroke) state.stroke = hex;
            else state.fill = hex;
          }
          break;
        }
        case 'gs':
          this.checkGState(args[0], resources);
          break;
        case 'Do':
          this.paintXObject(args[0], xobjects, resources, state, imagesByName);
          break;
        case 'BI':
          this.inlineImage(parser, lexer, data, state);
          break;
        default:
        // Text, marked content, line style, shading: nothing graphicsOf reads.
      }
      args.length = 0;
    }
    if (args.length) throw new Unreadable('operands left at the end');
  }

  /** A colour space as pdf.js's ColorSpaceUtils.parse resolves a name; anything but the device spaces is Unreadable. */
  private colorSpace(arg: PdfObject | undefined, resources: PdfDict, depth: number): ColorSpace {
    if (depth > 4) throw new Unreadable('colour space chain');
    let cs = this.file.resolve(arg);
    if (cs instanceof PdfName) {
      switch (cs.name) {
        case 'G':
        case 'DeviceGray':
          return 'gray';
        case 'RGB':
        case 'DeviceRGB':
          return 'rgb';
        case 'CMYK':
        case 'DeviceCMYK':
          return 'cmyk';
        case 'Pattern':
          return 'pattern';
      }
      const found = this.file.dict(resources, 'ColorSpace')?.get(cs.name);
      if (found === undefined) return 'gray';
      if (this.file.resolve(found) instanceof PdfName) return this.colorSpace(found, resources, depth + 1);
      cs = this.file.resolve(found);
    }
    if (Array.isArray(cs) && cs.length >= 1) {
      const head = this.file.resolve(cs[0]);
      if (head instanceof PdfName) {
        if (head.name === 'G' || head.name === 'DeviceGray') return 'gray';
        if (head.name === 'RGB' || head.name === 'DeviceRGB') return 'rgb';
        if (head.name === 'CMYK' || head.name === 'DeviceCMYK') return 'cmyk';
        if (head.name === 'Pattern') return 'pattern';
      }
    }
    throw new Unreadable('colour space not modelled');
  }

  /** A soft mask draws its own form into the operator list. */
  private checkGState(arg: PdfObject | undefined, resources: PdfDict): void {
    if (!(arg instanceof PdfName)) throw new Unreadable('gs operand');
    const gstate = this.file.dict(resources, 'ExtGState')?.get(arg.name);
    const dict = this.file.resolve(gstate);
    if (!(dict instanceof Map)) return;
    const smask = this.file.get(dict, 'SMask');
    if (smask !== undefined && !(smask instanceof PdfName && smask.name === 'None')) throw new Unreadable('soft mask');
  }

  // getOperatorList builds its list without pdf.js's queue optimizer (an OPLIST intent), so runs of
  // like images stay one operation each, as here.
  private image(state: State): void {
    this.images.push(imageBox(state.ctm));
  }

  /** pdf.js draws an image only with numeric, non-zero W and H; a 1×1 mask becomes a solid fill graphicsOf skips. */
  private imageDrawn(dict: PdfDict, inline: boolean): boolean {
    const get = (long: string, short: string) => (inline ? (dict.get(short) ?? dict.get(long)) : (this.file.get(dict, short) ?? this.file.get(dict, long)));
    const w = get('Width', 'W'), h = get('Height', 'H');
    if (typeof w !== 'number' || !w || typeof h !== 'number' || !h) return false;
    const mask = get('ImageMask', 'IM');
    if (mask === true && w === 1 && h === 1) throw new Unreadable('single-pixel mask');
    if (inline && mask !== true && w + h < 200 && !dict.has('SMask') && !dict.has('Mask') && (dict.has('F') || dict.has('Filter'))) {
      // pdf.js decodes small inline images on the spot and drops one it cannot decode.
      throw new Unreadable('small filtered inline image');
    }
    return true;
  }

  private paintXObject(arg: PdfObject | undefined, xobjects: PdfDict | undefined, resources: PdfDict, state: State, imagesByName: Set<string>): void {
    if (!(arg instanceof PdfName)) throw new Unreadable('Do operand');
    if (imagesByName.has(arg.name)) return this.image(state);
    const xobj = this.file.resolve(xobjects?.get(arg.name));
    if (!(xobj instanceof PdfStream)) throw new Unreadable('XObject not a stream');
    const subtype = this.file.name(xobj.dict, 'Subtype');
    if (subtype === 'Image') {
      if (!this.imageDrawn(xobj.dict, false)) return;
      imagesByName.add(arg.name);
      return this.image(state);
    }
    if (subtype !== 'Form') throw new Unreadable('XObject subtype');
    if (xobj.ref && this.forms.includes(xobj.ref)) throw new Unreadable('form draws itself');
    if (this.forms.length >= MAX_FORM_DEPTH) throw new Unreadable('forms nested too deep');
    const m = this.file.get(xobj.dict, 'Matrix');
    const matrix = Array.isArray(m) && m.length === 6 && m.every((x) => typeof this.file.resolve(x) === 'number') ? m.map((x) => Math.fround(this.file.resolve(x) as number)) : null;
    const own = this.file.get(xobj.dict, 'Resources');
    const data = this.file.streamData(xobj, this.budget);
    const inner: State = { ...state };
    if (matrix) inner.ctm = compose(inner.ctm, matrix);
    this.forms.push(xobj.ref ?? '');
    this.stream(data, own instanceof Map ? own : resources, inner, false);
    this.forms.pop();
  }

  /** BI … ID data EI: the dictionary read, the data skipped to pdf.js's end. */
  private inlineImage(parser: ObjectParser, lexer: Lexer, data: Uint8Array, state: State): void {
    const dict: PdfDict = new Map();
    for (;;) {
      const k = parser.read();
      if (k === PdfCmd.of('ID')) break;
      if (!(k instanceof PdfName)) throw new Unreadable('inline image dictionary');
      const v = parser.read();
      if (v instanceof PdfCmd || v === EOF) throw new Unreadable('inline image dictionary');
      dict.set(k.name, v);
    }
    const end = inlineImageEnd(data, lexer.pos + 1);
    lexer.pos = end + 2;
    if (this.imageDrawn(dict, true)) this.image(state);
  }
}
