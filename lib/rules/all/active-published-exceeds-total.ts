/** active.published-exceeds-total — format 2019, item (一): 本年新公开数量 > 对外公开总数量. */
import { rowLabel } from '../../format/cell-label';
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

export const activePublishedExceedsTotal: Rule = {
  id: 'active.published-exceeds-total',
  run(ctx) {
    if (ctx.recognition.tableFormats.active !== '2019') return [];
    const findings: FindingDraft[] = [];
    for (const row of ['20_1.rules', '20_1.normative']) {
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
