/**
 * cross-year.previous-count — format 2019 both years: this year's 上一年项目数量 = last year's 上一年项目数量
 * + 本年增/减, for items (五)(六)(八).
 */
import { cellLabel } from '../../format/cell-label';
import { activeRowsWith } from '../../model/statutory';
import { exactSum } from '../solve';
import { numberOf, type CrossYearRule } from './types';

/** The 2019 rows counting items last year and their change (items (五)(六)(八)). */
const ROWS = activeRowsWith('2019', ['previous', 'change']).map((r) => r.id);

export const crossYearPreviousCount: CrossYearRule = {
  id: 'cross-year.previous-count',
  run({ previous, current, lang }) {
    if (previous.report.format !== '2019' || current.report.format !== '2019') return [];
    return ROWS.flatMap((row) => {
      const thisId = `active/${row}/previous`;
      const lastPrevious = `active/${row}/previous`;
      const lastChange = `active/${row}/change`;
      const now = numberOf(current.report, thisId);
      const a = numberOf(previous.report, lastPrevious);
      const b = numberOf(previous.report, lastChange);
      if (now === null || a === null || b === null) return [];
      const expected = exactSum([a, b]);
      if (expected === now) return [];
      return [
        {
          rule: 'cross-year.previous-count',
          severity: 'warning' as const,
          params: { cell: cellLabel(thisId, lang), actual: now, expected, previousYear: previous.report.year ?? '', lastPrevious: a, lastChange: b },
          cells: [thisId],
          previousCells: [lastPrevious, lastChange],
          expected,
          actual: now,
        },
      ];
    });
  },
};
