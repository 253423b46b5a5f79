/**
 * The content of one PDF page that the table finder needs, in page coordinates with y growing
 * downwards (top-left origin, points): text runs with their boxes, the straight ruling segments drawn
 * by strokes or by thin fills, and the boxes of images.
 */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Top and bottom of the run's em box. */
  top: number;
  bottom: number;
  size: number;
}

/** A horizontal (y0 = y1) or vertical (x0 = x1) ruling line. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export interface PageContent {
  /** From 1. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  images: Box[];
}

/** The smallest box holding all of `boxes` (at least one). */
export function boundsOf(boxes: readonly Box[]): Box {
  let x0 = Infinity, top = Infinity, x1 = -Infinity, bottom = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    top = Math.min(top, b.top);
    x1 = Math.max(x1, b.x1);
    bottom = Math.max(bottom, b.bottom);
  }
  return { x0, top, x1, bottom };
}

/** The axis-aligned box of points (at least one). */
export function boxOfPoints(points: readonly (readonly [number, number])[]): Box {
  return boundsOf(points.map(([x, y]) => ({ x0: x, x1: x, top: y, bottom: y })));
}
