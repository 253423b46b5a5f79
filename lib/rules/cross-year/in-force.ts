/**
 * cross-year.in-force — format 2021 both years: this year's 现行有效件数 = last year's 现行有效件数 + this
 * year's 本年制发件数 − 本年废止件数, item (一).
 */
import { cellLabel } from '../../format/cell-label';
import { activeRowsWith } from '../../model/statutory';
import { exactSum } from '../solve';
import { numberOf, type CrossYearRule } from './types';

/** The 2021 rows counting documents in force (规章, 行政规范性文件). */
const ROWS = activeRowsWith('2021', ['in_force', 'issued', 'repealed']).map((r) => r.id);

export const crossYearInForce: CrossYearRule = {
  id: 'cross-year.in-force',
  run({ previous, current, lang }) {
    if (previous.report.format !== '2021' || current.report.format !== '2021') return [];
    return ROWS.flatMap((row) => {
      const inForce = `active/${row}/in_force`;
      const issued = `active/${row}/issued`;
      const repealed = `active/${row}/repealed`;
      const now = numberOf(current.report, inForce);
      const last = numberOf(previous.report, inForce);
      const plus = numberOf(current.report, issued);
      const minus = numberOf(current.report, repealed);
      if (now === null || last === null || plus === null || minus === null) return [];
      const expected = exactSum([last, plus, -minus]);
      if (expected === now) return [];
      return [
        {
          rule: 'cross-year.in-force',
          severity: 'warning' as const,
          params: { cell: cellLabel(inForce, lang), actual: now, expected, previousYear: previous.report.year ?? '', last, issued: plus, repealed: minus },
          cells: [inForce, issued, repealed],
          previousCells: [inForce],
          expected,
          actual: now,
        },
      ];
    });
  },
};
