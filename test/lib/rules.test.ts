/**
 * Every single-report rule id of the spec (shared/spec/statutory-structure.md), each made to fire on a page
 * built from a clean fixture report plus one injected fault, and shown silent on clean pages. Inputs come
 * from the fixture generator (test/fixtures, independent of lib/), rendered in varied real-world layouts and
 * both formats. Assertions: rule, severity, the cells named, expected/actual where numbers are compared,
 * the quote for text.*, and `related` for findings that share one wrong number.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, auditBytes, auditHtml, type AuditOptions } from '../../lib/audit';
import { hasMessage, ruleMessageKey } from '../../lib/i18n/messages';
import { memo } from '../../lib/export/memo';
import { textReport } from '../../lib/format/text-report';
import type { AuditResult, Finding } from '../../lib/model/schema';
import type { Rule } from '../../lib/rules/context';
import { OTHER_RULE_IDS, RULES } from '../../lib/rules/index';
import enCatalog from '../../public/_locales/en/messages.json';
import zhCatalog from '../../public/_locales/zh_CN/messages.json';
import { newsPage, pdfOnlyPage, pre2019Page, randomBytes } from '../fixtures/hostile';
import { renderPage, type LayoutOptions } from '../fixtures/render';
import {
  APPEAL_GROUPS,
  APPLICATION_COLUMNS,
  ROW_IDS,
  SECTION_ORDER,
  addExtraRow,
  blankAllZeros,
  blankCell,
  breakCell,
  breakGroupTotal,
  breakNarrative,
  breakRowTotal,
  cellIds,
  cleanReport,
  dropFeeStatement,
  dropRow,
  dropSection,
  expectedValue,
  latePublication,
  negateCell,
  publishedExceedsTotal,
  staleOverviewYear,
  textInCell,
  wrongFeeUnit,
  wrongYearForFormat,
  type ExpectedFinding,
  type Fault,
  type FixtureReport,
  type Format,
} from '../fixtures/report-data';
import { TODAY, auditReport, ids, neutralNarrative, nonInfo, ofRule, setCells, values, withAppeals, withApplications } from './helpers/reports';

const SPEC = join(import.meta.dirname, '../../../shared/spec/statutory-structure.md');

// ---- Matching findings against what the fixture says is due --------------------------------------

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const sorted = <T>(xs: readonly T[] | undefined): T[] => [...(xs ?? [])].sort();
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function matches(f: Finding, want: ExpectedFinding): boolean {
  if (f.rule !== want.rule || f.severity !== want.severity) return false;
  if (want.cells.length > 0 && !sameSet(f.cells, want.cells)) return false;
  if (want.expected !== undefined && f.expected !== want.expected) return false;
  if (want.actual !== undefined && f.actual !== want.actual) return false;
  // The fixture knows the paragraph; the finding quotes the sentence of it.
  if (want.quote !== undefined && !(f.quote && norm(want.quote).includes(norm(f.quote)))) return false;
  return true;
}

function describeFindings(fs: Finding[]): string {
  return fs.map((f) => `${f.severity} ${f.rule} [${f.cells.join(',')}] exp=${f.expected} act=${f.actual} ${f.message}`).join('\n');
}

/** Every expected finding is there; with `exact`, the non-info findings are exactly the expected ones. */
function expectFindings(result: AuditResult, expected: ExpectedFinding[], exact = true): void {
  for (const want of expected) {
    expect(result.findings.some((f) => matches(f, want)), `missing ${want.rule} [${want.cells.join(',')}] exp=${want.expected} act=${want.actual}\n${describeFindings(result.findings)}`).toBe(true);
  }
  if (exact) {
    const due = expected.filter((w) => w.severity !== 'info');
    const extra = nonInfo(result).filter((f) => !due.some((w) => matches(f, w)));
    expect(describeFindings(extra), 'findings beyond those due').toBe('');
  }
}

function auditFault(fault: Fault, layout: LayoutOptions = {}, options: AuditOptions = {}): AuditResult {
  return auditReport(fault.report, layout, options);
}

const r19 = cleanReport('2019', { seed: 2 });
const r21 = cleanReport('2021', { seed: 3 });
const both: [Format, FixtureReport][] = [
  ['2019', r19],
  ['2021', r21],
];

/** Some cell of table 三 printed as 0 whose row and column are otherwise filled (for "blank where 0 is due"). */
function zeroCell(r: FixtureReport, table: 'applications' | 'appeals' = 'applications'): string {
  const id = cellIds(r.format, table).find((c) => r.cells[c] === '0' && !c.endsWith('/total') && !c.includes('/result.total/'));
  if (!id) throw new Error('no zero cell');
  return id;
}

function nonZeroCell(r: FixtureReport, pred: (id: string) => boolean): string {
  const id = cellIds(r.format).find((c) => pred(c) && (expectedValue(r.cells[c] ?? '') ?? 0) > 0);
  if (!id) throw new Error('no non-zero cell');
  return id;
}

// ---- Clean pages: no rule fires -------------------------------------------------------------------

const CLEAN_LAYOUTS: LayoutOptions[] = [
  {},
  { word: true },
  { perItemTables: true, splitApplications: true },
  { layoutTable: true, fullWidthDigits: true, unitsInCells: true },
  { misalignedHeader: true, trailingEmptyRow: true, nbspPadding: true },
  { thTags: true, theadTbody: true, headings: 'h2' },
  { hiddenCopy: true, word: true, splitApplications: true, splitAt: 'result.withheld.4' },
];

let cleanAudits: { name: string; result: AuditResult }[] | undefined;
function cleanPages(): { name: string; result: AuditResult }[] {
  cleanAudits ??= (['2019', '2021'] as const).flatMap((format) =>
    CLEAN_LAYOUTS.map((layout, i) => {
      const r = cleanReport(format, { seed: 20 + i });
      return { name: `${format} seed ${20 + i} ${JSON.stringify(layout)}`, result: auditReport(r, layout) };
    }),
  );
  return cleanAudits;
}

function expectSilentOnClean(rule: string): void {
  for (const { name, result } of cleanPages()) {
    expect(result.report, name).not.toBeNull();
    expect(describeFindings(ofRule(result, rule)), name).toBe('');
  }
}

// ---- The rule table of the spec ---------------------------------------------------------------------

