/**
 * text.table-mismatch — the narrative states a figure about applications or appeals that contradicts
 * the table. Only sentences about 政府信息公开申请/依申请公开, or about 行政复议/行政诉讼 of information
 * disclosure, count (a 12345 hotline's 来电 count is not one). The finding quotes the sentence.
 *
 * As for every rule, `actual` is what the table prints and `expected` what the other source says — here the
 * narrative. When the narrative agrees with what the table's own relation implies (复议 1 起 beside 结果维持 1
 * and a printed 总计 0), the printed total is at fault, not the narrative: the finding is `info`, suspects the
 * total, and is linked to that relation's error.
 */

import { statutoryCellId } from '../../model/statutory';
import { COUNT_UNITS, unitPattern } from '../../model/units';
import type { Rule, RuleContext } from '../context';
import { termValues } from '../relation-check';
import { exactSum } from '../solve';
import type { FindingDraft } from '../types';

const APPLICATION_CONTEXT = /政府信息公开申请|依申请公开|信息公开申请|公开申请/;
const DISCLOSURE_CONTEXT = /政府信息公开|信息公开/;
const UNIT = `\\s*(?:${unitPattern(COUNT_UNITS)})`;
/** A count in digits or in Chinese numerals (三十五件). */
const N = '(\\d+|[零〇一二两三四五六七八九十百]+)';

interface Claim {
  subject: { zh: string; en: string };
  patterns: RegExp[];
  context: RegExp;
  cells: (sentence: string) => string[];
}

/** Cells named here are checked against the model when the module loads (statutoryCellId). */
const T = (row: string) => statutoryCellId('applications', row, 'total');
const A = (column: string) => statutoryCellId('appeals', 'counts', column);
const CLAIMS: Claim[] = [
  {
    subject: { zh: '本年新收申请数', en: 'new applications' },
    patterns: [
      new RegExp(`(?:收到|新收|受理|接收|接到)(?:各类|群众|公民)?(?:的)?(?:政府信息公开申请|依申请公开(?:政府信息)?(?:的)?(?:申请)?|信息公开申请)(?:共|总计|合计)?${N}${UNIT}`),
      new RegExp(`(?:全年|本年度?|共)(?:收到|受理)?依申请公开(?:申请)?(?:共)?${N}${UNIT}`),
    ],
    context: APPLICATION_CONTEXT,
    cells: (s) => (/(?:含|包括|其中)上年结转/.test(s) ? [T('new'), T('carried_over')] : [T('new')]),
  },
  { subject: { zh: '上年结转申请数', en: 'applications carried over' }, patterns: [new RegExp(`上(?:一)?年度?结转(?:的)?(?:政府信息公开申请|申请)?(?:共)?${N}${UNIT}`)], context: APPLICATION_CONTEXT, cells: () => [T('carried_over')] },
  {
    subject: { zh: '办结申请数', en: 'applications handled' },
    patterns: [new RegExp(`(?<!不予|其他|继续)(?:办结|处理|答复|办理完毕)(?:了)?(?:政府信息公开申请|申请)?(?:共)?${N}${UNIT}`)],
    context: APPLICATION_CONTEXT,
    cells: () => [T('result.total')],
  },
  { subject: { zh: '结转下年度申请数', en: 'applications carried forward' }, patterns: [new RegExp(`结转(?:至)?下(?:一)?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?${N}${UNIT}`)], context: APPLICATION_CONTEXT, cells: () => [T('carried_forward')] },
  { subject: { zh: '行政复议数', en: 'administrative reviews' }, patterns: [new RegExp(`行政复议(?:案件|申请)?(?:共|总计)?${N}${UNIT}`)], context: DISCLOSURE_CONTEXT, cells: () => [A('review.total')] },
  {
    subject: { zh: '行政诉讼数', en: 'lawsuits' },
    patterns: [new RegExp(`行政诉讼(?:案件)?(?:共|总计)?${N}${UNIT}`)],
    context: DISCLOSURE_CONTEXT,
    cells: () => [A('suit_direct.total'), A('suit_after_review.total')],
  },
];

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 35 or 三十五 or 一百零二 → the number; null for what is not a plain count. */
export function countOf(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十' || ch === '百') {
      total += (digit || 1) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else return null;
  }
  return total + digit;
}

