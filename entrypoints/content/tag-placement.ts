/**
 * Where the selected cell's tag (应为 X，表中为 Y) goes, as plain geometry: rectangles in, one rectangle
 * out (no DOM here, so it is unit-tested). The tag may sit on blank paper — a cell's padding, the
 * table's margin, the gap between two values — but never on what a reviewer reads: its own cell's ■
 * badge, the row above, another cell's figures or labels, the panel, or past the window's edges.
 *
 * The search: a few horizontal bands the tag could sit in — level with the cell, below it (just below,
 * then below each line of text under it), above the row above — each cut by the obstacles into free
 * stretches; in each stretch the tag goes as close to the cell as it can, and the nearest place wins
 * (level with the cell before below, below before above, at the same distance). When no place is free
 * it gives way in steps: the other marks' frames may be covered (never their figures), then its own
 * cell's blank part; then the tag gets shorter — the expected value alone, then that in a smaller
 * font (`sizes`, never a number cut in half). Only when even that fits nowhere does it go below the
 * cell, inside the window, covering what it must.
 */
import type { Rect } from './placement';

export type TagSide = 'margin-end' | 'margin-start' | 'end' | 'start' | 'below' | 'above';

export interface TagInput {
  /** The selected cell's mark (its badge is inside, in the top-left corner), in viewport px. */
  cell: Rect;
  /** The cell's badge (inside the cell, top-left). */
  badge?: Rect | null;
  /** The tag's sizes, in order of preference: the full wording first, then shorter ones. */
  sizes: readonly { width: number; height: number }[];
  viewport: { width: number; height: number };
  /** The text of the page's cells and captions near the cell (one rect per line box). */
  texts?: readonly Rect[];
  /** The row above the cell, across the table (the tag must leave it readable). */
  rowAbove?: Rect | null;
  /** The other marks: better not covered, their figures are in `texts` anyway. */
  marks?: readonly Rect[];
  /** Gouji's panel. */
  panel?: Rect | null;
  /** The cell's table: a tag beyond its edges is in the margin (a leader line joins it to the cell). */
  table?: Rect | null;
}

export interface TagPlacement {
  rect: Rect;
  side: TagSide;
  /** Which of `sizes` (0: the full wording). */
  size: number;
}

/** Space kept between the tag and the cell, or anything it must not touch. */
export const TAG_GAP = 4;
/** Space kept from the window's edges. */
const EDGE = 2;
/** How far below the cell a line of text still yields a band for the tag (about three rows). */
const REACH_BELOW = 96;
/** Extra distance counted for a place below or above the cell: level with it reads best. */
const BAND_COST = { row: 0, below: 2, above: 8 } as const;

type Band = { kind: keyof typeof BAND_COST; top: number };

const grow = (r: Rect, by: number): Rect => ({ left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by });

/** The gap between two rectangles (0 when they touch or overlap). */
function distance(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.left - a.right, a.left - b.right);
  const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
  return Math.hypot(dx, dy);
}

/** The horizontal stretches of [from, to] that no obstacle crossing the band [top, bottom] blocks. */
function freeStretches(top: number, bottom: number, obstacles: readonly Rect[], from: number, to: number): [number, number][] {
  const blocked = obstacles
    .filter((o) => o.bottom > top && o.top < bottom && o.right > from && o.left < to)
    .map((o) => [o.left, o.right] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const free: [number, number][] = [];
  let x = from;
  for (const [l, r] of blocked) {
    if (l > x) free.push([x, l]);
    x = Math.max(x, r);
  }
  if (x < to) free.push([x, to]);
  return free;
}

function bands(input: TagInput, height: number): Band[] {
  const { cell, viewport } = input;
  const clampTop = (y: number) => Math.min(Math.max(y, EDGE), viewport.height - EDGE - height);
  const out: Band[] = [{ kind: 'row', top: clampTop((cell.top + cell.bottom) / 2 - height / 2) }];
  const below = [cell.bottom + TAG_GAP];
  for (const t of input.texts ?? []) if (t.bottom > cell.bottom && t.bottom < cell.bottom + REACH_BELOW) below.push(t.bottom + TAG_GAP);
  for (const y of below) out.push({ kind: 'below', top: clampTop(y) });
  out.push({ kind: 'above', top: clampTop(Math.min(cell.top, input.rowAbove?.top ?? cell.top) - TAG_GAP - height) });
  return out;
}

function sideOf(rect: Rect, band: Band, input: TagInput): TagSide {
  if (band.kind !== 'row') return band.kind;
  const { table, cell } = input;
  if (table && rect.left >= table.right) return 'margin-end';
  if (table && rect.right <= table.left) return 'margin-start';
  return rect.left + rect.right > cell.left + cell.right ? 'end' : 'start';
}

/**
 * The nearest place in `bands` where a tag `width` wide covers none of `obstacles` (each kept
 * TAG_GAP away), or null.
 */
function nearest(input: TagInput, size: number, obstacles: readonly Rect[]): TagPlacement | null {
  const { width, height } = input.sizes[size]!;
  const { cell, viewport } = input;
  const padded = obstacles.map((o) => grow(o, TAG_GAP));
  let best: { placement: TagPlacement; cost: number } | null = null;
  for (const band of bands(input, height)) {
    const bottom = band.top + height;
    if (band.top < 0 || bottom > viewport.height) continue; // a window lower than the tag
    for (const [l, r] of freeStretches(band.top, bottom, padded, EDGE, viewport.width - EDGE)) {
      if (r - l < width) continue;
      // As close to the cell as the stretch allows: level with it just past its right edge, or
      // (below, above) starting at its left edge.
      const want = band.kind === 'row' ? cell.right + TAG_GAP : cell.left;
      const left = Math.min(Math.max(want, l), r - width);
      const rect = { left, top: band.top, right: left + width, bottom };
      const cost = distance(rect, cell) + BAND_COST[band.kind];
      if (!best || cost < best.cost) best = { placement: { rect, side: sideOf(rect, band, input), size }, cost };
    }
  }
  return best?.placement ?? null;
}

export function placeTag(input: TagInput): TagPlacement {
  const { cell, viewport } = input;
  const always: Rect[] = [...(input.texts ?? []), ...(input.badge ? [input.badge] : []), ...(input.rowAbove ? [input.rowAbove] : []), ...(input.panel ? [input.panel] : [])];
  const tiers = [[...always, cell, ...(input.marks ?? [])], [...always, cell], always];
  for (let size = 0; size < input.sizes.length; size++) {
    if (input.sizes[size]!.width > viewport.width - 2 * EDGE) continue;
    for (const obstacles of tiers) {
      const found = nearest(input, size, obstacles);
      if (found) return found;
    }
  }
  // Nothing free anywhere near: the shortest tag below the cell, inside the window.
  const size = input.sizes.length - 1;
  const { width, height } = input.sizes[size]!;
  const left = Math.max(EDGE, Math.min(cell.left, viewport.width - EDGE - width));
  const top = Math.max(EDGE, Math.min(cell.bottom + TAG_GAP, viewport.height - EDGE - height));
  return { rect: { left, top, right: left + width, bottom: top + height }, side: 'below', size };
}
