/**
 * The arithmetic of the panel's selection status bar (as a spreadsheet's): how many cells are
 * selected, the sum of those that hold a number, the cells that do not (counted apart, never read as
 * 0), and for exactly two selections the difference of their sums. Numbers are read the way the
 * audit reads a cell (lib/recognize/numbers.ts: separators, signs, units); sums are exact in the
 * cells' own decimals (0.1 + 0.2 is 0.3). Pure: the content script and the tests share it.
 */
import { parseCellValue } from '../recognize/numbers';

/** A selected cell: something that identifies it (so a cell in both selections is counted once) and its text. */
export interface PickedCell {
  key: unknown;
  text: string;
}

export interface SelectionSum {
  /** Cells selected. */
  count: number;
  /** Of them, cells holding a number (summed). */
  numbers: number;
  /** Of them, cells holding no number (text, or a blank such as — or nothing): not in the sum. */
  nonNumeric: number;
  sum: number;
  /** Decimals of the most precise number summed: the sum is shown with as many. */
  decimals: number;
}

export interface SelectionSums {
  /** Every selected cell, each once. */
  total: SelectionSum;
  /** Each selection on its own. */
  groups: SelectionSum[];
  /** First selection's sum minus the second's, when there are exactly two; else null. */
  difference: number | null;
  /** Decimals to show the difference with. */
  differenceDecimals: number;
}

/** A cell's number, or null. Full-width digits and spaces (NBSP, ideographic) are normalized first. */
export function cellNumber(text: string): { value: number; decimals: number } | null {
  const parsed = parseCellValue(text.normalize('NFKC'));
  return parsed.kind === 'number' ? { value: parsed.value, decimals: parsed.decimals } : null;
}

/** Exact sum of decimals: add as integers scaled to the most decimals, divide once. */
function exactSum(values: readonly { value: number; decimals: number }[]): { sum: number; decimals: number } {
  const decimals = Math.min(10, values.reduce((d, v) => Math.max(d, v.decimals), 0));
  const scale = 10 ** decimals;
  const scaled = values.reduce((s, v) => s + Math.round(v.value * scale), 0);
  return { sum: scaled / scale, decimals };
}

export function sumCells(cells: readonly PickedCell[]): SelectionSum {
  const numbers = cells.map((c) => cellNumber(c.text)).filter((n): n is { value: number; decimals: number } => n !== null);
  const { sum, decimals } = exactSum(numbers);
  return { count: cells.length, numbers: numbers.length, nonNumeric: cells.length - numbers.length, sum, decimals };
}

export function summarizeSelections(groups: readonly (readonly PickedCell[])[]): SelectionSums {
  const unique = (cells: readonly PickedCell[]) => [...new Map(cells.map((c) => [c.key, c])).values()];
  const sums = groups.map((g) => sumCells(unique(g)));
  const total = sumCells(unique(groups.flat()));
  let difference: number | null = null;
  let differenceDecimals = 0;
  if (sums.length === 2) {
    const [a, b] = sums as [SelectionSum, SelectionSum];
    differenceDecimals = Math.max(a.decimals, b.decimals);
    const scale = 10 ** differenceDecimals;
    difference = (Math.round(a.sum * scale) - Math.round(b.sum * scale)) / scale;
  }
  return { total, groups: sums, difference, differenceDecimals };
}

/** A sum as shown: its decimals kept, thousands grouped (1,234.50), a true minus sign. */
export function formatSum(value: number, decimals: number): string {
  const [int = '0', frac] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 && Number(value.toFixed(decimals)) !== 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The cells of a drag or a shift-click from `anchor` to `focus`: every cell whose centre lies in the
 * rectangle spanning both (merged cells included where their centre falls inside), in page order.
 * By geometry rather than row/column indexes, so rowspan/colspan need no grid bookkeeping.
 */
export function cellsInRange<T>(cells: readonly { cell: T; box: Box }[], anchor: Box, focus: Box): T[] {
  const area: Box = { left: Math.min(anchor.left, focus.left), top: Math.min(anchor.top, focus.top), right: Math.max(anchor.right, focus.right), bottom: Math.max(anchor.bottom, focus.bottom) };
  return cells
    .filter(({ box }) => {
      if (box.right - box.left <= 0 || box.bottom - box.top <= 0) return false;
      const x = (box.left + box.right) / 2;
      const y = (box.top + box.bottom) / 2;
      return x >= area.left && x <= area.right && y >= area.top && y <= area.bottom;
    })
    .map(({ cell }) => cell);
}
