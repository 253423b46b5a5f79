/**
 * Where the panel goes, as plain geometry (no DOM here, so it is unit-tested): beside the report
 * when a side is clear of every mark, collapsed when neither is; and, for a selected cell that both
 * sides would cover (a narrow window), a horizontal band above or below the cell.
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Side = 'right' | 'left';

/** The panel's distance from the window's edges and its width (styles.ts says the same). */
export const PANEL_GAP = 12;
export const PANEL_WIDTH = 380;
/** A band shorter than this shows too few findings to be worth it: the cell goes to the other end. */
const MIN_BAND = 220;
/** Room left above a selected cell for its tag and the row above it. */
const ABOVE_CELL = 56;

/** The horizontal strip a panel of `width` on `side` covers in a viewport `vw` wide. */
export function panelStrip(side: Side, vw: number, width = PANEL_WIDTH): { left: number; right: number } {
  const w = Math.min(width, vw - 2 * PANEL_GAP);
  return side === 'right' ? { left: vw - PANEL_GAP - w, right: vw - PANEL_GAP } : { left: PANEL_GAP, right: PANEL_GAP + w };
}

/** Marks whose columns the strip covers: the fixed panel hides them at some scroll position. */
export function marksUnder(marks: readonly Rect[], strip: { left: number; right: number }): number {
  return marks.filter((m) => m.right > strip.left && m.left < strip.right).length;
}

export interface OpeningPlacement {
  side: Side;
  collapsed: boolean;
  /** Marks the open panel would cover on the chosen side (0 unless collapsed). */
  hiddenMarks: number;
}

/**
 * On opening: the right side when no mark lies in its strip, else the left when none lies there,
 * else collapsed on the side that would hide fewer (the right on a tie), saying how many.
 */
export function openingPlacement(marks: readonly Rect[], vw: number, width = PANEL_WIDTH): OpeningPlacement {
  const right = marksUnder(marks, panelStrip('right', vw, width));
  if (right === 0) return { side: 'right', collapsed: false, hiddenMarks: 0 };
  const left = marksUnder(marks, panelStrip('left', vw, width));
  if (left === 0) return { side: 'left', collapsed: false, hiddenMarks: 0 };
  return left < right ? { side: 'left', collapsed: true, hiddenMarks: left } : { side: 'right', collapsed: true, hiddenMarks: right };
}

/** A vertical band of the viewport the panel is confined to (its top, and its greatest height). */
export interface Band {
  top: number;
  maxHeight: number;
}

export interface BandPlan {
  band: Band;
  /** Where the cell's top edge should be in the viewport for the band to clear it. */
  cellTop: number;
}

/**
 * A cell both sides of the window would cover: the cell goes near the top (below any sticky header
 * and room for its tag) and the panel fills the rest below it; a cell too tall for that goes near
 * the bottom with the panel above it.
 */
export function bandAround(cellHeight: number, vh: number, inset: number): BandPlan {
  const cellTop = inset + ABOVE_CELL;
  const below = vh - PANEL_GAP - (cellTop + cellHeight + PANEL_GAP);
  if (below >= MIN_BAND) return { cellTop, band: { top: cellTop + cellHeight + PANEL_GAP, maxHeight: below } };
  const cellAtBottom = vh - PANEL_GAP - cellHeight;
  const top = Math.max(inset, PANEL_GAP);
  return { cellTop: cellAtBottom, band: { top, maxHeight: Math.max(0, cellAtBottom - PANEL_GAP - top) } };
}
