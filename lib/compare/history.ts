/**
 * The extension's local history of audited reports (kept in storage.local by the background; nothing
 * leaves the machine): bounded in count and in text kept per report, newest first, one entry per address.
 * Pure functions over the list, so the bounds and the look-up of last year's report are tested here.
 */
import { agencyKey } from '../cross-year';
import type { Lang } from '../i18n/messages';
import type { Report } from '../model/schema';
import { compareReports, type Comparison, type ComparedInput } from './compare';

export interface HistoryEntry {
  source: string;
  agency: string | null;
  year: number | null;
  /** When it was audited (ms since the epoch). */
  at: number;
  report: Report;
  lines: string[];
}

/** Reports kept; the oldest audited go first. */
export const HISTORY_LIMIT = 40;
/** Characters of narrative kept per report (a real report's text is well under this). */
export const HISTORY_TEXT_CHARS = 200_000;

export function historyEntry(source: string, report: Report, lines: readonly string[], at: number): HistoryEntry {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > HISTORY_TEXT_CHARS) break;
    kept.push(line);
    size += line.length;
  }
  return { source, agency: report.agency, year: report.year, at, report, lines: kept };
}

/** The history with `entry` in front (replacing an older audit of the same address), within the limit. */
export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((e) => e.source !== entry.source)].slice(0, HISTORY_LIMIT);
}

/** The same agency's report of the year before, if the history holds it. */
export function previousYear(history: readonly HistoryEntry[], entry: Pick<HistoryEntry, 'agency' | 'year' | 'source'>): HistoryEntry | undefined {
  if (!entry.agency || entry.year === null) return undefined;
  const key = agencyKey(entry.agency);
  return history.find((e) => e.source !== entry.source && e.year === entry.year! - 1 && !!e.agency && agencyKey(e.agency) === key);
}

export const asCompared = (e: HistoryEntry): ComparedInput => ({ result: { source: e.source, report: e.report, findings: [] }, lines: e.lines });

export function compareEntries(a: HistoryEntry, b: HistoryEntry, lang: Lang): Comparison {
  return compareReports(asCompared(a), asCompared(b), lang);
}
