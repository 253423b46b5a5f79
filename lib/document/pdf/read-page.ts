/**
 * One pdf.js page → PageContent: the text runs of getTextContent with their boxes, and from the
 * operator list the ruling lines (stroked segments, and thin filled rectangles — Word and WPS draw
 * many borders as fills) and the image boxes, all transformed by the current matrix as the canvas
 * renderer would, into the viewport's top-left coordinates.
 */
import { boxOfPoints, type Box, type PageContent, type Segment, type TextRun } from './content';
import type { PdfjsModule } from './pdfjs';

type Matrix = [number, number, number, number, number, number];
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>['getPage']>>;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Rectangles thinner than this (points) are lines drawn as fills. */
const THIN_FILL = 2.5;
/** Segments shorter than this are glyph parts or dots, not rules. */
const MIN_SEGMENT = 2;
/** How far from axis-aligned (points) a segment may be and still count as a rule. */
const AXIS_TOLERANCE = 0.6;
const WHITE = /^#(?:f[a-f\d]){3}$/i;

/** p → outer(inner(p)). */
function compose(outer: readonly number[], inner: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = outer as Matrix;
  const [g, h, i, j, k, l] = inner as Matrix;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function pushSegment(out: Segment[], m: Matrix, ax: number, ay: number, bx: number, by: number): void {
  const [x0, y0] = apply(m, ax, ay);
  const [x1, y1] = apply(m, bx, by);
  if (Math.abs(y0 - y1) <= AXIS_TOLERANCE && Math.abs(x1 - x0) >= MIN_SEGMENT) {
    const y = (y0 + y1) / 2;
    out.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: y, y1: y });
  } else if (Math.abs(x0 - x1) <= AXIS_TOLERANCE && Math.abs(y1 - y0) >= MIN_SEGMENT) {
    const x = (x0 + x1) / 2;
    out.push({ x0: x, x1: x, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
}

/** Subpaths of a pdf.js DrawOPS buffer (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) as point lists; curves break them. */
function subpaths(data: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      current = { points: [[data[i + 1]!, data[i + 2]!]], closed: false };
      out.push(current);
      i += 3;
    } else if (op === 1) {
      current?.points.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === 2 || op === 3) {
      const n = op === 2 ? 6 : 4;
      const end: [number, number] = [data[i + n - 1]!, data[i + n]!];
      current = { points: [end], closed: false };
      out.push(current);
      i += n + 1;
    } else {
      if (current) current.closed = true;
      i += 1;
    }
  }
  return out;
}

function strokeSegments(out: Segment[], m: Matrix, data: ArrayLike<number>): void {
  for (const { points, closed } of subpaths(data)) {
    for (let k = 1; k < points.length; k++) pushSegment(out, m, points[k - 1]![0], points[k - 1]![1], points[k]![0], points[k]![1]);
    if (closed && points.length > 2) pushSegment(out, m, points.at(-1)![0], points.at(-1)![1], points[0]![0], points[0]![1]);
  }
}

/** A filled subpath that is a thin axis-aligned rectangle is a rule along its long side. */
function fillSegments(out: Segment[], m: Matrix, data: ArrayLike<number>): void {
  for (const { points } of subpaths(data)) {
    if (points.length < 2 || points.length > 5) continue;
    const corners = points.map(([x, y]) => apply(m, x, y));
    const { x0, x1, top: y0, bottom: y1 } = boxOfPoints(corners);
    // Only rectangles: every corner on the box.
    if (!corners.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5))) continue;
    const w = x1 - x0, h = y1 - y0;
    if (h <= THIN_FILL && w >= MIN_SEGMENT) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (w <= THIN_FILL && h >= MIN_SEGMENT) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
  }
}

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
        if (STROKES.has(op) && !WHITE.test(state.stroke)) strokeSegments(segments, state.ctm, data);
        if (FILLS.has(op) && !WHITE.test(state.fill)) fillSegments(segments, state.ctm, data);
        break;
      }
      default:
        if (IMAGES.has(fn)) {
          images.push(boxOfPoints([apply(state.ctm, 0, 0), apply(state.ctm, 1, 0), apply(state.ctm, 0, 1), apply(state.ctm, 1, 1)]));
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

export async function readPage(pdfjs: PdfjsModule, page: PdfPage, number: number, withGraphics: (runs: TextRun[]) => boolean): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const text = await page.getTextContent();
  const runs = runsOf(text.items, viewport.transform);
  let segments: Segment[] = [];
  let images: Box[] = [];
  if (withGraphics(runs)) {
    const list = await page.getOperatorList();
    ({ segments, images } = graphicsOf(pdfjs, list.fnArray, list.argsArray as unknown[][], viewport.transform));
  }
  return { number, width: viewport.width, height: viewport.height, runs, segments, images };
}
