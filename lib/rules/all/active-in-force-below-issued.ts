/**
 * active.in-force-below-issued — format 2021, item (一): 现行有效件数 < 本年制发件数 − 本年废止件数.
 * Documents made this year and not repealed are in force, so in force can never be fewer.
 */
import { rowLabel } from '../../format/cell-label';
import { ACTIVE_ITEMS, cellId } from '../../model/statutory';
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

/** The rows of item (一) in format 2021: 规章, 行政规范性文件. */
const DOCUMENT_ROWS = ACTIVE_ITEMS['2021'].find((item) => item.id === '20_1')!.rows;

export const activeInForceBelowIssued: Rule = {
  id: 'active.in-force-below-issued',
  run(ctx) {
    if (ctx.recognition.tableFormats.active !== '2021') return [];
    const findings: FindingDraft[] = [];
    for (const row of DOCUMENT_ROWS) {
      const ids = { issued: cellId('active', row.id, 'issued'), repealed: cellId('active', row.id, 'repealed'), inForce: cellId('active', row.id, 'in_force') };
      const value = (id: string) => {
        const parsed = ctx.recognition.cells.get(id)?.parsed;
        return parsed?.kind === 'number' ? parsed.value : parsed?.kind === 'blank' ? 0 : null;
      };
      const issued = value(ids.issued);
      const repealed = value(ids.repealed);
      const inForce = value(ids.inForce);
      // A blank 现行有效 beside issued documents is cell.missing's to report; here only printed figures count.
      if (issued === null || repealed === null || inForce === null || ctx.recognition.cells.get(ids.inForce)?.parsed.kind !== 'number') continue;
      const floor = issued - repealed;
      if (inForce >= floor) continue;
      findings.push({
        rule: 'active.in-force-below-issued',
        severity: 'warning',
        params: { row: rowLabel('active', row.id, ctx.lang), inForce, issued, repealed, floor },
        cells: [ids.inForce, ids.issued, ids.repealed],
        expected: floor,
        actual: inForce,
      });
    }
    return findings;
  },
};
