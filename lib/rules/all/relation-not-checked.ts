/**
 * relation.not-checked — a relation with a term that is not a number, absent, or blank with no single
 * value: said once per relation instead of a misleading sum error.
 */
import { cellLabel } from '../../format/cell-label';
import { t } from '../../i18n/messages';
import type { Rule } from '../context';
import { relationParams } from '../relation-check';
import type { FindingDraft } from '../types';

export const relationNotChecked: Rule = {
  id: 'relation.not-checked',
  run(ctx) {
    const findings: FindingDraft[] = [];
    for (const r of ctx.relations) {
      const ids = [...r.right, ...r.left];
      const states = ids.map((id) => ({ id, s: ctx.solution.state(id) }));
      const text = states.filter((x) => x.s.kind === 'text').map((x) => x.id);
      const absent = states.filter((x) => x.s.kind === 'absent').map((x) => x.id);
      const blank = states.filter((x) => x.s.kind === 'blank').map((x) => x.id);
      // A table or row that is missing altogether is reported by structure.*; say nothing more here.
      if (absent.length === ids.length) continue;
      const [variant, culprits] = text.length ? ['text', text] : absent.length ? ['absent', absent] : blank.length ? ['blank', blank] : [null, []];
      if (!variant) continue;
      const names = culprits.map((id) => cellLabel(id, ctx.lang)).join(ctx.lang === 'zh' ? '、' : '; ');
      const params = relationParams(ctx, r);
      const relation = t(`relation_${r.rule.replace(/[.-]/g, '_')}`, params, ctx.lang);
      findings.push({
        rule: 'relation.not-checked',
        severity: 'info',
        params: { relation, reason: t(`rule_relation_not_checked__${variant}`, { cells: names }, ctx.lang) },
        cells: ids,
        suspects: culprits,
      });
    }
    return findings;
  },
};
