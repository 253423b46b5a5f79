/**
 * PDF bytes → PageDoc through pdf.js, one page at a time (each page's pdf.js objects released before the
 * next), so a 200-page document holds only its compact text and rules.
 */
import type { PageContent, TextRun } from './content';
import { layoutPages, printedTitle, type DocumentLayout } from './layout';
import { loadPdfjs } from './pdfjs';
import { ContentReader } from './raw/read-graphics';
import { readPage } from './read-page';

/** What a page held, for telling a scan (pictures, no text) from a text PDF. */
export interface PageSummary {
  number: number;
  textChars: number;
  images: number;
}

export type PdfRead =
  | { ok: true; layout: DocumentLayout; pages: PageSummary[] }
  | { ok: false; reason: 'encrypted' | 'damaged'; error: string };

const NUMBER_RUN = /^[+\-−]?\d[\d,，.]*$/;
const TABLE_WORDS = /第二十条|信息内容|申请人情况|自然人|行政复议|行政诉讼|结果维持|本年度办理结果/;

/**
 * Reading a page's drawing costs: its content stream inflated and run (raw/, a few ms), or — where that
 * reader gives up — pdf.js's operator list, as much as the text. It is read only where a table may
 * stand — figures printed on their own, or a table's header words — or where there is next to no text
 * (a scan, whose pictures are to be told).
 */
export function mayHoldTable(runs: readonly TextRun[]): boolean {
  let chars = 0;
  for (const r of runs) chars += r.text.trim().length;
  if (chars < 20) return true;
  if (runs.some((r) => TABLE_WORDS.test(r.text))) return true;
  // A figure in a cell stands apart on its line; one in a sentence touches the words beside it.
  let apart = 0;
  for (const r of runs) {
    if (!NUMBER_RUN.test(r.text.trim())) continue;
    const gap = 0.5 * r.size;
    const touches = runs.some((o) => o !== r && Math.abs(o.top - r.top) < gap && o.x0 < r.x1 + gap && r.x0 - gap < o.x1);
    if (!touches && ++apart >= 3) return true;
  }
  return false;
}

/** Pages beyond this are not read (reports run to a few dozen pages). */
export const MAX_PDF_PAGES = 400;

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages: PageContent[] = [];
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    // Rules and images from the content streams, read from the caller's bytes (pdf.js owns its copy).
    const reader = new ContentReader(bytes, count);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      pages.push(await readPage(pdfjs, page, n, mayHoldTable, reader));
      page.cleanup();
    }
    const layout = layoutPages(pages, printedTitle(pages));
    const summaries = pages.map((p) => ({ number: p.number, textChars: p.runs.reduce((n, r) => n + r.text.trim().length, 0), images: p.images.length }));
    if (doc.numPages > count) layout.page.limits.truncated.push(`${doc.numPages - count} pages after page ${count}`);
    await doc.destroy();
    return { ok: true, layout, pages: summaries };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error)?.name ?? '';
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'damaged', error: String((error as Error)?.message ?? error) };
  }
}
