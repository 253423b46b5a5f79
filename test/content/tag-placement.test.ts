/**
 * The selected cell's tag, as geometry (entrypoints/content/tag-placement.ts): laid-out tables made of
 * rectangles — cells, the line box of each cell's text — and the tag must keep off its badge, the row
 * above, every other cell's text and the panel, inside the window, shortened rather than covering.
 */
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../entrypoints/content/placement';
import { placeTag, type TagInput } from '../../entrypoints/content/tag-placement';

const hits = (a: Rect, b: Rect) => a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;

/** The full wording (应为 1,234，表中为 1,230 at 12px), the expected value alone, that in a smaller font. */
const SIZES = [
  { width: 148, height: 18 },
  { width: 72, height: 18 },
  { width: 60, height: 15 },
];

interface Grid {
  cells: Rect[][];
  /** Each cell's text line box (numbers centred; the first column a long label, left-aligned). */
  texts: Rect[][];
  table: Rect;
}

/** A table as a report lays it out: a label column, then `columns` number columns, rows 30 px high. */
function grid({ left = 0, top = 0, columns = 8, rows = 12, label = 200, width = 100, digits = 3 }: { left?: number; top?: number; columns?: number; rows?: number; label?: number; width?: number; digits?: number } = {}): Grid {
  const cells: Rect[][] = [];
  const texts: Rect[][] = [];
  for (let r = 0; r < rows; r++) {
    const y = top + r * 30;
    const row: Rect[] = [];
    const text: Rect[] = [];
    for (let c = 0; c <= columns; c++) {
      const x = c === 0 ? left : left + label + (c - 1) * width;
      const w = c === 0 ? label : width;
      row.push({ left: x, top: y, right: x + w, bottom: y + 30 });
      const tw = c === 0 ? label - 24 : 8 * digits;
      const tx = c === 0 ? x + 6 : x + (w - tw) / 2;
      text.push({ left: tx, top: y + 6, right: tx + tw, bottom: y + 24 });
    }
    cells.push(row);
    texts.push(text);
  }
  const last = cells[rows - 1]!;
  return { cells, texts, table: { left, top, right: last[columns]!.right, bottom: last[0]!.bottom } };
}

/** What placeTag gets for the cell at (row, column) of a grid: the mark drawn 2 px outside the cell. */
function inputFor(g: Grid, row: number, column: number, viewport: { width: number; height: number }, extra: Partial<TagInput> = {}): TagInput {
  const c = g.cells[row]![column]!;
  const cell = { left: c.left - 2, top: c.top - 2, right: c.right + 2, bottom: c.bottom + 2 };
  const above = g.cells[row - 1];
  return {
    cell,
    badge: { left: cell.left + 3, top: cell.top + 3, right: cell.left + 15, bottom: cell.top + 15 },
    sizes: SIZES,
    viewport,
    texts: g.texts.flat(),
    rowAbove: above ? { left: g.table.left, top: above[0]!.top, right: g.table.right, bottom: above[0]!.bottom } : null,
    table: g.table,
    ...extra,
  };
}

/** Everything a placement must hold, whatever the layout. */
function expectClear(input: TagInput, g: Grid, row: number, column: number): void {
  const { rect } = placeTag(input);
  const { viewport } = input;
  expect(rect.left).toBeGreaterThanOrEqual(0);
  expect(rect.top).toBeGreaterThanOrEqual(0);
  expect(rect.right).toBeLessThanOrEqual(viewport.width);
  expect(rect.bottom).toBeLessThanOrEqual(viewport.height);
  expect(hits(rect, input.badge!), 'the badge').toBe(false);
  if (input.rowAbove) expect(hits(rect, input.rowAbove), 'the row above').toBe(false);
  if (input.panel) expect(hits(rect, input.panel), 'the panel').toBe(false);
  g.texts.forEach((line, r) => line.forEach((t, c) => expect(hits(rect, t), `the text of cell ${r},${c} (tag ${JSON.stringify(rect)}, cell ${row},${column})`).toBe(false)));
}