function specRuleIds(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('## Consistency rules'), markdown.indexOf('## The JSON contract'));
  const out: string[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([a-z][\w.-]*)`/g)) out.push(m[1]!);
  }
  return out;
}

const CATALOGS = { zh: zhCatalog as Record<string, unknown>, en: enCatalog as Record<string, unknown> };

/** A rule has a message when its key (rule_ + id) or one of its variants (key__name) is in the catalog. */
function hasRuleMessage(id: string, lang: 'zh' | 'en'): boolean {
  const key = ruleMessageKey(id);
  return Object.keys(CATALOGS[lang]).some((k) => k === key || k.startsWith(`${key}__`));
}

describe.skipIf(!existsSync(SPEC))('the spec rule table', () => {
  const specIds = existsSync(SPEC) ? specRuleIds(readFileSync(SPEC, 'utf8')) : [];
  const implemented = new Set<string>([...RULES.map((r) => r.id), ...OTHER_RULE_IDS]);

  it('is parsed (all the rules the spec lists)', () => {
    expect(specIds.length).toBeGreaterThanOrEqual(25);
    expect(specIds).toContain('structure.missing-column');
    expect(specIds).toContain('internal.rule-failed');
  });

  it('every single-report rule id is implemented (RULES or OTHER_RULE_IDS); only cross-year.* is left for later', () => {
    const missing = specIds.filter((id) => !id.startsWith('cross-year.') && !implemented.has(id));
    expect(missing).toEqual([]);
  });

  it('every single-report rule id has a message in both locales', () => {
    for (const id of specIds.filter((x) => !x.startsWith('cross-year.'))) {
      expect(hasRuleMessage(id, 'zh'), `zh message for ${id}`).toBe(true);
      expect(hasRuleMessage(id, 'en'), `en message for ${id}`).toBe(true);
    }
  });

  it('RULES ids are unique and every message key in one locale is in the other', () => {
    const ruleIds = RULES.map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    const zhKeys = Object.keys(zhCatalog).filter((k) => k.startsWith('rule_'));
    for (const k of zhKeys) expect(hasMessage(k), k).toBe(true);
  });
});

// ---- The four sum relations ---------------------------------------------------------------------------

describe('applications.row-total', () => {
  it.each(both)('fires on a wrong 总计 of a table 三 row (format %s), naming the whole row', (_f, r) => {
    const fault = breakRowTotal(r, 'result.unavailable.2', 4);
    const result = auditFault(fault, { word: true });
    const [finding] = ofRule(result, 'applications.row-total');
    expect(finding).toBeDefined();
    expect(finding!.severity).toBe('error');
    expect(sorted(finding!.cells)).toEqual(APPLICATION_COLUMNS.map((c) => `applications/result.unavailable.2/${c.id}`).sort());
    const terms = APPLICATION_COLUMNS.filter((c) => c.id !== 'total').reduce((s, c) => s + Number(r.cells[`applications/result.unavailable.2/${c.id}`]), 0);
    expect(finding!.expected).toBe(terms);
    expect(finding!.actual).toBe(terms + 4);
    expectFindings(result, fault.expect);
  });

  it('fires in a split table with misaligned headers', () => {
    const fault = breakRowTotal(r19, 'new', -2);
    expectFindings(auditFault(fault, { splitApplications: true, misalignedHeader: true, perItemTables: true }), fault.expect);
  });

  it('is silent on clean pages', () => expectSilentOnClean('applications.row-total'));
});

describe('applications.result-total', () => {
  it.each(both)('fires on a wrong (七)总计 cell (format %s): the column sum, its row and its balance, all cells named', (_f, r) => {
    const id = 'applications/result.total/natural_person';
    const fault = breakCell(r, id, String(Number(r.cells[id]) + 3));
    const result = auditFault(fault, { layoutTable: true, theadTbody: true });
    const [finding] = ofRule(result, 'applications.result-total');
    expect(finding).toBeDefined();
    expect(finding!.severity).toBe('error');
    const column = ROW_IDS[r.format].applications.filter((x) => x.startsWith('result.')).map((x) => `applications/${x}/natural_person`);
    expect(sorted(finding!.cells)).toEqual(column.sort());
    expect(finding!.expected).toBe(Number(r.cells[id]));
    expect(finding!.actual).toBe(Number(r.cells[id]) + 3);
    expectFindings(result, fault.expect);
  });

  it('is silent on clean pages', () => expectSilentOnClean('applications.result-total'));
});

describe('applications.balance', () => {
  it.each(both)('fires when 新收 + 上年结转 ≠ 办理结果总计 + 结转下年度 (format %s): expected is the left side', (_f, r) => {
    const id = 'applications/carried_forward/commercial';
    const fault = breakCell(r, id, String(Number(r.cells[id]) + 2));
    const result = auditFault(fault, { nbspPadding: true, fullWidthDigits: true });
    const [finding] = ofRule(result, 'applications.balance');
    expect(finding).toBeDefined();
    expect(finding!.severity).toBe('error');
    const A = (row: string) => Number(r.cells[`applications/${row}/commercial`]);
    expect(sorted(finding!.cells)).toEqual(['new', 'carried_over', 'result.total', 'carried_forward'].map((x) => `applications/${x}/commercial`).sort());
    expect(finding!.expected).toBe(A('new') + A('carried_over'));
    expect(finding!.actual).toBe(A('result.total') + A('carried_forward') + 2);
    expectFindings(result, fault.expect);
  });

  it('is silent on clean pages', () => expectSilentOnClean('applications.balance'));
});

describe('appeals.group-total', () => {
  it.each([
    ['review', r19],
    ['suit_direct', r21],
    ['suit_after_review', r21],
  ] as const)('fires on a wrong %s 总计 of table 四, naming the five cells of the group', (group, r) => {
    const fault = breakGroupTotal(r, group, 1);
    const result = auditFault(fault, { trailingEmptyRow: true, thTags: true });
    const [finding] = ofRule(result, 'appeals.group-total');
    expect(finding).toBeDefined();
    expect(finding!.severity).toBe('error');
    const cells = ['upheld', 'corrected', 'other', 'pending', 'total'].map((s) => `appeals/counts/${group}.${s}`);
    expect(sorted(finding!.cells)).toEqual(sorted(cells));
    const terms = cells.slice(0, 4).reduce((s, c) => s + Number(r.cells[c]), 0);
    expect(finding!.expected).toBe(terms);
    expect(finding!.actual).toBe(terms + 1);
    expectFindings(result, fault.expect);
  });

  it('is silent on clean pages', () => expectSilentOnClean('appeals.group-total'));
});

// ---- One wrong number, one linked group ----------------------------------------------------------------

describe('root-cause linking (related)', () => {
  const linkedPairwise = (fs: Finding[]) => {
    for (const a of fs) for (const b of fs) if (a !== b) expect(a.related ?? [], `${a.rule} → ${b.rule}`).toContain(b.id);
  };

  it('a wrong (七)总计 cell: its row, column and balance findings point to each other', () => {
    const id = 'applications/result.total/natural_person';
    const result = auditFault(breakCell(r21, id, String(Number(r21.cells[id]) + 3)));
    const sums = result.findings.filter((f) => f.rule.startsWith('applications.'));
    expect(sums.map((f) => f.rule).sort()).toEqual(['applications.balance', 'applications.result-total', 'applications.row-total']);
    linkedPairwise(sums);
  });

  it('a negative count: cell.negative and the sums it breaks are one group', () => {
    const id = nonZeroCell(r21, (c) => c.startsWith('applications/result.disclosed/') && !c.endsWith('/total'));
    const result = auditFault(negateCell(r21, id));
    const group = result.findings.filter((f) => f.cells.includes(id) && f.severity === 'error');
    expect(group.map((f) => f.rule)).toContain('cell.negative');
    expect(group.length).toBeGreaterThanOrEqual(3);
    linkedPairwise(group);
  });

  it('two independent faults (table 三 and table 四) are not linked to each other', () => {
    const a = breakRowTotal(r21, 'result.partial', 4);
    const b = breakGroupTotal(a.report, 'review', 2);
    const result = auditFault(b);
    const t3 = result.findings.find((f) => f.rule === 'applications.row-total')!;
    const t4 = result.findings.find((f) => f.rule === 'appeals.group-total')!;
    expect(t3 && t4).toBeTruthy();
    expect(t3.related ?? []).not.toContain(t4.id);
    expect(t4.related ?? []).not.toContain(t3.id);
  });

  it('ids are stable over runs', () => {
    const fault = breakRowTotal(r19, 'new', 3);
    expect(ids(auditFault(fault).findings)).toEqual(ids(auditFault(fault).findings));
  });

  // One wrong printed total also contradicts the narrative (which states the right figure): the spec asks
  // that findings sharing a root cause be linked, and the narrative finding names the same cell.
  it('the narrative finding caused by the same wrong total is linked to the sum findings', () => {
    const fault = breakRowTotal(r21, 'new', 5);
    const result = auditFault(fault);
    const text = ofRule(result, 'text.table-mismatch');
    const sums = result.findings.filter((f) => f.rule.startsWith('applications.'));
    expect(text).toHaveLength(1);
    expect(sums.length).toBeGreaterThanOrEqual(2);
    for (const s of sums) expect(text[0]!.related ?? [], s.rule).toContain(s.id);
  });
});

// ---- cell.* --------------------------------------------------------------------------------------------

describe('cell.missing', () => {
  it.each([
    ['empty', {}],
    ['&nbsp;', { nbspPadding: true }],
    ['Word <o:p>&nbsp;</o:p>', { word: true }],
  ] as [string, LayoutOptions][])('blank (%s) where 0 is due: a warning, implied 0 kept in the report cell', (_n, layout) => {
    const id = zeroCell(r21);
    const result = auditFault(blankCell(r21, id), layout);
    const found = ofRule(result, 'cell.missing');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', cells: [id], expected: 0 });
    expect(result.report!.cells[id]).toMatchObject({ value: null, implied: 0 });
    expect(result.report!.cells[id]!.raw.trim()).toBe('');
    expect(nonInfo(result)).toHaveLength(1);
  });

  it.each(['—', '/', '无', '-'])('a cell printed %s reads as blank', (text) => {
    const id = zeroCell(r19, 'appeals');
    const result = auditReport(setCells(r19, { [id]: text }), { word: true });
    expect(ofRule(result, 'cell.missing')).toMatchObject([{ severity: 'warning', cells: [id], expected: 0 }]);
    expect(result.report!.cells[id]).toMatchObject({ raw: text, value: null, implied: 0 });
    expect(ofRule(result, 'cell.not-a-number')).toEqual([]);
  });

  it('a blank 总计 whose terms sum to 272 is an error with expected 272 (and no sum error)', () => {
    const r = withApplications(r21, {
      natural_person: { 'result.disclosed': 150, 'result.partial': 50 },
      commercial: { 'result.disclosed': 60, 'result.unavailable.1': 12 },
    });
    expect(r.cells['applications/new/total']).toBe('272');
    const result = auditFault(blankCell(r, 'applications/new/total'), { misalignedHeader: true });
    expect(nonInfo(result)).toHaveLength(1);
    expect(ofRule(result, 'cell.missing')).toMatchObject([{ severity: 'error', cells: ['applications/new/total'], expected: 272 }]);
    expect(result.report!.cells['applications/new/total']).toMatchObject({ raw: '', value: null, implied: 272 });
  });

  it('a blank table 四 total whose outcomes sum to 7 is an error with expected 7', () => {
    const r = withAppeals(r19, { suit_direct: [4, 1, 0, 2] });
    const result = auditFault(blankCell(r, 'appeals/counts/suit_direct.total'));
    expect(nonInfo(result)).toMatchObject([{ rule: 'cell.missing', severity: 'error', cells: ['appeals/counts/suit_direct.total'], expected: 7 }]);
  });

  it('two blanks of one row, each resolved by its own column balance, are two errors with their values', () => {
    const r = withApplications(r21, { natural_person: { 'result.disclosed': 9 }, commercial: { 'result.disclosed': 4 } });
    const f = blankCell(blankCell(r, 'applications/new/natural_person').report, 'applications/new/commercial');
    const result = auditFault(f);
    const found = ofRule(result, 'cell.missing');
    expect(found.map((x) => [x.cells[0], x.severity, x.expected]).sort()).toEqual([
      ['applications/new/commercial', 'error', 4],
      ['applications/new/natural_person', 'error', 9],
    ]);
    expect(result.findings.filter((x) => x.rule.startsWith('applications.'))).toEqual([]);
  });

  it('several blanks in one relation with no single value: a warning each and relation.not-checked (info), no sum error', () => {
    const r = withAppeals(r21, { review: [3, 2, 0, 1] });
    const f = blankCell(blankCell(r, 'appeals/counts/review.upheld').report, 'appeals/counts/review.corrected');
    const result = auditFault(f, { word: true });
    const missing = ofRule(result, 'cell.missing');
    expect(missing.map((x) => x.cells).sort()).toEqual([['appeals/counts/review.corrected'], ['appeals/counts/review.upheld']]);
    for (const m of missing) {
      expect(m.severity).toBe('warning');
      expect(m.expected).toBeUndefined();
    }
    expect(result.report!.cells['appeals/counts/review.upheld']!.implied).toBeUndefined();
    const notChecked = ofRule(result, 'relation.not-checked');
    expect(notChecked).toHaveLength(1);
    expect(notChecked[0]!.severity).toBe('info');
    expect(sorted(notChecked[0]!.cells)).toEqual(['upheld', 'corrected', 'other', 'pending', 'total'].map((s) => `appeals/counts/review.${s}`).sort());
    expect(ofRule(result, 'appeals.group-total')).toEqual([]);
  });

  it('in table 二 (no relations) a blank is a warning without expected', () => {
    const result = auditFault(blankCell(r21, 'active/20_1.rules/issued'), { perItemTables: true });
    expect(nonInfo(result)).toMatchObject([{ rule: 'cell.missing', severity: 'warning', cells: ['active/20_1.rules/issued'] }]);
    expect(nonInfo(result)[0]!.expected).toBeUndefined();
  });

  it('five blanks in a table stay five findings; six become one grouped finding listing every cell', () => {
    const zeros = cellIds(r21.format, 'applications').filter((c) => r21.cells[c] === '0' && !c.endsWith('/total') && !c.includes('/result.total/'));
    expect(zeros.length).toBeGreaterThanOrEqual(6);
    const blanked = (n: number) => zeros.slice(0, n).reduce((r, id) => blankCell(r, id).report, r21);
    const five = ofRule(auditReport(blanked(5)), 'cell.missing');
    expect(five).toHaveLength(5);
    const six = ofRule(auditReport(blanked(6)), 'cell.missing');
    expect(six).toHaveLength(1);
    expect(six[0]!.severity).toBe('warning');
    expect(sorted(six[0]!.cells)).toEqual(zeros.slice(0, 6).sort());
    // One sentence: the count and the rows (each once), not six cell names.
    expect(six[0]!.message).toMatch(/^表三有 6 个空白单元格（按勾稽关系均应为 0），在 \d+ 行：“/);
    expect(six[0]!.message).not.toContain('×');
  });

  it.each(both)('every zero left blank (format %s): one grouped warning per table over five, no error', (_f, r) => {
    const fault = blankAllZeros(r);
    const result = auditFault(fault, { word: true, splitApplications: true });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const table of ['active', 'applications', 'appeals']) {
      const blanks = fault.cells.filter((c) => c.startsWith(`${table}/`));
      const found = ofRule(result, 'cell.missing').filter((f) => f.cells.some((c) => c.startsWith(`${table}/`)));
      if (blanks.length > 5) {
        expect(found, table).toHaveLength(1);
        expect(sorted(found[0]!.cells), table).toEqual(blanks.sort());
      } else {
        expect(found.map((f) => f.cells[0]).sort(), table).toEqual(blanks.sort());
      }
    }
    // Every blank of tables 三 and 四 is read as 0 in the report (implied), except where the relation cannot say.
    for (const id of fault.cells.filter((c) => c.startsWith('applications/'))) expect(result.report!.cells[id]!.implied, id).toBe(0);
  });

  it('is silent on clean pages', () => expectSilentOnClean('cell.missing'));
});

describe('cell.not-a-number', () => {
  it.each([
    ['applications/result.disclosed/commercial', r21, {}],
    ['applications/result.disclosed/total', r19, { word: true }],
    ['appeals/counts/review.pending', r21, { splitApplications: true }],
  ] as [string, FixtureReport, LayoutOptions][])('%s holding 见附件: its own error, relation.not-checked for each relation using it, no sum error', (id, r, layout) => {
    const fault = textInCell(r, id);
    const result = auditFault(fault, layout);
    const nan = ofRule(result, 'cell.not-a-number');
    expect(nan).toHaveLength(1);
    expect(nan[0]).toMatchObject({ severity: 'error', cells: [id] });
    expect(nan[0]!.message).toContain('见附件');
    expect(result.report!.cells[id]).toMatchObject({ raw: '见附件', value: null });
    expect(result.findings.filter((f) => /^(applications|appeals)\./.test(f.rule))).toEqual([]);
    expectFindings(result, fault.expect);
    const notChecked = ofRule(result, 'relation.not-checked');
    expect(notChecked.length).toBe(fault.expect.filter((e) => e.rule === 'relation.not-checked').length);
    for (const n of notChecked) {
      expect(n.cells).toContain(id);
      expect(n.related ?? []).toContain(nan[0]!.id);
    }
  });

  it('in table 二: text in a middle cell', () => {
    const fault = textInCell(r19, 'active/20_5.licensing/decisions', '详见附件');
    expectFindings(auditFault(fault, { perItemTables: true }), fault.expect);
  });

  // A non-number in the FIRST value cell of a row is taken for part of the row label, and the row's values
  // shift: no cell.not-a-number, a cell.missing error instead (or a pile of sum errors in table 四).
  it('text in the first value cell of a table 三 row (自然人) is cell.not-a-number, not a blank', () => {
    const id = 'applications/result.disclosed/natural_person';
    const result = auditFault(textInCell(r21, id));
    expect(ofRule(result, 'cell.not-a-number').map((f) => f.cells)).toEqual([[id]]);
    expect(result.report!.cells[id]!.raw).toBe('见附件');
    expect(ofRule(result, 'cell.missing')).toEqual([]);
  });

  it('text in the first cell of the table 四 data row does not shift the other fourteen', () => {
    const id = 'appeals/counts/review.upheld';
    const fault = textInCell(r21, id);
    const result = auditFault(fault);
    expect(ofRule(result, 'cell.not-a-number').map((f) => f.cells)).toEqual([[id]]);
    for (const g of APPEAL_GROUPS.slice(1)) {
      for (const s of ['upheld', 'corrected', 'other', 'pending', 'total']) {
        const c = `appeals/counts/${g.id}.${s}`;
        expect(values(result)[c], c).toBe(expectedValue(r21.cells[c]!));
      }
    }
    expect(nonInfo(result).map((f) => f.rule)).toEqual(['cell.not-a-number']);
  });

  it('is silent on clean pages (units, signs, full-width digits, &nbsp; are numbers)', () => expectSilentOnClean('cell.not-a-number'));
});

describe('cell.unit', () => {
  it('format 2021 item (八) printed in 元 where 万元 is prescribed: a warning on that cell', () => {
    const fault = wrongFeeUnit(r21);
    const result = auditFault(fault, { word: true });
    expect(ofRule(result, 'cell.unit')).toMatchObject([{ severity: 'warning', cells: ['active/20_8.fees/amount'] }]);
    expectFindings(result, fault.expect);
  });

  it('units elsewhere are read and kept, never flagged (件 个 项, 元 in format 2019 procurement, 万 for 万元)', () => {
    const result19 = auditReport(setCells(r19, { 'active/20_9.procurement/count': '32个', 'active/20_9.procurement/amount': '75394432.52元' }), { unitsInCells: true });
    expect(ofRule(result19, 'cell.unit')).toEqual([]);
    expect(result19.report!.cells['active/20_9.procurement/amount']).toMatchObject({ value: 75394432.52, unit: '元' });
    const result21 = auditReport(setCells(r21, { 'active/20_8.fees/amount': '3.5万' }), { unitsInCells: true });
    expect(ofRule(result21, 'cell.unit')).toEqual([]);
    expect(result21.report!.cells['active/20_8.fees/amount']).toMatchObject({ value: 3.5, unit: '万' });
  });

  it('is silent on clean pages', () => expectSilentOnClean('cell.unit'));
});

describe('cell.negative', () => {
  it.each([
    [r21, () => nonZeroCell(r21, (c) => c.startsWith('applications/result.disclosed/') && !c.endsWith('/total'))],
    [r19, () => 'appeals/counts/review.upheld'],
    [r19, () => 'active/20_5.licensing/decisions'],
  ] as [FixtureReport, () => string][])('a negative count is an error naming the cell, actual the printed value (%#)', (r, pick) => {
    const id = pick();
    const fault = negateCell(r, id);
    const result = auditFault(fault, { fullWidthDigits: true });
    const found = ofRule(result, 'cell.negative');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', cells: [id], actual: expectedValue(fault.report.cells[id]!) });
    expectFindings(result, fault.expect);
  });

  it('本年增/减 may be negative (-3, －3 full width)', () => {
    for (const text of ['-3', '－3', '-0']) {
      const result = auditReport(setCells(r19, { 'active/20_5.licensing/change': text }));
      expect(ofRule(result, 'cell.negative'), text).toEqual([]);
      expect(result.report!.cells['active/20_5.licensing/change']!.value, text).toBe(text === '-0' ? 0 : -3);
    }
  });

  it('is silent on clean pages', () => expectSilentOnClean('cell.negative'));
});

describe('active.published-exceeds-total', () => {
  it.each(['20_1.rules', '20_1.normative'] as const)('format 2019 %s: 本年新公开数量 > 对外公开总数量 is a warning', (row) => {
    const fault = publishedExceedsTotal(r19, row);
    const result = auditFault(fault, { perItemTables: true });
    const total = Number(r19.cells[`active/${row}/total`]);
    expect(ofRule(result, 'active.published-exceeds-total')).toMatchObject([
      { severity: 'warning', cells: [`active/${row}/published`, `active/${row}/total`], expected: total, actual: total + 5 },
    ]);
    expectFindings(result, fault.expect);
  });

  it('equal counts are fine', () => {
    const total = r19.cells['active/20_1.normative/total']!;
    expect(ofRule(auditReport(setCells(r19, { 'active/20_1.normative/published': total })), 'active.published-exceeds-total')).toEqual([]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('active.published-exceeds-total'));
});

describe('active.in-force-below-issued', () => {
  it.each(['20_1.rules', '20_1.normative'] as const)('format 2021 %s: 现行有效 < 本年制发 − 本年废止 is a warning naming the three cells', (row) => {
    // A real page: 行政规范性文件 本年制发 7, 本年废止 0, 现行有效 0.
    const report = setCells(r21, { [`active/${row}/issued`]: '7', [`active/${row}/repealed`]: '1', [`active/${row}/in_force`]: '2' });
    expect(ofRule(auditReport(report), 'active.in-force-below-issued')).toMatchObject([
      { severity: 'warning', cells: [`active/${row}/in_force`, `active/${row}/issued`, `active/${row}/repealed`], expected: 6, actual: 2 },
    ]);
  });

  it('in force equal to issued − repealed is fine, and a blank 现行有效 is left to cell.missing', () => {
    const equal = setCells(r21, { 'active/20_1.normative/issued': '7', 'active/20_1.normative/repealed': '1', 'active/20_1.normative/in_force': '6' });
    expect(ofRule(auditReport(equal), 'active.in-force-below-issued')).toEqual([]);
    const blank = setCells(r21, { 'active/20_1.normative/issued': '7', 'active/20_1.normative/repealed': '0', 'active/20_1.normative/in_force': '' });
    expect(ofRule(auditReport(blank), 'active.in-force-below-issued')).toEqual([]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('active.in-force-below-issued'));
});

// ---- structure.* -------------------------------------------------------------------------------------

/** The section of a page from one heading to the next (plain layout). */
function sectionSpan(html: string, heading: string, next: string): [number, number] {
  const a = html.indexOf(`<strong>${heading}</strong>`);
  const b = html.indexOf(`<strong>${next}</strong>`);
  if (a < 0 || b < a) throw new Error(`no section ${heading}`);
  return [html.lastIndexOf('<p', a), html.lastIndexOf('<p', b)];
}

/** Table 三 of `donor` in place of the page's own (a 2019 table 三 beside a 2021 table 二, or the reverse). */
function mixedPage(page: FixtureReport, donor: FixtureReport): string {
  const h3 = '三、收到和处理政府信息公开申请情况';
  const h4 = '四、政府信息公开行政复议、行政诉讼情况';
  const html = renderPage(page);
  const other = renderPage(donor);
  const [a, b] = sectionSpan(html, h3, h4);
  const [c, d] = sectionSpan(other, h3, h4);
  return html.slice(0, a) + other.slice(c, d) + html.slice(b);
}

describe('structure.template-mismatch', () => {
  it.each(both)('a format %s report dated in a year of the other format: an error naming each table', (format, r) => {
    const fault = wrongYearForFormat(r);
    const result = auditFault(fault);
    expect(result.report!.format).toBe(format);
    const found = ofRule(result, 'structure.template-mismatch');
    expect(found.map((f) => f.severity)).toEqual(['error', 'error']);
    const tables = found.map((f) => [...new Set(f.cells.map((c) => c.split('/')[0]))]);
    expect(tables.sort()).toEqual([['active'], ['applications']]);
    expect(found.map((f) => f.message).join()).toMatch(/表二.*表三|表三.*表二/);
  });

  it('a 2021 table 二 beside a 2019 table 三 (a 2022 report): a 2021 table printing (六)其他处理 as one row (spec), not a mismatch', () => {
    const donor = cleanReport('2019', { seed: 5 });
    const result = auditHtml(mixedPage(cleanReport('2021', { seed: 5, year: 2022 }), donor), 'mixed.html', { today: TODAY });
    expect(ofRule(result, 'structure.template-mismatch')).toEqual([]);
    const missing = ofRule(result, 'structure.missing-row');
    // One warning naming the three items (1.–3.) the one row stands for, not one a row.
    expect(missing.map((f) => f.severity)).toEqual(['warning']);
    expect(new Set(missing[0]!.cells.map((c) => c.split('/')[1]))).toEqual(new Set(['result.other.1', 'result.other.2', 'result.other.3']));
    expect(missing[0]!.message).toBe('表三将“(六)其他处理”印为一行，缺少其下 3 项；各项之和按这一行核对');
    for (const row of ROW_IDS['2019'].applications) expect(values(result)[`applications/${row}/total`], row).toBe(expectedValue(donor.cells[`applications/${row}/total`]!));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each([
    ['2019 table 二 beside a 2021 table 三 (a 2020 report)', cleanReport('2019', { seed: 6, year: 2020 }), cleanReport('2021', { seed: 6 })],
  ])('mixed tables, %s: one error naming table 三', (_n, page, donor) => {
    const result = auditHtml(mixedPage(page, donor), 'mixed.html', { today: TODAY });
    const found = ofRule(result, 'structure.template-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain('表三');
    expect(found[0]!.cells.length).toBeGreaterThan(0);
    expect(found[0]!.cells.every((c) => c.startsWith('applications/'))).toBe(true);
    // Table 三 is still read, in its own format.
    const rowIds = ROW_IDS[donor.format].applications;
    for (const row of rowIds) expect(values(result)[`applications/${row}/total`], row).toBe(expectedValue(donor.cells[`applications/${row}/total`]!));
  });

  it('is silent on clean pages', () => expectSilentOnClean('structure.template-mismatch'));
});

describe('structure.unsupported-format', () => {
  it.each([2017, 2018])('a %s report in the pre-2019 format: said once (info), format null, no missing rows', (year) => {
    const result = auditHtml(pre2019Page(year), 'old.html', { today: TODAY });
    expect(result.report).not.toBeNull();
    expect(result.report!.format).toBeNull();
    expect(result.report!.year).toBe(year);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['structure.unsupported-format', 'info']]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('structure.unsupported-format'));
});

describe('structure.missing-row', () => {
  it('a table 三 row not printed: one error naming its seven cells, relations not checked instead of sum errors', () => {
    const fault = dropRow(r21, 'applications', 'result.withheld.3');
    const result = auditFault(fault, { word: true });
    expect(ofRule(result, 'structure.missing-row')).toMatchObject([{ severity: 'error' }]);
    expectFindings(result, fault.expect);
    expect(result.findings.filter((f) => f.rule.startsWith('applications.'))).toEqual([]);
  });

  it('a table 二 row not printed (format 2019 其他对外管理服务事项)', () => {
    const fault = dropRow(r19, 'active', '20_5.other_services');
    expectFindings(auditFault(fault, { perItemTables: true }), fault.expect);
  });

  it('is silent on clean pages', () => expectSilentOnClean('structure.missing-row'));
});

/** The page with table 三's 科研机构 column removed (header and every data cell). */
function withoutResearchColumn(r: FixtureReport): string {
  const $ = load(renderPage(r));
  const table = $('table').filter((_, t) => $(t).text().includes('申请人情况'));
  const byText = (text: string) => table.find('td').filter((_, td) => $(td).text().trim() === text);
  byText('科研机构').remove();
  byText('法人或其他组织').attr('colspan', '4');
  byText('申请人情况').attr('colspan', '6');
  table.find('tr').each((_, tr) => {
    const tds = $(tr).children('td');
    if (tds.length >= 8) tds.eq(tds.length - 5).remove();
  });
  return $.html();
}

describe('structure.missing-column', () => {
  it.each(both)('table 三 without 科研机构 (format %s): one error naming the column, other columns read', (_f, r) => {
    const result = auditHtml(withoutResearchColumn(r), 'no-column.html', { today: TODAY });
    const found = ofRule(result, 'structure.missing-column');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(sorted(found[0]!.cells)).toEqual(ROW_IDS[r.format].applications.map((row) => `applications/${row}/research`).sort());
    for (const col of ['natural_person', 'commercial', 'social_welfare', 'legal_service', 'other_org', 'total']) {
      const id = `applications/result.total/${col}`;
      expect(values(result)[id], id).toBe(expectedValue(r.cells[id]!));
    }
  });

  it('is silent on clean pages', () => expectSilentOnClean('structure.missing-column'));
});

describe('structure.missing-section', () => {
  it.each(SECTION_ORDER)('section %s absent: error for a table, warning for text', (section) => {
    const fault = dropSection(r21, section);
    const result = auditFault(fault);
    const found = ofRule(result, 'structure.missing-section');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(['active', 'applications', 'appeals'].includes(section) ? 'error' : 'warning');
  });

  it('is silent on clean pages', () => expectSilentOnClean('structure.missing-section'));
});

describe('structure.extra-row', () => {
  it.each(both)('a local row under item (一) (format %s) is kept with its label, as info only', (_f, r) => {
    const fault = addExtraRow(r);
    const result = auditFault(fault, { word: true });
    const found = ofRule(result, 'structure.extra-row');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.message).toContain('其他主动公开文件');
    const extra = Object.entries(result.report!.cells).filter(([id]) => id.startsWith('active/20_1.extra.'));
    expect(extra.map(([, c]) => c.value)).toEqual([3, 7, 11]);
    expect(extra.every(([, c]) => c.label === '其他主动公开文件')).toBe(true);
    expect(sorted(found[0]!.cells)).toEqual(extra.map(([id]) => id).sort());
    expect(nonInfo(result)).toEqual([]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('structure.extra-row'));
});

describe('structure.label-variant', () => {
  it('釆 for 采, 行政法复议, spaces inside labels: info, the cells still read', () => {
    const result = auditReport(r19, { typos: true, word: true });
    const found = ofRule(result, 'structure.label-variant');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
    const procurement = found.find((f) => f.message.includes('政府集中釆购'));
    expect(sorted(procurement?.cells)).toEqual(['active/20_9.procurement/amount', 'active/20_9.procurement/count']);
    for (const [id, text] of Object.entries(r19.cells)) expect(values(result)[id], id).toBe(expectedValue(text));
    expect(nonInfo(result)).toEqual([]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('structure.label-variant'));
});

// ---- text.* --------------------------------------------------------------------------------------------

describe('text.table-mismatch', () => {
  it.each(['new', 'result.total', 'carried_forward', 'carried_over', 'review', 'suit'] as const)('the narrative states %s differently from the table: a warning quoting the sentence', (figure) => {
    const fault = breakNarrative(r21, figure, 3);
    const result = auditFault(fault, { layoutTable: true });
    const found = ofRule(result, 'text.table-mismatch');
    expect(found).toHaveLength(1);
    const want = fault.expect[0]!;
    expect(found[0]).toMatchObject({ severity: 'warning', expected: want.expected, actual: want.actual });
    expect(sorted(found[0]!.cells)).toEqual([...want.cells].sort());
    expect(found[0]!.quote).toBeTruthy();
    expect(norm(want.quote!)).toContain(norm(found[0]!.quote!));
    // expected is the narrative's figure (it is in the quote), actual what the table prints.
    expect(found[0]!.quote).toContain(String(want.expected));
    expect(found[0]!.message).toContain(found[0]!.quote);
  });

  const handled = withApplications(r19, {
    natural_person: { 'result.disclosed': 20, 'result.partial': 5, 'result.unavailable.1': 160, carried_over: 3, carried_forward: 2 },
    commercial: { 'result.disclosed': 4, 'result.unavailable.1': 11 },
  }); // 予以公开及部分公开 29 of 200 handled: 14.5 %; new 199 + carried over 3 = 202 = 200 + 2
  const say = (sentence: string) => neutralNarrative(handled, [sentence]);
  /** The share sentence after the count of applications, in one paragraph, as reports print it. */
  const share = (tail: string) => say(`本年度共收到政府信息公开申请199件，${tail}`);

  it('a sentence that includes 上年结转 is compared with new + carried_over', () => {
    expect(ofRule(auditReport(say('本年度共收到政府信息公开申请202件（含上年结转3件）。')), 'text.table-mismatch')).toEqual([]);
    const found = ofRule(auditReport(say('本年度共收到政府信息公开申请199件（含上年结转3件）。')), 'text.table-mismatch');
    expect(found).toMatchObject([{ severity: 'warning', expected: 199, actual: 202 }]);
    expect(sorted(found[0]!.cells)).toEqual(['applications/carried_over/total', 'applications/new/total']);
  });

  it('均已办结 while applications are carried forward', () => {
    const found = ofRule(auditReport(say('本年度收到的政府信息公开申请均已按时办结。')), 'text.table-mismatch');
    expect(found).toMatchObject([{ severity: 'warning', cells: ['applications/carried_forward/total'], actual: 2 }]);
    expect(found[0]!.quote).toContain('均已按时办结');
  });

  it('the narrative agreeing with the terms of a wrongly printed total: info, linked to the relation error, not in the memo', () => {
    // The real case: 表四 复议 结果维持 1, printed 总计 0, narrative "行政复议1起".
    const r = setCells(neutralNarrative(withAppeals(r21, { review: [1, 0, 0, 0] }), ['本年度因政府信息公开申请行政复议1起。']), { 'appeals/counts/review.total': '0' });
    const result = auditReport(r);
    const [relation] = ofRule(result, 'appeals.group-total');
    expect(relation).toMatchObject({ severity: 'error', expected: 1, actual: 0 });
    const found = ofRule(result, 'text.table-mismatch');
    expect(found).toMatchObject([{ severity: 'info', expected: 1, actual: 0, cells: ['appeals/counts/review.total'] }]);
    expect(found[0]!.message).toContain('有误的是表中印的总计 0');
    expect(found[0]!.related).toContain(relation!.id);
    expect(relation!.related).toContain(found[0]!.id);
    const text = memo([result]);
    expect(text).toContain(relation!.message);
    expect(text).not.toContain('行政复议1起');
  });

  it('a narrative contradicting both the printed total and its terms stays a warning: 正文为 X，表中为 Y', () => {
    const r = setCells(neutralNarrative(withAppeals(r21, { review: [1, 0, 0, 0] }), ['本年度因政府信息公开申请行政复议3起。']), { 'appeals/counts/review.total': '0' });
    const result = auditReport(r);
    const found = ofRule(result, 'text.table-mismatch');
    expect(found).toMatchObject([{ severity: 'warning', expected: 3, actual: 0 }]);
    expect(found[0]!.message).toContain('为 3，表中为 0');
    expect(memo([result])).toContain('正文为 3，表中为 0');
    expect(textReport(result, { lang: 'zh', verbose: false })).toContain('[正文为 3，表中为 0]');
  });

  it('均获维持 while a review was corrected', () => {
    const r = neutralNarrative(withAppeals(r21, { review: [2, 1, 0, 0] }), ['因政府信息公开被申请行政复议3件，均获维持。']);
    const found = ofRule(auditReport(r), 'text.table-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', actual: 1 });
    expect(found[0]!.cells).toContain('appeals/counts/review.corrected');
  });

  it('予以公开及部分公开 N 件: the count is compared', () => {
    const found = ofRule(auditReport(share('其中予以公开及部分公开31件，占15.5%。')), 'text.table-mismatch');
    expect(found).toMatchObject([{ severity: 'warning', expected: 31, actual: 29 }]);
    expect(sorted(found[0]!.cells)).toEqual(['applications/result.disclosed/total', 'applications/result.partial/total']);
  });

  it.each(['14.5%', '14.50%'])('the share, right at the decimals printed (%s), is silent', (pct) => {
    expect(ofRule(auditReport(share(`其中予以公开及部分公开29件，占${pct}。`)), 'text.table-mismatch')).toEqual([]);
  });

  it.each([
    ['14.6%', 14.6],
    ['14.4%', 14.4],
    ['16%', 16],
  ])('the share wrong at the decimals printed (%s) is a warning', (pct, stated) => {
    const found = ofRule(auditReport(share(`其中予以公开及部分公开29件，占${pct}。`)), 'text.table-mismatch');
    expect(found).toHaveLength(1);
    // expected: what the narrative says; actual: what the table gives.
    expect(found[0]).toMatchObject({ severity: 'warning', expected: stated });
    if (pct.includes('.')) expect(found[0]!.actual).toBe(14.5);
    expect(found[0]!.cells).toContain('applications/result.total/total');
  });

  it('a share rounded at one decimal (70.7% for 70.73) is silent; off by one decimal (70.8%) warns', () => {
    const r = withApplications(r21, { natural_person: { 'result.disclosed': 58, 'result.unavailable.1': 24 } }); // 58 / 82 = 70.73 %
    const with_ = (pct: string) => auditReport(neutralNarrative(r, [`全年办结政府信息公开申请82件，其中予以公开及部分公开58件，占${pct}。`]));
    expect(ofRule(with_('70.7%'), 'text.table-mismatch')).toEqual([]);
    expect(ofRule(with_('71%'), 'text.table-mismatch')).toEqual([]);
    expect(ofRule(with_('70.73%'), 'text.table-mismatch')).toEqual([]);
    expect(ofRule(with_('70.8%'), 'text.table-mismatch')).toMatchObject([{ severity: 'warning', expected: 70.8, actual: 70.7 }]);
  });

  // 29 / 200 is exactly 14.5 %: printed as 15 % (四舍五入 at no decimals) it is right. Binary floating point
  // makes 29 / 200 * 100 = 14.499999999999998, which toFixed(0) rounds to 14.
  it('an exact half at the decimals printed rounds up: 29 of 200 printed as 15% is silent', () => {
    expect(ofRule(auditReport(share('其中予以公开及部分公开29件，占15%。')), 'text.table-mismatch')).toEqual([]);
  });

  // A paragraph holding only the share (the count of applications in the paragraph before) is skipped by the
  // rule's pre-filter of lines (申请|复议|诉讼|办结|结转|维持), so a wrong count or share there goes unseen.
  it('the share is checked when its sentence stands in a paragraph of its own', () => {
    const found = ofRule(auditReport(say('其中予以公开及部分公开31件，占15.5%。')), 'text.table-mismatch');
    expect(found).toMatchObject([{ severity: 'warning', expected: 31, actual: 29 }]);
  });

  it('the 12345 hotline and 主动公开 counts are not application figures (distractors)', () => {
    const r = say('全年通过12345政务服务便民热线受理群众来电31145件，办结31100件，其中涉及政府信息公开申请咨询的来电326件。');
    const r2 = neutralNarrative(r, [...r.narrative.overview, '全年主动公开政府信息1280条，处理网民留言办结45件。', '信访事项受理申请12件。']);
    expect(ofRule(auditReport(r2), 'text.table-mismatch')).toEqual([]);
  });

  // A sentence that states the application count and also mentions the hotline is still about applications.
  it('an application count is checked even when the same sentence mentions the 12345 hotline', () => {
    const found = ofRule(auditReport(say('本年度共收到政府信息公开申请180件，另有12345热线转办的咨询30件。')), 'text.table-mismatch');
    expect(found).toMatchObject([{ severity: 'warning', cells: ['applications/new/total'], expected: 180, actual: 199 }]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('text.table-mismatch'));
});

describe('text.fee-statement-missing', () => {
  it('format 2021 without a word on 信息处理费 in section 六: a warning', () => {
    const fault = dropFeeStatement(r21);
    const result = auditFault(fault, { word: true });
    expect(ofRule(result, 'text.fee-statement-missing')).toMatchObject([{ severity: 'warning', cells: [] }]);
    expectFindings(result, fault.expect);
  });

  it('"本年度未收取信息处理费" and "收取信息处理费0元" are statements; format 2019 is not asked', () => {
    for (const line of ['本年度未收取信息处理费。', '本年度收取信息处理费0元。']) {
      const r = neutralNarrative(r21);
      r.narrative.other = [line];
      expect(ofRule(auditReport(r), 'text.fee-statement-missing'), line).toEqual([]);
    }
    expect(ofRule(auditFault(dropFeeStatement(r19)), 'text.fee-statement-missing')).toEqual([]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('text.fee-statement-missing'));
});

describe('text.year-mismatch', () => {
  it.each(both)('format %s: the overview dates this year\'s work in last year, quoted', (_f, r) => {
    const fault = staleOverviewYear(r);
    const result = auditFault(fault);
    const found = ofRule(result, 'text.year-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.quote).toBeTruthy();
    expect(norm(fault.expect[0]!.quote!)).toContain(norm(found[0]!.quote!));
    expect(found[0]!.quote).toContain(`${r.year - 1}年`);
  });

  it('plans for next year and references to earlier documents are not flagged', () => {
    const r = neutralNarrative(r21, [
      `${r21.year + 1}年，本机关将进一步加强政策解读。`,
      `按照${r21.year - 2}年印发的《政务公开工作规范》，本机关继续做好信息发布。`,
    ]);
    expect(ofRule(auditReport(r), 'text.year-mismatch')).toEqual([]);
  });

  it('is silent on clean pages', () => expectSilentOnClean('text.year-mismatch'));
});

// ---- meta.late-publication ----------------------------------------------------------------------------

describe('meta.late-publication', () => {
  const cases = [
    ['department', '临川县交通运输局', '01-31', '02-01', 'rule_meta_late_publication__department'],
    ['government', '青山区人民政府', '03-31', '04-01', 'rule_meta_late_publication__government'],
    ['township (镇)', '南岭镇人民政府', '01-31', '02-01', 'rule_meta_late_publication__township'],
    ['township (街道)', '东湖街道办事处', '01-31', '02-01', 'rule_meta_late_publication__township'],
  ] as const;

  it.each(cases)('%s: published on the deadline day is on time', (_k, agency, onTime) => {
    const r = cleanReport('2021', { seed: 4, year: 2022, agency, published: `2023-${onTime}` });
    const result = auditReport(r);
    expect(result.report!.published).toBe(`2023-${onTime}`);
    expect(ofRule(result, 'meta.late-publication')).toEqual([]);
  });

  it.each(cases)('%s: the day after is late, and the finding says which deadline it applied', (_k, agency, onTime, late, basisKey) => {
    const r = cleanReport('2021', { seed: 4, year: 2022, agency, published: `2023-${late}` });
    for (const lang of ['zh', 'en'] as const) {
      const result = auditReport(r, {}, { lang });
      const found = ofRule(result, 'meta.late-publication');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', deadline: `2023-${onTime}`, cells: [] });
      const basis = (lang === 'zh' ? zhCatalog : enCatalog)[basisKey].message;
      expect(found[0]!.message).toContain(basis);
    }
  });

  it.each([
    ['青山区人民政府2022年度政府信息公开工作年度报告', '青山区人民政府'],
    ['临川县2022年政府信息公开工作年度报告', '临川县'],
  ])('a government report titled %s: agency %s, the 31 March deadline', (title, agency) => {
    const r = cleanReport('2021', { seed: 4, year: 2022, agency: '青山区人民政府', published: '2023-03-15' });
    r.title = title;
    const result = auditReport(r);
    expect(result.report!.agency).toBe(agency);
    expect(ofRule(result, 'meta.late-publication')).toEqual([]);
  });

  // The year-first title form (as seed 003's 2019年度咸丰路街道办事处信息公开工作年度报告) with a
  // government: 人民政府信息公开 shares 政府, and the agency is read as 青山区人民 — a department, so the
  // 31 January deadline is applied and a report published on 15 March is called late.
  it('a government report titled 2022年度青山区人民政府信息公开工作年度报告 gets the 31 March deadline', () => {
    const r = cleanReport('2021', { seed: 4, year: 2022, agency: '青山区人民政府', published: '2023-03-15' });
    r.title = '2022年度青山区人民政府信息公开工作年度报告';
    const result = auditReport(r);
    expect(result.report!.agency).toBe('青山区人民政府');
    expect(ofRule(result, 'meta.late-publication')).toEqual([]);
  });

  it('the fixture fault (published in April) is late for every kind', () => {
    for (const seed of [1, 2, 3]) {
      const fault = latePublication(cleanReport('2019', { seed }));
      expectFindings(auditFault(fault), fault.expect);
    }
  });

  it('is silent on clean pages', () => expectSilentOnClean('meta.late-publication'));
});

// ---- The report's meta, which the contract carries and the rules read ------------------------------------

describe('report meta (year, agency, published)', () => {
  it.each(both)('format %s: year, agency and date from the page (title, PubDate meta, 发布日期)', (_f, r) => {
    const result = auditReport(r, { word: true });
    expect(result.report).toMatchObject({ year: r.year, agency: r.agency, published: r.published });
  });

  // A title with 工作的年度报告 does not match the title pattern; the agency is then read from the intro
  // sentence and keeps its first words: 现公布江城市自然资源和规划局.
  it('a title "某局关于2022年度政府信息公开工作的年度报告" names the agency without words before it', () => {
    const r = cleanReport('2021', { seed: 4, year: 2022, agency: '江城市自然资源和规划局' });
    r.title = '江城市自然资源和规划局关于2022年度政府信息公开工作的年度报告';
    const result = auditReport(r);
    expect(result.report!.year).toBe(2022);
    expect(result.report!.agency).toBe('江城市自然资源和规划局');
  });
});

// ---- relation.not-checked -----------------------------------------------------------------------------

describe('relation.not-checked', () => {
  it('names the relation and the terms, as info (a non-number, a missing row, blanks: see above)', () => {
    const result = auditFault(textInCell(r19, 'applications/carried_over/commercial', '不详'));
    const found = ofRule(result, 'relation.not-checked');
    expect(found.length).toBe(2);
    for (const f of found) {
      expect(f.severity).toBe('info');
      expect(f.message).toContain('商业企业');
    }
  });

  // The English message lists the cells with the Chinese list separator 、.
  it('its English message lists cells without Chinese punctuation', () => {
    const r = withAppeals(r21, { review: [3, 2, 0, 1] });
    const f = blankCell(blankCell(r, 'appeals/counts/review.upheld').report, 'appeals/counts/review.corrected');
    const [found] = ofRule(auditFault(f, {}, { lang: 'en' }), 'relation.not-checked');
    expect(found).toBeDefined();
    expect(found!.message).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff]/);
  });

  it('is silent on clean pages', () => expectSilentOnClean('relation.not-checked'));
});

// ---- input.* and internal.* ----------------------------------------------------------------------------

describe('input.no-report', () => {
  it('a page whose report is a PDF attachment names the attachment', () => {
    const result = auditHtml(pdfOnlyPage(2023), 'pdf-only.html', { today: TODAY });
    expect(result.report).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'input.no-report', severity: 'error', cells: [] });
    expect(result.findings[0]!.message).toMatch(/2023年政府信息公开工作年度报告\.pdf|\/att\/2023年度报告\.pdf/);
  });

  it.each([
    ['DOCX', '/uploads/2024/01/nb.docx', '某局2023年政府信息公开工作年度报告'],
    ['WPS', '/att/2023年度报告.wps', '点击下载'],
    ['OFD', '/att/report-2023.ofd', '2023年度报告（OFD版）'],
    ['image', '/att/2023年度报告.jpg', '附件1'],
  ])('names a %s attachment', (_k, href, text) => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某局2023年政府信息公开工作年度报告</title></head><body><h1>某局2023年政府信息公开工作年度报告</h1><p>详见附件：<a href="${href}">${text}</a></p><p><a href="/col/index.html">返回首页</a></p></body></html>`;
    const result = auditHtml(html, 'a.html', { today: TODAY });
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => f.rule)).toEqual(['input.no-report']);
    expect(result.findings[0]!.message).toContain(href);
  });

  it('a news page with statistics tables is not a report, and a link to another HTML page is not an attachment', () => {
    const result = auditHtml(newsPage(), 'news.html', { today: TODAY });
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['input.no-report', 'error']]);
    expect(result.findings[0]!.message).not.toContain('art_1_2.html');
  });

  it('is silent on clean pages', () => expectSilentOnClean('input.no-report'));
});

