/**
 * A page's ruling lines and image boxes read from its content stream with this directory's small PDF
 * reader — the cheap way (pdf.js's operator list builds every glyph and copies the whole list) — or
 * null when the reader cannot be sure to read the page as pdf.js does (a filter it lacks, a broken
 * xref, encryption, annotations that draw, anything odd): the caller then asks pdf.js. Never throws.
 */
import type { Budget } from './decode';
import { Interpreter, type Graphics } from './interpret';
import { PdfRef, Unreadable } from './lexer';
import { PdfFile } from './objects';
import { pageContents, pageRefs, pageResources } from './pages';

/** Bytes inflated for one page's content and forms. */
const PAGE_BYTES = 32 * 1024 * 1024;

export class ContentReader {
  /** undefined: not opened yet; null: the file is not for this reader. */
  private file: PdfFile | null | undefined;
  private refs: PdfRef[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxPages: number,
  ) {}

  private open(): PdfFile | null {
    if (this.file !== undefined) return this.file;
    try {
      this.file = new PdfFile(this.bytes);
      this.refs = pageRefs(this.file, this.maxPages);
    } catch {
      this.file = null;
    }
    return this.file;
  }

  /**
   * Page `number` (from 1), which pdf.js knows as object `ref`, in the coordinates of pdf.js's
   * viewport `transform` — or null: read it from the operator list.
   */
  graphics(number: number, ref: { num: number; gen: number } | null | undefined, transform: readonly number[]): Graphics | null {
    const file = this.open();
    const mine = this.refs[number - 1];
    // The same page object as pdf.js's, or nothing.
    if (!file || !mine || !ref || mine.num !== ref.num || mine.gen !== ref.gen) return null;
    try {
      const page = file.fetch(mine);
      if (!(page instanceof Map)) return null;
      const annots = file.get(page, 'Annots');
      if (Array.isArray(annots)) {
        for (const a of annots) {
          const annot = file.resolve(a);
          // A link without an appearance draws nothing; any other annotation may (pdf.js adds its appearance).
          if (!(annot instanceof Map) || file.name(annot, 'Subtype') !== 'Link' || annot.has('AP')) return null;
        }
      } else if (annots !== undefined) return null;
      const budget: Budget = { left: PAGE_BYTES };
      const parts = pageContents(file, page).map((s) => {
        if (s.dict.has('Resources')) throw new Unreadable('content stream with its own resources');
        return file.streamData(s, budget);
      });
      const content = parts.length === 1 ? parts[0]! : concat(parts);
      return new Interpreter(file, budget).run(content, pageResources(file, page), transform);
    } catch {
      return null;
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