/** Sentences saying no review or lawsuit happened (未发生/没有/无…行政复议、行政诉讼), not about outcomes (纠错, 败诉). */
function noneClaims(sentence: string): Pick<Claim, 'subject' | 'cells'>[] {
  const none = /(?:未发生|没有发生|没有|未有|无)[^，,。；;]{0,24}?(行政复议|行政诉讼)(?:[和、及与或](行政复议|行政诉讼))?/.exec(sentence);
  const zeroBoth = /(行政复议)[和、及与](行政诉讼)(?:案件)?(?:均为|都为|均是|都是)(?:0|零)/.exec(sentence);
  const m = none ?? zeroBoth;
  if (!m || !DISCLOSURE_CONTEXT.test(sentence) || /纠错|纠正|败诉|违法|撤销|被确认|维持/.test(sentence.slice(m.index, m.index + m[0].length + 8))) return [];
  const kinds = new Set([m[1], m[2]].filter(Boolean));
  return CLAIMS.filter((c) => (c.subject.en === 'administrative reviews' && kinds.has('行政复议')) || (c.subject.en === 'lawsuits' && kinds.has('行政诉讼')));
}

/** Lines that can hold a claim at all: one cheap test keeps long pages (site filler) fast. */
const CANDIDATE = /申请|复议|诉讼|办结|结转|维持|予以公开/;
const HOTLINE = /12345|热线|来电|信访|留言|信箱/g;
const APPLICATION_WORD = /申请/g;

/** Whether the subject nearest before `end` is the hotline (…热线来电31145件，办结31100件) rather than applications. */
function aboutHotline(sentence: string, end: number): boolean {
  const last = (re: RegExp) => {
    let at = -1;
    for (const m of sentence.slice(0, end).matchAll(re)) at = m.index;
    return at;
  };
  return last(HOTLINE) > last(APPLICATION_WORD);
}

