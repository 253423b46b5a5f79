/**
 * `--summary-json FILE`: the batch summary as JSON, with `coverage` (one entry per roster unit and
 * report year; empty without a roster) and the roster and matching remarks.
 */
import type { CoverageEntry } from '../roster/coverage';
import type { BatchSummary } from './summary';

export interface SummaryJson extends BatchSummary {
  years: number[];
  coverage: CoverageEntry[];
  rosterNotes: string[];
}

export function summaryJson(summary: BatchSummary, region?: { coverage: { years: number[]; entries: CoverageEntry[] }; notes: string[] }): string {
  const out: SummaryJson = { ...summary, years: region?.coverage.years ?? [], coverage: region?.coverage.entries ?? [], rosterNotes: region?.notes ?? [] };
  return `${JSON.stringify(out, null, 2)}\n`;
}
