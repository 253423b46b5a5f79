/**
 * PDF tokens and objects, for the file's objects and for content streams alike: numbers, names,
 * literal strings (escapes, nested parentheses), hex strings, arrays, dictionaries, comments,
 * keywords. Anything this reader is not sure it reads as pdf.js does (an exponent, "--5", a stray
 * brace) throws Unreadable, and the caller falls back to pdf.js for that page.
 */

/** This reader cannot read the page (or the file) as pdf.js would: use pdf.js. */
export class Unreadable extends Error {}

export class PdfName {
  constructor(readonly name: string) {}
}

/**
 * A keyword. The known ones are shared, so they compare by identity; any other word is a new object,
 * so a hostile stream of distinct words grows no table.
 */
export class PdfCmd {
  constructor(readonly cmd: string) {}
  static of(cmd: string): PdfCmd {
    return KNOWN_WORDS.get(cmd) ?? new PdfCmd(cmd);
  }
  /** Make `words` shared (the content-stream operators). */
  static share(words: Iterable<string>): void {
    for (const word of words) if (!KNOWN_WORDS.has(word)) KNOWN_WORDS.set(word, new PdfCmd(word));
  }
}
const KNOWN_WORDS = new Map<string, PdfCmd>();
PdfCmd.share('R obj endobj stream endstream xref trailer n f ID EI'.split(' '));

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A string's bytes as latin1 (one char a byte); content streams keep no text, only that it was a string. */
export class PdfString {
  constructor(readonly bytes: string) {}
}

/** A stream: its dictionary and where its raw bytes lie in the buffer it was read from. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly source: Uint8Array,
    readonly start: number,
    readonly length: number,
    /** The object it is, for telling a form that draws itself. */
    readonly ref: string | null,
  ) {}
}

export type PdfDict = Map<string, PdfObject>;
export type PdfObject = number | boolean | null | PdfName | PdfString | PdfRef | PdfStream | PdfObject[] | PdfDict;

export const EOF = Symbol('eof');
type Punct = '[' | ']' | '<<' | '>>';
export type Token = number | boolean | null | PdfName | PdfString | PdfCmd | Punct | typeof EOF;

/** 0 regular, 1 whitespace, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

const EMPTY_STRING = new PdfString('');
/** Nesting of arrays and dictionaries beyond this is hostile. */
const MAX_NESTING = 64;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

export class Lexer {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    readonly end = bytes.length,
    /** Content streams need strings only as arguments, not their text. */
    private readonly keepStrings = true,
  ) {
    this.pos = pos;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (CLASS[c] === 1) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else break;
    }
  }

  token(): Token {
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= this.end) return EOF;
    const c = b[this.pos]!;
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return this.number();
    switch (c) {
      case 0x2f:
        return this.name();
      case 0x28:
        return this.literal();
      case 0x5b:
        this.pos++;
        return '[';
      case 0x5d:
        this.pos++;
        return ']';
      case 0x3c:
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return '<<';
        }
        return this.hex();
      case 0x3e:
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return '>>';
        }
        throw new Unreadable('stray >');
    }
    if (CLASS[c] === 2) throw new Unreadable(`stray ${String.fromCharCode(c)}`);
    const start = this.pos;
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0) this.pos++;
    const n = this.pos - start;
    // Operators are one to three letters: no subarray for them.
    const word = n === 1 ? String.fromCharCode(c) : n === 2 ? String.fromCharCode(c, b[start + 1]!) : n === 3 ? String.fromCharCode(c, b[start + 1]!, b[start + 2]!) : latin1(b, start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return PdfCmd.of(word);
  }

  /** As pdf.js's lexer computes it: all the digits as one integer, divided by 10^(digits after the point). */
  private number(): number {
    const b = this.bytes;
    let i = this.pos;
    let sign = 1;
    if (b[i] === 43 || b[i] === 45) sign = b[i++] === 45 ? -1 : 1;
    let value = 0, divideBy = 0, digits = 0;
    for (; i < this.end; i++) {
      const c = b[i]!;
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        if (divideBy) divideBy *= 10;
        digits++;
      } else if (c === 46 && !divideBy) divideBy = 1;
      else break;
    }
    if (!digits || (i < this.end && CLASS[b[i]!] === 0)) throw new Unreadable('a number pdf.js may read otherwise');
    this.pos = i;
    return sign * (divideBy ? value / divideBy : value);
  }

  private name(): PdfName {
    const b = this.bytes;
    let i = ++this.pos;
    let out = '';
    let start = i;
    while (i < this.end && CLASS[b[i]!] === 0) {
      if (b[i] === 0x23 && hexValue(b[i + 1] ?? 0) >= 0 && hexValue(b[i + 2] ?? 0) >= 0) {
        out += latin1(b, start, i) + String.fromCharCode(hexValue(b[i + 1]!) * 16 + hexValue(b[i + 2]!));
        i += 3;
        start = i;
      } else i++;
    }
    out += latin1(b, start, i);
    this.pos = i;
    return new PdfName(out);
  }

  private literal(): PdfString {
    const b = this.bytes;
    let i = this.pos + 1;
    let depth = 1;
    const keep = this.keepStrings;
    let out = '';
    for (;;) {
      if (i >= this.end) throw new Unreadable('unterminated string');
      const c = b[i++]!;
      if (c === 0x5c) {
        if (i >= this.end) throw new Unreadable('unterminated string');
        const e = b[i++]!;
        if (!keep) continue;
        if (e >= 48 && e <= 55) {
          let v = e - 48;
          for (let k = 0; k < 2 && b[i]! >= 48 && b[i]! <= 55; k++) v = v * 8 + (b[i++]! - 48);
          out += String.fromCharCode(v & 0xff);
        } else if (e === 13) {
          if (b[i] === 10) i++;
        } else if (e !== 10) {
          out += ({ 110: '\n', 114: '\r', 116: '\t', 98: '\b', 102: '\f' } as Record<number, string>)[e] ?? String.fromCharCode(e);
        }
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
      if (keep) out += String.fromCharCode(c);
    }
    this.pos = i;
    return keep ? new PdfString(out) : EMPTY_STRING;
  }

  private hex(): PdfString {
    const b = this.bytes;
    let i = this.pos + 1;
    let out = '';
    let high = -1;
    for (;;) {
      if (i >= this.end) throw new Unreadable('unterminated hex string');
      const c = b[i++]!;
      if (c === 0x3e) break;
      if (CLASS[c] === 1) continue;
      const v = hexValue(c);
      if (v < 0) throw new Unreadable('bad hex string');
      if (!this.keepStrings) continue;
      if (high < 0) high = v;
      else {
        out += String.fromCharCode(high * 16 + v);
        high = -1;
      }
    }
    if (high >= 0) out += String.fromCharCode(high * 16);
    this.pos = i;
    return this.keepStrings ? new PdfString(out) : EMPTY_STRING;
  }
}

