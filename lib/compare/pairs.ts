/**
 * The year-over-year comparison in a batch: the text and cells of each report that may have another
 * year beside it are kept (a streamed batch keeps only slim results), and each consecutive pair is
 * compared as `gouji compare` would.
 */
import type { Lang } from '../i18n/messages';
import type { AuditResult } from '../model/schema';
import { compareReports, type Comparison, type ComparedInput } from './compare';

/** Where the kept texts live: a Map, or (for a streamed batch of any size) a store on disk. */
export interface PairStore {
  set(source: string, input: ComparedInput): unknown;
  get(source: string): ComparedInput | undefined;
}

export class YearPairTexts {
  constructor(private readonly kept: PairStore = new Map<string, ComparedInput>()) {}

  /** Keeps what a later comparison needs of a report with an agency and a year; nothing of the rest. Whether it kept it. */
  keep(result: AuditResult, lines: readonly string[] | undefined): boolean {
    if (!result.report?.agency || result.report.year === null || !lines) return false;
    this.kept.set(result.source, { result: { source: result.source, report: result.report, findings: [] }, lines });
    return true;
  }

  /** The kept report of `result` (its cells all there, where the batch's own copy has none), else `result`. */
  report(result: AuditResult): AuditResult {
    return this.kept.get(result.source)?.result ?? result;
  }

  compare(older: AuditResult, newer: AuditResult, lang: Lang): Comparison | null {
    const a = this.kept.get(older.source);
    const b = this.kept.get(newer.source);
    return a && b ? compareReports(a, b, lang) : null;
  }
}