function sentences(lines: string[]): string[] {
  return lines
    .filter((l) => CANDIDATE.test(l))
    .flatMap((l) => l.split(/(?<=[。；;！!？?])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 6 && s.length <= 400);
}

/** The table's figure for a claim: the sum of its cells, read or implied; null when one is unreadable. */
function tableValue(ctx: RuleContext, ids: string[]): number | null {
  const values = termValues(ctx, ids);
  return values && exactSum(values);
}

/**
 * The claim's figure as the table's own sum relations imply it: each cell that is the printed total of a
 * relation replaced by the sum of that relation's terms. Returns the figure and the totals it replaced.
 */
function relationImplied(ctx: RuleContext, ids: string[]): { value: number; totals: string[] } | null {
  let value = 0;
  const totals: string[] = [];
  for (const id of ids) {
    const relation = ctx.relations.find((r) => r.right.length === 1 && r.right[0] === id && r.rule !== 'applications.balance');
    const terms = relation && termValues(ctx, relation.left);
    const own = tableValue(ctx, [id]);
    if (terms) {
      const sum = exactSum(terms);
      if (sum !== own) totals.push(id);
      value += sum;
    } else if (own !== null) value += own;
    else return null;
  }
  return { value, totals };
}

/** A count the narrative states against the table's figure: a warning, or info when the printed total is the culprit. */
function countFinding(ctx: RuleContext, subject: string, cells: string[], stated: number, printed: number, quote: string): FindingDraft {
  const implied = relationImplied(ctx, cells);
  if (implied && implied.totals.length && implied.value === stated) {
    return { rule: 'text.table-mismatch', severity: 'info', messageKey: 'text.table-mismatch#totalAtFault', params: { subject, stated, actual: printed, quote }, cells, expected: stated, actual: printed, quote, suspects: implied.totals };
  }
  return { rule: 'text.table-mismatch', severity: 'warning', params: { subject, stated, actual: printed, quote }, cells, expected: stated, actual: printed, quote };
}

export const textTableMismatch: Rule = {
  id: 'text.table-mismatch',
  run(ctx) {
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    const all = sentences(ctx.recognition.lines).map((s) => s.replace(/(\d),(?=\d{3})/g, '$1').replace(/\s+/g, ''));
    for (const sentence of all) {
      for (const claim of CLAIMS) {
        if (seen.has(claim.subject.en) || !claim.context.test(sentence)) continue;
        const m = claim.patterns.map((p) => p.exec(sentence)).find(Boolean);
        if (!m || aboutHotline(sentence, m.index + m[0].length)) continue;
        seen.add(claim.subject.en);
        const cells = claim.cells(sentence);
        const actual = tableValue(ctx, cells);
        const stated = countOf(m[1]!);
        if (actual === null || stated === null || actual === stated) continue;
        // 受理…申请31件 often counts the 上年结转 too without saying so: 31 = 新收 29 + 结转 2 is no contradiction.
        if (claim.subject.en === 'new applications' && cells.length === 1 && stated === tableValue(ctx, [T('new'), T('carried_over')])) continue;
        findings.push(countFinding(ctx, claim.subject[ctx.lang], cells, stated, actual, sentence));
      }
      // 均已办结 while applications are carried forward.
      // 未发生…行政复议、行政诉讼 while table 四 counts some.
      for (const zero of noneClaims(sentence)) {
        if (seen.has(zero.subject.en)) continue;
        seen.add(zero.subject.en);
        const cells = zero.cells(sentence);
        const actual = tableValue(ctx, cells);
        if (actual !== null && actual > 0) findings.push(countFinding(ctx, zero.subject[ctx.lang], cells, 0, actual, sentence));
      }
      if (!seen.has('allDone') && APPLICATION_CONTEXT.test(sentence) && /(?:均已|全部|均)(?:按时|按期|依法|及时)?(?:办结|办理完毕)/.test(sentence)) {
        seen.add('allDone');
        const forward = tableValue(ctx, [T('carried_forward')]);
        if (forward !== null && forward > 0) {
          findings.push({ rule: 'text.table-mismatch', severity: 'warning', messageKey: 'text.table-mismatch#allDone', params: { actual: forward, quote: sentence }, cells: [T('carried_forward')], expected: 0, actual: forward, quote: sentence });
        }
      }
      // 均获维持 while reviews or suits are corrected or pending.
      if (!seen.has('allUpheld') && /复议|诉讼/.test(sentence) && /均(?:获|被|予以)?维持/.test(sentence)) {
        seen.add('allUpheld');
        const ids = ['review', 'suit_direct', 'suit_after_review'].flatMap((g) => [A(`${g}.corrected`), A(`${g}.pending`)]);
        const open = tableValue(ctx, ids);
        if (open !== null && open > 0) {
          findings.push({ rule: 'text.table-mismatch', severity: 'warning', messageKey: 'text.table-mismatch#allUpheld', params: { actual: open, quote: sentence }, cells: ids, expected: 0, actual: open, quote: sentence });
        }
      }
      // 予以公开及部分公开 N 件，占 X%: the count and the share of 办结, at the decimals printed.
      const share = /予以公开(?:和|及|、|与|加)部分公开(?:的)?(?:共|合计)?(\d+)件[^。；]*?占[^0-9]{0,10}(\d+(?:\.(\d+))?)%/.exec(sentence);
      if (share && !seen.has('share')) {
        seen.add('share');
        const countCells = [T('result.disclosed'), T('result.partial')];
        const count = tableValue(ctx, countCells);
        const handled = tableValue(ctx, [T('result.total')]);
        if (count !== null && count !== Number(share[1])) {
          findings.push(countFinding(ctx, ctx.lang === 'zh' ? '予以公开及部分公开数' : 'disclosed in whole or part', countCells, Number(share[1]), count, sentence));
        } else if (count !== null && handled) {
          // Rounded half up at the decimals printed, in integers (29 / 200 = 14.5% prints as 15%).
          const decimals = share[3]?.length ?? 0;
          const computed = Math.round((count * 100 * 10 ** decimals) / handled) / 10 ** decimals;
          if (computed !== Number(share[2])) {
            findings.push({ rule: 'text.table-mismatch', severity: 'warning', messageKey: 'text.table-mismatch#share', params: { stated: share[2]!, actual: computed, quote: sentence }, cells: [...countCells, T('result.total')], expected: Number(share[2]), actual: computed, quote: sentence });
          }
        }
      }
    }

    return findings;
  },
};
