/**
 * What every spreadsheet-bound export (TSV, CSV, the HTML table) shares: the UTF-8 BOM, delimited
 * writing through csv-stringify, and the formula guard.
 *
 * csv-stringify (the `csv` project, MIT, no dependencies) does the quoting. Its browser build is
 * imported on purpose: the Node build (`csv-stringify/sync`) uses the global `Buffer`, which the popup
 * does not have, while the browser build carries its own and runs in Node too — one import for both.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

/** Excel and WPS on Chinese Windows read a CSV as GBK unless it starts with this. */
export const BOM = '\uFEFF';

/**
 * A printed number Excel reads as a number (+14, -5, 1,234, 42.21): never guarded, so a negative
 * change stays a negative number in the sheet.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** First characters that make Excel/WPS read a cell as a formula (OWASP "CSV injection"), and `'` itself. */
const FORMULA_START = /^['=+\-@\t\r＝＋－＠]/;

/** True when a cell's text would be read as a formula (-5项 is one: Excel shows #NAME?). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * The text as a spreadsheet cell: formula-like text gets a leading `'` (a page's `=HYPERLINK(…)`
 * stays text, -5项 stays -5项). Reversible: `unguard` drops exactly one leading `'`, which is why a
 * text that itself starts with `'` is guarded too.
 */
export function guardFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Inverse of `guardFormula`, for readers of our files. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

export interface DelimitedOptions {
  delimiter: ',' | '\t';
  bom?: boolean;
}

/**
 * Rows → delimited text, CRLF line ends (what Excel writes and reads). A field with the delimiter, a
 * quote, CR or LF is quoted and its quotes doubled. `quote_record_delimiter` must be set: with an
 * explicit record delimiter csv-stringify would otherwise leave a bare LF inside a field unquoted.
 */
export function writeDelimited(rows: readonly (readonly string[])[], options: DelimitedOptions): string {
  const body = stringify(
    rows.map((r) => [...r]),
    { delimiter: options.delimiter, record_delimiter: '\r\n', quote_record_delimiter: true },
  );
  return (options.bom ? BOM : '') + body;
}

/** A number as a cell: the shortest round-trip text (42.21, -5), blank for null. */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
