/**
 * Where pdf.js comes from. lib/ stays pure: the default loads pdf.js's legacy build (it runs in Node
 * 20 and in any browser); an extension page may inject its own build and set its worker first.
 * Nothing here imports a Node module.
 */
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfjsModule = typeof Pdfjs;
export type PdfjsLoader = () => Promise<PdfjsModule>;

let loader: PdfjsLoader = () => import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfjsModule> | null = null;

/** Use another pdf.js (an extension page's build, with `GlobalWorkerOptions.workerSrc` set). */
export function setPdfjsLoader(next: PdfjsLoader): void {
  loader = next;
  loaded = null;
}

export function loadPdfjs(): Promise<PdfjsModule> {
  loaded ??= loader();
  return loaded;
}