describe('placeTag', () => {
  it('with room beside the report: level with the cell, in the table margin, full wording', () => {
    const g = grid({ left: 300, top: 100 });
    const placed = placeTag(inputFor(g, 5, 8, { width: 1920, height: 1000 }));
    expect(placed.side).toBe('margin-end');
    expect(placed.size).toBe(0);
    expect(placed.rect.left).toBeGreaterThanOrEqual(g.table.right);
    expectClear(inputFor(g, 5, 8, { width: 1920, height: 1000 }), g, 5, 8);
  });

  it('a table that fills the window: every cell gets a tag that covers no figure, its badge nor the row above', () => {
    const viewport = { width: 1280, height: 720 };
    // 200 px label + 9 × 120 px = 1280: edge to edge, rows down the whole window.
    const g = grid({ columns: 9, width: 120, rows: 24, digits: 4 });
    for (let r = 0; r < 24; r++) for (let c = 1; c <= 9; c++) expectClear(inputFor(g, r, c, viewport), g, r, c);
    // Between two values of a 120 px column the full wording fits (148 px does not): shortened, not covering.
    expect(placeTag(inputFor(g, 10, 5, viewport)).size).toBeGreaterThan(0);
  });

  it('a wide table in a narrow 1024 px window with the panel on the right: the tag stays off the panel', () => {
    const viewport = { width: 1024, height: 768 };
    const panel = { left: 1024 - 12 - 380, top: 12, right: 1024 - 12, bottom: 756 };
    const g = grid({ columns: 8, width: 103, rows: 20 });
    for (let r = 0; r < 20; r++) for (let c = 1; c <= 8; c++) if (!hits(g.cells[r]![c]!, panel)) expectClear(inputFor(g, r, c, viewport, { panel }), g, r, c);
  });

  it('a cell at each edge of the window: the tag stays inside it', () => {
    const viewport = { width: 1100, height: 400 };
    const g = grid({ columns: 9, width: 100, rows: 13 }); // 1100 wide, 390 high: the table is the window
    const edges: [number, number][] = [
      [0, 1], // top row, first number column (left, next to the labels)
      [0, 9], // top-right corner
      [12, 9], // bottom-right corner
      [12, 1], // bottom row
      [6, 9], // right edge
    ];
    for (const [r, c] of edges) expectClear(inputFor(g, r, c, viewport), g, r, c);
    // The right-most column: nothing to its right, the tag goes left or below, never off the window.
    expect(placeTag(inputFor(g, 6, 9, viewport)).rect.right).toBeLessThanOrEqual(1100);
  });

  it('a cell half past the left edge of the window (scrolled sideways): the tag is still inside the window', () => {
    const viewport = { width: 1024, height: 600 };
    const g = grid({ left: -250, top: 40, columns: 10, width: 110, rows: 10 });
    expectClear(inputFor(g, 4, 1, viewport), g, 4, 1);
  });

  it('keeps off the other marks of the finding when it can, and prefers a place level with the cell', () => {
    const viewport = { width: 1600, height: 900 };
    const g = grid({ left: 100, top: 100, columns: 6, width: 160, rows: 10, digits: 2 });
    const input = inputFor(g, 4, 3, viewport);
    const free = placeTag(input);
    expect(free.side).toBe('end');
    expect(free.size).toBe(0);
    const mark = { left: free.rect.left - 10, top: free.rect.top - 10, right: free.rect.right + 10, bottom: free.rect.bottom + 10 };
    const moved = placeTag({ ...input, marks: [mark] });
    expect(hits(moved.rect, mark)).toBe(false);
    expectClear({ ...input, marks: [mark] }, g, 4, 3);
  });

  it('when no place is free at all, the shortest tag goes below the cell, inside the window', () => {
    const viewport = { width: 800, height: 600 };
    const wall = { left: 0, top: 0, right: 800, bottom: 600 };
    const cell = { left: 300, top: 580, right: 400, bottom: 610 };
    const placed = placeTag({ cell, sizes: SIZES, viewport, texts: [wall] });
    expect(placed.size).toBe(SIZES.length - 1);
    expect(placed.side).toBe('below');
    expect(placed.rect.bottom).toBeLessThanOrEqual(600);
    expect(placed.rect.left).toBe(300);
  });
});
