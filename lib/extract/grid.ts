/**
 * The WHATWG table model ("forming a table", "algorithm for processing rows") over a RawTable: each
 * cell is placed at the first free slot of its row; spans are parsed as the spec parses them
 * (leading digits; colspan 0 or junk → 1, clamped to 1000; rowspan junk → 1, clamped to 65534, 0 →
 * to the end of the row group except in quirks mode) and rowspans never run past their row group.
 * Slots covered twice are recorded as overlaps, never thrown. A size guard stops hostile tables.
 */
import type { PageDoc, RawCell, RawTable } from './page';

export interface PlacedCell {
  cell: RawCell;
  /** Index of the row (in table.rows) the cell starts in. */
  row: number;
  /** First grid column the cell covers. */
  x: number;
  width: number;
  height: number;
}

export interface Grid {
  width: number;
  height: number;
  /** Per row, the cells that start in it, in order (what the row itself prints). */
  rows: PlacedCell[][];
  overlaps: number;
  /** Rowspans cut at the end of their row group. */
  clipped: number;
  /** True when the guard stopped placement; later cells got sequential columns. */
  tooLarge: boolean;
}

/** Slots one table may occupy before the guard stops placement (rowspan=65534 × colspan=1000 pages). */
export const MAX_GRID_SLOTS = 2_000_000;

/** WHATWG "rules for parsing non-negative integers": skip white space, then leading ASCII digits. */
export function parseNonNegativeInteger(value: string | null): number | null {
  if (value === null) return null;
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

export function parseColspan(value: string | null): number {
  const n = parseNonNegativeInteger(value);
  if (n === null || n === 0) return 1;
  return Math.min(n, 1000);
}

/** Returns 0 for "grows to the end of the row group" (standards mode only). */
export function parseRowspan(value: string | null, mode: PageDoc['mode']): number {
  const n = parseNonNegativeInteger(value);
  if (n === null) return 1;
  if (n === 0) return mode === 'quirks' ? 1 : 0;
  return Math.min(n, 65534);
}

export function buildGrid(table: RawTable, mode: PageDoc['mode']): Grid {
  const rows: PlacedCell[][] = table.rows.map(() => []);
  const grid: Grid = { width: 0, height: table.rows.length, rows, overlaps: 0, clipped: 0, tooLarge: false };
  // Occupancy per row as a sparse set of covered columns; rows only exist for real rows.
  const occupied: Set<number>[] = table.rows.map(() => new Set<number>());
  let slots = 0;

  // End (exclusive) of each row's group, so rowspans stop there.
  const groupEnd: number[] = new Array(table.rows.length);
  for (let i = table.rows.length - 1; i >= 0; i--) {
    const next = table.rows[i + 1];
    groupEnd[i] = next && next.group === table.rows[i]!.group ? groupEnd[i + 1]! : i + 1;
  }

  for (let y = 0; y < table.rows.length; y++) {
    const row = table.rows[y]!;
    let x = 0;
    for (const cell of row.cells) {
      if (grid.tooLarge) {
        rows[y]!.push({ cell, row: y, x: x++, width: 1, height: 1 });
        continue;
      }
      const occ = occupied[y]!;
      while (occ.has(x)) x++;
      const width = parseColspan(cell.colspan);
      const span = parseRowspan(cell.rowspan, mode);
      const end = groupEnd[y]!;
      let height = span === 0 ? end - y : span;
      if (y + height > end) {
        height = end - y;
        grid.clipped++;
      }
      if (slots + width * height > MAX_GRID_SLOTS) {
        grid.tooLarge = true;
        rows[y]!.push({ cell, row: y, x: x++, width: 1, height: 1 });
        continue;
      }
      slots += width * height;
      for (let dy = 0; dy < height; dy++) {
        const o = occupied[y + dy]!;
        for (let dx = 0; dx < width; dx++) {
          if (o.has(x + dx)) grid.overlaps++;
          else o.add(x + dx);
        }
      }
      rows[y]!.push({ cell, row: y, x, width, height });
      x += width;
      if (x > grid.width) grid.width = x;
    }
  }
  return grid;
}
