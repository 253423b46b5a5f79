/**
 * The drawing geometry both page readers share (the operator-list one in read-page.ts and the
 * content-stream one in raw/): matrices, ruling segments from stroked and thinly filled paths, image
 * boxes — one set of thresholds, so the two readers cannot drift apart.
 */
import { boxOfPoints, type Box, type Segment } from './content';

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Rectangles thinner than this (points) are lines drawn as fills. */
export const THIN_FILL = 2.5;
/** Segments shorter than this are glyph parts or dots, not rules. */
export const MIN_SEGMENT = 2;
/** How far from axis-aligned (points) a segment may be and still count as a rule. */
export const AXIS_TOLERANCE = 0.6;
const WHITE = /^#(?:f[a-f\d]){3}$/i;

/** A colour as pdf.js writes it (#rrggbb) that is white or nearly so: rules drawn in it are invisible. */
export const isWhite = (hex: string): boolean => WHITE.test(hex);

/** pdf.js's path operations in a DrawOPS buffer. */
export const DrawOp = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** p → outer(inner(p)). */
export function compose(outer: readonly number[], inner: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = outer as Matrix;
  const [g, h, i, j, k, l] = inner as Matrix;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
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

/** Subpaths of a DrawOPS buffer as point lists; curves break them. */
function subpaths(data: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === DrawOp.moveTo) {
      current = { points: [[data[i + 1]!, data[i + 2]!]], closed: false };
      out.push(current);
      i += 3;
    } else if (op === DrawOp.lineTo) {
      current?.points.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === DrawOp.curveTo || op === DrawOp.quadraticCurveTo) {
      const n = op === DrawOp.curveTo ? 6 : 4;
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

/** The axis-aligned sides of a stroked path. */
export function strokeSegments(out: Segment[], m: Matrix, data: ArrayLike<number>): void {
  for (const { points, closed } of subpaths(data)) {
    for (let k = 1; k < points.length; k++) pushSegment(out, m, points[k - 1]![0], points[k - 1]![1], points[k]![0], points[k]![1]);
    if (closed && points.length > 2) pushSegment(out, m, points.at(-1)![0], points.at(-1)![1], points[0]![0], points[0]![1]);
  }
}

/** A filled subpath that is a thin axis-aligned rectangle is a rule along its long side. */
export function fillSegments(out: Segment[], m: Matrix, data: ArrayLike<number>): void {
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

/** An image is drawn into the unit square of the current matrix. */
export function imageBox(m: Matrix): Box {
  return boxOfPoints([apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)]);
}
