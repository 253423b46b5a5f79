/**
 * pdf.js for this extension page: its worker is a file of the extension (never the content script, whose
 * budget stays small). lib/document loads pdf.js only when a PDF is read.
 */
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';
import { setPdfjsLoader } from '../../lib/document/pdf/pdfjs';

export function usePageWorker(): void {
  setPdfjsLoader(async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
}