export function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) s += String.fromCharCode(...b.subarray(i, Math.min(end, i + 4096)));
  return s;
}

/**
 * Objects from tokens. With `refs`, "n g R" is a reference (file objects); content streams have none.
 * A keyword where an object belongs is returned as the PdfCmd it is, for the caller to judge.
 */
export class ObjectParser {
  private ahead: Token[] = [];

  constructor(
    readonly lexer: Lexer,
    private readonly refs: boolean,
  ) {}

  private next(): Token {
    return this.ahead.length ? this.ahead.shift()! : this.lexer.token();
  }

  private peek(k: number): Token {
    while (this.ahead.length <= k) this.ahead.push(this.lexer.token());
    return this.ahead[k]!;
  }

  /** Where the lexer stands once the look-ahead is given back (only when nothing is held). */
  get settled(): boolean {
    return this.ahead.length === 0;
  }

  read(depth = 0): PdfObject | PdfCmd | typeof EOF {
    const t = this.next();
    return this.finish(t, depth);
  }

  finish(t: Token, depth = 0): PdfObject | PdfCmd | typeof EOF {
    if (depth > MAX_NESTING) throw new Unreadable('nested too deep');
    if (t === '[') {
      const out: PdfObject[] = [];
      for (;;) {
        const u = this.next();
        if (u === ']') return out;
        if (u === EOF) throw new Unreadable('unterminated array');
        const v = this.finish(u, depth + 1);
        if (v instanceof PdfCmd || v === EOF) throw new Unreadable('keyword in an array');
        out.push(v);
      }
    }
    if (t === '<<') {
      const out: PdfDict = new Map();
      for (;;) {
        const k = this.next();
        if (k === '>>') return out;
        if (!(k instanceof PdfName)) throw new Unreadable('dictionary key not a name');
        const v = this.read(depth + 1);
        if (v instanceof PdfCmd || v === EOF) throw new Unreadable('keyword in a dictionary');
        out.set(k.name, v);
      }
    }
    if (t === ']' || t === '>>') throw new Unreadable(`stray ${t}`);
    if (this.refs && typeof t === 'number' && Number.isInteger(t) && t >= 0) {
      const g = this.peek(0);
      if (typeof g === 'number' && Number.isInteger(g) && g >= 0 && this.peek(1) === PdfCmd.of('R')) {
        this.ahead.splice(0, 2);
        return new PdfRef(t, g);
      }
    }
    return t;
  }
}
