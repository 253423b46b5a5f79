/** active.published-exceeds-total — format 2019, item (一): 本年新公开数量 > 对外公开总数量. */
import { rowLabel } from '../../format/cell-label';
import { activeRowsWith } from '../../model/statutory';
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

/** The 2019 rows printing both 本年新公开数量 and 对外公开总数量 (规章, 规范性文件). */
const ROWS = activeRowsWith('2019', ['published', 'total']).map((r) => r.id);

export const activePublishedExceedsTotal: Rule = {
  id: 'active.published-exceeds-total',
  run(ctx) {
    if (ctx.recognition.tableFormats.active !== '2019') return [];
    const findings: FindingDraft[] = [];
    for (const row of ROWS) {
      const published = ctx.recognition.cells.get(`active/${row}/published`)?.parsed;
      const total = ctx.recognition.cells.get(`active/${row}/total`)?.parsed;
      if (published?.kind !== 'number' || total?.kind !== 'number' || published.value <= total.value) continue;
      findings.push({
        rule: 'active.published-exceeds-total',
        severity: 'warning',
        params: { row: rowLabel('active', row, ctx.lang), published: published.value, total: total.value },
        cells: [`active/${row}/published`, `active/${row}/total`],
        expected: total.value,
        actual: published.value,
      });
    }
    return findings;
  },
};
