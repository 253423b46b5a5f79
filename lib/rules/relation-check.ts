/** The shared check behind the four sum rules: Σ left = Σ right, exactly (counts are integers). */
import { columnLabel, rowLabel, termLabel } from '../format/cell-label';
import { t } from '../i18n/messages';
import type { Relation, RelationRule } from '../model/relations';
import { APPEAL_GROUPS } from '../model/statutory';
import type { RuleContext } from './context';
import { exactSum } from './solve';
import type { FindingDraft } from './types';

/** A relation is checkable when every term is a number or a blank the relations resolved. */
export function termValues(ctx: RuleContext, ids: string[]): number[] | null {
  const out: number[] = [];
  for (const id of ids) {
    const s = ctx.solution.state(id);
    if (s.kind !== 'known' && s.kind !== 'implied') return null;
    out.push(s.value);
  }
  return out;
}

function describeTerms(ctx: RuleContext, r: Relation, ids: string[], values: number[]): string {
  const shown = ids.map((id, i) => ({ id, v: values[i]! })).filter((x, _, all) => all.length <= 4 || x.v !== 0);
  const text = shown.map((x) => `${termLabel(x.id, r.varies, ctx.lang)} ${x.v}`).join(' + ');
  if (shown.length === ids.length) return text;
  // The zero terms counted, not listed: the reader checks the figures, and knows how many terms there are.
  const others = t('cli_equationZeros', { count: ids.length - shown.length }, ctx.lang);
  return shown.length ? `${text} + ${others}` : others;
}

export function equation(ctx: RuleContext, r: Relation, left: number[], right: number[]): string {
  const expected = exactSum(left);
  const actual = exactSum(right);
  if (r.rule === 'applications.balance') {
    return t('cli_equationBalance', { left: describeTerms(ctx, r, r.left, left), expected, right: describeTerms(ctx, r, r.right, right), actual }, ctx.lang);
  }
  return t('cli_equationFinding', { terms: describeTerms(ctx, r, r.left, left), expected, totalLabel: termLabel(r.right[0]!, r.varies, ctx.lang), actual }, ctx.lang);
}

/** Names of the row, column or group a relation is about, for the message. */
export function relationParams(ctx: RuleContext, r: Relation): Record<string, string> {
  if (r.rule === 'appeals.group-total') {
    const g = APPEAL_GROUPS.find((x) => x.id === r.about);
    return { group: g ? g.label[ctx.lang] : r.about };
  }
  if (r.rule === 'applications.row-total') return { row: rowLabel('applications', r.about, ctx.lang) };
  return { column: columnLabel('applications', 'new', r.about, ctx.lang) };
}

export function checkRelations(ctx: RuleContext, rule: RelationRule): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const r of ctx.relations) {
    if (r.rule !== rule) continue;
    const left = termValues(ctx, r.left);
    const right = termValues(ctx, r.right);
    if (!left || !right) continue;
    const expected = exactSum(left);
    const actual = exactSum(right);
    if (expected === actual) continue;
    findings.push({
      rule,
      severity: 'error',
      params: { ...relationParams(ctx, r), equation: equation(ctx, r, left, right) },
      cells: [...r.right, ...r.left],
      expected,
      actual,
    });
  }
  return findings;
}
