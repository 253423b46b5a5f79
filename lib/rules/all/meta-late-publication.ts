/**
 * meta.late-publication — published after the statutory deadline (条例 第四十九条): 31 January of the
 * following year for a department, 31 March for a people's government's report on its area. Townships
 * and sub-districts fall under neither; most provinces set 31 January, which is applied and said.
 * The deadline day itself is on time.
 */
import { t } from '../../i18n/messages';
import type { Rule } from '../context';

export const metaLatePublication: Rule = {
  id: 'meta.late-publication',
  run(ctx) {
    const { year, published, kind } = ctx.recognition.meta;
    // Before 2019 the old 条例 set other deadlines; those reports are not checked (structure.unsupported-format).
    if (!year || !published || ctx.recognition.unsupported) return [];
    const deadline = kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
    if (published <= deadline) return [];
    const basis = t(`rule_meta_late_publication__${kind}`, {}, ctx.lang);
    return [{ rule: 'meta.late-publication', severity: 'warning', params: { published, deadline, basis }, cells: [], deadline }];
  },
};
