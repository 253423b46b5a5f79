/** The panel's selection status bar: count, exact sum, non-number cells apart, difference of two selections. */
import { describe, expect, it } from 'vitest';
import { cellNumber, cellsInRange, formatSum, sumCells, summarizeSelections, type PickedCell } from '../../lib/selection/sums';

const cells = (...texts: string[]): PickedCell[] => texts.map((text, i) => ({ key: `${i}:${text}`, text }));

describe('selection sums', () => {
  it('reads numbers as the audit does: separators, signs, units, full-width digits', () => {
    expect(cellNumber('1,234')).toEqual({ value: 1234, decimals: 0 });
    expect(cellNumber('１２３')).toEqual({ value: 123, decimals: 0 });
    expect(cellNumber('18.48万元')).toEqual({ value: 18.48, decimals: 2 });
    expect(cellNumber('-2')).toEqual({ value: -2, decimals: 0 });
    expect(cellNumber('－2')).toEqual({ value: -2, decimals: 0 });
    expect(cellNumber(' 6\u00a0件 ')).toEqual({ value: 6, decimals: 0 });
    expect(cellNumber('自然人')).toBeNull();
    expect(cellNumber('—')).toBeNull();
    expect(cellNumber('')).toBeNull();
  });

  it('counts every cell, sums the numbers, and counts the non-number cells apart (never as 0)', () => {
    const s = sumCells(cells('25', '1', '8', '自然人', '—', ''));
    expect(s).toEqual({ count: 6, numbers: 3, nonNumeric: 3, sum: 34, decimals: 0 });
  });

  it('sums decimals exactly in the cells\' own precision', () => {
    const s = sumCells(cells('0.1', '0.2', '18.48'));
    expect(s.sum).toBe(18.78);
    expect(s.decimals).toBe(2);
    expect(formatSum(s.sum, s.decimals)).toBe('18.78');
    expect(sumCells(cells('0.1', '0.2')).sum).toBe(0.3);
  });

  it('two selections: their difference, first minus second; a cell in both counts once in the total', () => {
    const a: PickedCell[] = [
      { key: 'a1', text: '46' },
      { key: 'shared', text: '4' },
    ];
    const b: PickedCell[] = [
      { key: 'b1', text: '44' },
      { key: 'shared', text: '4' },
    ];
    const s = summarizeSelections([a, b]);
    expect(s.groups.map((g) => g.sum)).toEqual([50, 48]);
    expect(s.difference).toBe(2);
    expect(s.total).toEqual({ count: 3, numbers: 3, nonNumeric: 0, sum: 94, decimals: 0 });
    expect(summarizeSelections([b, a]).difference).toBe(-2);
  });

  it('no difference for one or three selections; an empty selection sums to 0', () => {
    expect(summarizeSelections([cells('1', '2')]).difference).toBeNull();
    expect(summarizeSelections([cells('1'), cells('2'), cells('3')]).difference).toBeNull();
    expect(summarizeSelections([]).total).toEqual({ count: 0, numbers: 0, nonNumeric: 0, sum: 0, decimals: 0 });
  });

  it('difference of decimals is exact', () => {
    expect(summarizeSelections([cells('0.3'), cells('0.1')]).difference).toBe(0.2);
  });

  it('formats sums with grouping, kept decimals and a true minus sign', () => {
    expect(formatSum(1234567, 0)).toBe('1,234,567');
    expect(formatSum(-1234.5, 2)).toBe('−1,234.50');
    expect(formatSum(0, 0)).toBe('0');
    expect(formatSum(-0.001, 2)).toBe('0.00');
  });

  it('a range is every cell whose centre lies between the two corner cells, merged cells included', () => {
    // A 3×3 grid of 10-px cells, plus a cell merged over the bottom row's first two columns.
    const grid: { cell: string; box: { left: number; top: number; right: number; bottom: number } }[] = [];
    for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) grid.push({ cell: `r${r}c${c}`, box: { left: c * 10, top: r * 10, right: c * 10 + 10, bottom: r * 10 + 10 } });
    grid.push({ cell: 'merged', box: { left: 0, top: 20, right: 20, bottom: 30 } });
    grid.push({ cell: 'r2c2', box: { left: 20, top: 20, right: 30, bottom: 30 } });
    grid.push({ cell: 'hidden', box: { left: 5, top: 5, right: 5, bottom: 5 } });
    const at = (id: string) => grid.find((g) => g.cell === id)!.box;
    expect(cellsInRange(grid, at('r0c1'), at('r1c2'))).toEqual(['r0c1', 'r0c2', 'r1c1', 'r1c2']);
    expect(cellsInRange(grid, at('r1c2'), at('r0c1'))).toEqual(['r0c1', 'r0c2', 'r1c1', 'r1c2']);
    expect(cellsInRange(grid, at('r0c0'), at('merged'))).toEqual(['r0c0', 'r0c1', 'r1c0', 'r1c1', 'merged']);
    expect(cellsInRange(grid, at('r0c0'), at('r0c0'))).toEqual(['r0c0']);
  });
});