describe('input.unreadable', () => {
  const pdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 0, 1, 2, 255, 254]);
  it.each([
    ['empty', new Uint8Array(0)],
    ['white space only', new TextEncoder().encode(' \n\t\r\n  ')],
    ['binary', new Uint8Array(randomBytes(4096))],
    ['PDF bytes', pdf],
  ])('%s input: report null and one input.unreadable error', (_k, bytes) => {
    const result = auditBytes(bytes, 'x', { today: TODAY });
    expect(result.report).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'input.unreadable', severity: 'error', cells: [] });
  });

  // Messages are Chinese by default; the reason given inside this one is an English phrase from decode.ts.
  it('says why in the language asked for (Chinese by default)', () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array(randomBytes(512)), pdf]) {
      const message = auditBytes(bytes, 'x').findings[0]!.message;
      expect(message, message).not.toMatch(/\b(the|input|binary|file|not|empty|data)\b/i);
    }
  });

  it('is silent on clean pages', () => expectSilentOnClean('input.unreadable'));
});

describe('input.too-large', () => {
  let big: Uint8Array | undefined;
  beforeAll(() => {
    big = new Uint8Array(MAX_INPUT_BYTES + 1);
  });

  it('bytes over MAX_INPUT_BYTES: report null, one input.too-large error, nothing parsed', () => {
    const result = auditBytes(big!, 'huge.html', { today: TODAY });
    expect(result.report).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'input.too-large', severity: 'error', cells: [] });
    expect(result.findings[0]!.message).toMatch(/MB/);
  });

  it('exactly MAX_INPUT_BYTES is under the guard (read, here refused as binary)', () => {
    const result = auditBytes(big!.subarray(0, MAX_INPUT_BYTES), 'limit.bin', { today: TODAY });
    expect(result.findings.map((f) => f.rule)).toEqual(['input.unreadable']);
    big = undefined;
  });

  it('the guard is documented well above real pages (a 20 MB page is audited: hostile.test.ts)', () => {
    expect(MAX_INPUT_BYTES).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('is silent on clean pages', () => expectSilentOnClean('input.too-large'));
});

describe('internal.rule-failed', () => {
  // There is no way to pass rules to the audit: RULES is a module constant. This test uses the injection
  // point it proposes (AuditOptions.rules, defaulting to RULES); it fails until one exists.
  it('a rule that throws gives internal.rule-failed naming it; the other rules still run', () => {
    const throwing: Rule = {
      id: 'test.throws',
      run() {
        throw new Error('boom');
      },
    };
    const fault = breakRowTotal(r21, 'new', 2);
    const options = { today: TODAY, rules: [...RULES, throwing] } as AuditOptions;
    const result = auditHtml(renderPage(fault.report), 'x.html', options);
    const failed = ofRule(result, 'internal.rule-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ severity: 'error', cells: [] });
    expect(failed[0]!.message).toContain('test.throws');
    expect(failed[0]!.message).toContain('boom');
    expect(ofRule(result, 'applications.row-total')).toHaveLength(1);
  });

  it('is silent on clean pages', () => expectSilentOnClean('internal.rule-failed'));
});
