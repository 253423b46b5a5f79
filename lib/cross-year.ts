/**
 * Audits across years: reports of the same agency for consecutive years (matched by agency name and
 * year, whatever their formats) are compared by the cross-year.* rules. Works on AuditResults, so it
 * runs after any number of single audits (a batch, `--compare OLD NEW`).
 */
import { stableHash } from './hash';
import { ruleMessageKey, t, type Lang } from './i18n/messages';
import type { AuditResult, Finding, Report } from './model/schema';
import { readByKind } from './rules/catalogue';
import { crossYearCarriedOver } from './rules/cross-year/carried-over';
import { crossYearInForce } from './rules/cross-year/in-force';
import { crossYearPreviousCount } from './rules/cross-year/previous-count';
import type { CrossYearRule, YearPair } from './rules/cross-year/types';

export const CROSS_YEAR_RULES: readonly CrossYearRule[] = [crossYearCarriedOver, crossYearPreviousCount, crossYearInForce];

/** 乌兰察布市人民政府办公室 and 乌兰察布市政府办公室 are one agency; spaces and brackets do not count. */
export function agencyKey(agency: string): string {
  return agency.normalize('NFKC').replace(/[\s\p{P}]/gu, '').replace(/人民政府/g, '政府');
}

export function compareYears(previous: AuditResult, current: AuditResult, lang: Lang = 'zh'): Finding[] {
  if (!previous.report || !current.report) return [];
  const pair: YearPair = { previous: { source: previous.source, report: previous.report }, current: { source: current.source, report: current.report }, lang };
  const findings: Finding[] = [];
  for (const rule of CROSS_YEAR_RULES) {
    for (const d of rule.run(pair)) {
      findings.push({
        id: stableHash([d.rule, d.cells.join(','), d.previousCells.join(','), agencyKey(previous.report.agency ?? ''), previous.report.year ?? '', d.expected ?? '', d.actual ?? ''].join('|')),
        rule: d.rule,
        severity: d.severity,
        message: t(ruleMessageKey(d.messageKey ?? d.rule), d.params, lang),
        cells: d.cells,
        ...(d.expected !== undefined ? { expected: d.expected } : {}),
        ...(d.actual !== undefined ? { actual: d.actual } : {}),
        previous: { source: previous.source, cells: d.previousCells },
      });
    }
  }
  return findings;
}

/** The cells the cross-year rules read (their catalogue `reads`): all a batch keeps of a report it has streamed out. */
const readByCrossYear = readByKind('cross-year');

/** `cells: false`: none of them either (the caller keeps the report elsewhere, e.g. on disk). */
export function slimForCrossYear(result: AuditResult, keep: { cells: boolean } = { cells: true }): AuditResult {
  if (!result.report) return { source: result.source, report: null, findings: [] };
  const cells = keep.cells ? Object.fromEntries(Object.entries(result.report.cells).filter(([id]) => readByCrossYear(id))) : {};
  return { source: result.source, report: { ...result.report, cells }, findings: [] };
}

/** Consecutive-year pairs among many results: same agency, years N and N+1. */
export function consecutivePairs(results: AuditResult[]): [AuditResult, AuditResult][] {
  const byAgency = new Map<string, AuditResult[]>();
  for (const r of results) {
    const report: Report | null = r.report;
    if (!report?.agency || report.year === null) continue;
    const key = agencyKey(report.agency);
    byAgency.set(key, [...(byAgency.get(key) ?? []), r]);
  }
  const pairs: [AuditResult, AuditResult][] = [];
  for (const list of byAgency.values()) {
    const byYear = new Map(list.map((r) => [r.report!.year!, r]));
    for (const [year, r] of byYear) {
      const next = byYear.get(year + 1);
      if (next) pairs.push([r, next]);
    }
  }
  return pairs;
}

/** Adds the cross-year findings to the later report of each pair (in place), and returns the results. */
export function applyCrossYear(results: AuditResult[], lang: Lang = 'zh'): AuditResult[] {
  for (const [previous, current] of consecutivePairs(results)) current.findings.push(...compareYears(previous, current, lang));
  return results;
}
