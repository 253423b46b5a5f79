/**
 * Small helpers for the rule and hostile-input tests: audit a fixture report rendered as a page, pick
 * findings, and build reports with chosen table 三 / 四 numbers (the fixture generator draws them at random).
 */
import { auditHtml, type AuditOptions } from '../../../lib/audit';
import type { AuditResult, Finding } from '../../../lib/model/schema';
import { renderPage, type LayoutOptions } from '../../fixtures/render';
import {
  APPEAL_GROUPS,
  APPLICANT_COLUMN_IDS,
  ROW_IDS,
  cellId,
  cloneReport,
  type FixtureReport,
} from '../../fixtures/report-data';

/** A fixed "today" well after every fixture's publication date. */
export const TODAY = new Date('2030-06-01T00:00:00Z');

export function auditReport(report: FixtureReport, layout: LayoutOptions = {}, options: AuditOptions = {}): AuditResult {
  return auditHtml(renderPage(report, layout), `${report.agency}-${report.year}.html`, { today: TODAY, ...options });
}

export const ofRule = (result: AuditResult, rule: string): Finding[] => result.findings.filter((f) => f.rule === rule);
export const rulesOf = (result: AuditResult): string[] => [...new Set(result.findings.map((f) => f.rule))].sort();
export const nonInfo = (result: AuditResult): Finding[] => result.findings.filter((f) => f.severity !== 'info');

/** The value of every cell of the report, as the audit read it. */
export function values(result: AuditResult): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [id, c] of Object.entries(result.report?.cells ?? {})) out[id] = c.value;
  return out;
}

/** A narrative with no figure about applications or appeals (for reports whose numbers a test sets). */
export function neutralNarrative(report: FixtureReport, overview: string[] = []): FixtureReport {
  const r = cloneReport(report);
  r.narrative = {
    overview: [`${r.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开各项工作。`, ...overview],
    problems: ['（一）存在的主要问题。政策解读形式较为单一。', '（二）改进措施。进一步丰富解读形式。'],
    other: r.format === '2021' ? ['本年度未收取信息处理费。'] : ['无其他需要报告的事项。'],
  };
  return r;
}

type ColumnFigures = Partial<Record<string, number>> & { carried_over?: number; carried_forward?: number };

/**
 * Table 三 with chosen numbers, every relation holding: per applicant column, the result rows given (others 0)
 * and carried_over / carried_forward; result.total, new and the 总计 column follow. The narrative is neutral.
 */
export function withApplications(report: FixtureReport, columns: Partial<Record<string, ColumnFigures>>): FixtureReport {
  const r = neutralNarrative(report);
  const rows = ROW_IDS[r.format].applications;
  const results = rows.filter((x) => x.startsWith('result.') && x !== 'result.total');
  const A = (row: string, col: string) => cellId('applications', row, col);
  for (const col of APPLICANT_COLUMN_IDS) {
    const given = columns[col] ?? {};
    let sum = 0;
    for (const row of results) {
      const v = given[row] ?? 0;
      r.cells[A(row, col)] = String(v);
      sum += v;
    }
    const co = given.carried_over ?? 0;
    const cf = given.carried_forward ?? 0;
    r.cells[A('result.total', col)] = String(sum);
    r.cells[A('carried_over', col)] = String(co);
    r.cells[A('carried_forward', col)] = String(cf);
    r.cells[A('new', col)] = String(sum + cf - co);
  }
  for (const row of rows) {
    r.cells[A(row, 'total')] = String(APPLICANT_COLUMN_IDS.reduce((s, col) => s + Number(r.cells[A(row, col)]), 0));
  }
  return r;
}

/** Table 四 with chosen numbers: per group [upheld, corrected, other, pending]; totals follow. Narrative neutral. */
export function withAppeals(report: FixtureReport, groups: Partial<Record<'review' | 'suit_direct' | 'suit_after_review', [number, number, number, number]>>): FixtureReport {
  const r = neutralNarrative(report);
  for (const g of APPEAL_GROUPS) {
    const v = groups[g.id] ?? [0, 0, 0, 0];
    ['upheld', 'corrected', 'other', 'pending'].forEach((s, i) => (r.cells[cellId('appeals', 'counts', `${g.id}.${s}`)] = String(v[i])));
    r.cells[cellId('appeals', 'counts', `${g.id}.total`)] = String(v.reduce((a, b) => a + b, 0));
  }
  return r;
}

/** Sets printed texts of cells (a copy). */
export function setCells(report: FixtureReport, texts: Record<string, string>): FixtureReport {
  const r = cloneReport(report);
  for (const [id, t] of Object.entries(texts)) {
    if (!(id in r.cells)) throw new Error(`no cell ${id}`);
    r.cells[id] = t;
  }
  return r;
}

/** Ids of findings, for `related` checks. */
export const ids = (fs: Finding[]): string[] => fs.map((f) => f.id!);
