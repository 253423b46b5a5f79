/**
 * PDF bytes → PageDoc through pdf.js, one page at a time (each page's pdf.js objects released before the
 * next), so a 200-page document holds only its compact text and rules.
 */
import type { PageContent } from './content';
import { layoutPages, printedTitle, type DocumentLayout } from './layout';
import { loadPdfjs } from './pdfjs';
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
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      pages.push(await readPage(pdfjs, page, n, () => true));
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
