/**
 * One pdf.js page → PageContent: the text runs of getTextContent with their boxes, and the ruling
 * lines (stroked segments, and thin filled rectangles — Word and WPS draw many borders as fills) and
 * the image boxes, all transformed by the current matrix as the canvas renderer would, into the
 * viewport's top-left coordinates. The drawing comes from the content stream (raw/) where that
 * reader can read the page, else from pdf.js's operator list (graphicsOf), which it matches.
 */
import { boxOfPoints, type Box, type PageContent, type Segment, type TextRun } from './content';
import { apply, compose, fillSegments, IDENTITY, imageBox, isWhite, strokeSegments, type Matrix } from './geometry';
import type { PdfjsModule } from './pdfjs';
import type { ContentReader } from './raw/read-graphics';

export type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>['getPage']>>;

interface GraphicsState {
  ctm: Matrix;
  stroke: string;
  fill: string;
}

/** Ruling segments and image boxes of a page's operator list, in viewport coordinates. */
export function graphicsOf(pdfjs: PdfjsModule, fnArray: number[], argsArray: unknown[][], viewport: readonly number[]): { segments: Segment[]; images: Box[] } {
  const { OPS } = pdfjs;
  const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const IMAGES = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  const segments: Segment[] = [];
  const images: Box[] = [];
  let state: GraphicsState = { ctm: compose(viewport, IDENTITY), stroke: '#000000', fill: '#000000' };
  const stack: GraphicsState[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] ?? [];
    switch (fn) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = compose(state.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ...state });
        if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) state.ctm = compose(state.ctm, Array.from(args[0] as ArrayLike<number>));
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = String(args[0]);
        break;
      case OPS.setFillRGBColor:
        state.fill = String(args[0]);
        break;
      case OPS.constructPath: {
        const op = args[0] as number;
        const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
        if (!data || typeof (data as ArrayLike<number>).length !== 'number') break;
        if (STROKES.has(op) && !isWhite(state.stroke)) strokeSegments(segments, state.ctm, data);
        if (FILLS.has(op) && !isWhite(state.fill)) fillSegments(segments, state.ctm, data);
        break;
      }
      default:
        if (IMAGES.has(fn)) {
          images.push(imageBox(state.ctm));
        }
    }
  }
  return { segments, images };
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

/** Text runs with their em boxes (from 0.2 em below the baseline to 0.8 em above), in viewport coordinates. */
export function runsOf(items: readonly unknown[], viewport: readonly number[]): TextRun[] {
  const m = viewport as unknown as Matrix;
  const runs: TextRun[] = [];
  for (const raw of items) {
    const item = raw as TextItemLike;
    if (typeof item.str !== 'string' || !item.str.trim() || !item.transform) continue;
    const [a, b, c, d, e, f] = item.transform as Matrix;
    const along = Math.hypot(a, b) || 1;
    const size = Math.hypot(c, d) || along;
    const dx = a / along, dy = b / along, ux = c / size, uy = d / size;
    const w = item.width;
    const corners = [
      [e - ux * 0.2 * size, f - uy * 0.2 * size],
      [e + ux * 0.8 * size, f + uy * 0.8 * size],
      [e + dx * w - ux * 0.2 * size, f + dy * w - uy * 0.2 * size],
      [e + dx * w + ux * 0.8 * size, f + dy * w + uy * 0.8 * size],
    ].map(([x, y]) => apply(m, x!, y!));
    runs.push({ text: item.str, ...boxOfPoints(corners), size });
  }
  return runs;
}

/**
 * Text from getTextContent; where `withGraphics` asks for them, the rules and images from the page's
 * content stream (`reader`), or from pdf.js's operator list when the reader cannot read the page.
 */
export async function readPage(pdfjs: PdfjsModule, page: PdfPage, number: number, withGraphics: (runs: TextRun[]) => boolean, reader?: ContentReader | null): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const text = await page.getTextContent();
  const runs = runsOf(text.items, viewport.transform);
  let segments: Segment[] = [];
  let images: Box[] = [];
  if (withGraphics(runs)) {
    const read = reader?.graphics(number, page.ref, viewport.transform) ?? (await operatorListGraphics(pdfjs, page, viewport.transform));
    ({ segments, images } = read);
  }
  return { number, width: viewport.width, height: viewport.height, runs, segments, images };
}

/** The rules and images of pdf.js's operator list (the reference the content-stream reader matches). */
export async function operatorListGraphics(pdfjs: PdfjsModule, page: PdfPage, viewport: readonly number[]): Promise<{ segments: Segment[]; images: Box[] }> {
  const list = await page.getOperatorList();
  return graphicsOf(pdfjs, list.fnArray, list.argsArray as unknown[][], viewport);
}
