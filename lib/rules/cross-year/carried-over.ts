/**
 * cross-year.carried-over — this year's 上年结转 (applications/carried_over/*) = last year's 结转下年度
 * (applications/carried_forward/*), column by column. Holds across the 2019→2021 format change.
 */
import { cellLabel } from '../../format/cell-label';
import { APPLICATION_COLUMNS } from '../../model/statutory';
import { numberOf, type CrossYearRule } from './types';

export const crossYearCarriedOver: CrossYearRule = {
  id: 'cross-year.carried-over',
  run({ previous, current, lang }) {
    return APPLICATION_COLUMNS.flatMap((col) => {
      const thisId = `applications/carried_over/${col.id}`;
      const lastId = `applications/carried_forward/${col.id}`;
      const now = numberOf(current.report, thisId);
      const before = numberOf(previous.report, lastId);
      if (now === null || before === null || now === before) return [];
      return [
        {
          rule: 'cross-year.carried-over',
          severity: 'error' as const,
          params: { cell: cellLabel(thisId, lang), actual: now, previousCell: cellLabel(lastId, lang), previousYear: previous.report.year ?? '', expected: before },
          cells: [thisId],
          previousCells: [lastId],
          expected: before,
          actual: now,
        },
      ];
    });
  },
};
