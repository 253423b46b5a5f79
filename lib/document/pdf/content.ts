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
