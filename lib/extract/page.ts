/**
 * The neutral representation of a page: what every reader (parse5 over saved HTML, the live DOM in
 * the content script, the plain-text reader) produces and the one recogniser consumes. Plain types with
 * no runtime code, so the content script can import them without pulling in zod or parse5; the
 * extension page validates what it receives with `PageDocSchema` (page-schema.ts).
 */

/** Where a cell came from, so a browser can find the element again: the `table`-th <table> element
 * in document order (as `document.querySelectorAll('table')`), its `row`-th own row in tree order
 * (rows of nested tables excluded), and the `cell`-th td/th of that row. */
export interface CellSource {
  table: number;
  row: number;
  cell: number;
  /** For a document (PDF, Word): the page, from 1, the cell was printed on. */
  page?: number;
}

export interface RawCell {
  /** Text with <br>/<p> breaks as '\n', whitespace collapsed, full-width characters read as half-width. */
  text: string;
  tag: 'td' | 'th';
  /** The attribute values as printed (null when absent): parsed later by the WHATWG rules. */
  rowspan: string | null;
  colspan: string | null;
  source: CellSource;
}

export interface RawRow {
  cells: RawCell[];
  /** Index of the row group (thead/tbody/tfoot, or the implied tbody) within the table: rowspans stop at its end. */
  group: number;
  /** Document order of the row among all rows of the page, so rows of nested tables interleave correctly. */
  order: number;
}

export interface RawTable {
  /** Index among all <table> elements of the page in document order. */
  index: number;
  /** Nesting depth: 0 for a top-level table. */
  depth: number;
  rows: RawRow[];
  /** True when rows come from a text dump whose row boundaries are unreliable (one cell a line). */
  streamed?: boolean;
}

export interface PageMeta {
  title: string;
  /** <meta name|property=… content=…>, names lower-cased. */
  meta: Record<string, string>;
}

export interface PageLimits {
  /** Tables or cells dropped by the size guards, with the reason. */
  truncated: string[];
}

export interface PageDoc {
  meta: PageMeta;
  /** Text outside tables, one block-level line an entry, in document order. */
  lines: string[];
  tables: RawTable[];
  /** Links whose text or address looks like an attachment (PDF, DOC…), for input.no-report. */
  links: { text: string; href: string }[];
  /** 'quirks' when the document has no doctype (old CMS and Word pages): rowspan="0" then acts as 1. */
  mode: 'quirks' | 'standards';
  limits: PageLimits;
}
