/**
 * The local history of audited reports in storage.local (bounded, clearable; nothing leaves the
 * machine), and the comparison of a new audit with the same agency's report of the year before.
 */
import { browser } from 'wxt/browser';
import { compareEntries, historyEntry, previousYear, withEntry, type HistoryEntry } from '../../lib/compare/history';
import type { AuditResult } from '../../lib/model/schema';
import type { TabComparison } from '../content/protocol';

export const HISTORY_KEY = 'gouji:history';

export async function readHistory(): Promise<HistoryEntry[]> {
  const got = await browser.storage.local.get(HISTORY_KEY);
  const list = got[HISTORY_KEY];
  return Array.isArray(list) ? (list as HistoryEntry[]) : [];
}

export async function clearHistory(): Promise<void> {
  await browser.storage.local.remove(HISTORY_KEY);
}

/**
 * Keeps the audited report in the history; with last year's report there, the comparison for the panel.
 * The comparison needs only the history as read, so it comes back at once and the history's write
 * (the whole list, the slow part) goes on meanwhile: `saved` settles when it is written. `read`: the
 * history, when the caller started reading it earlier (while the page was walked).
 */
export async function recordAndCompare(result: AuditResult, lines: readonly string[], lang: 'zh' | 'en', read: Promise<HistoryEntry[]> = readHistory()): Promise<{ comparison?: TabComparison; saved: Promise<void> }> {
  if (!result.report) return { saved: Promise.resolve() };
  const entry = historyEntry(result.source, result.report, lines, Date.now());
  const history = await read;
  const saved = browser.storage.local.set({ [HISTORY_KEY]: withEntry(history, entry) });
  const previous = previousYear(history, entry);
  if (!previous) return { saved };
  return { comparison: comparisonOf(previous, entry, lang), saved };
}

function comparisonOf(previous: HistoryEntry, entry: HistoryEntry, lang: 'zh' | 'en'): TabComparison {
  const c = compareEntries(previous, entry, lang);
  return {
    previousSource: c.old.source,
    previousYear: c.old.year,
    repeated: c.text.repeated,
    sections: c.text.sections.map((s) => ({ section: s.section, title: s.title, repeated: s.repeated, weight: s.weight })),
    tables: { cells: c.tables.cells, equal: c.tables.equal, repeated: c.tables.repeated },
    findings: c.findings,
    notices: c.notices.map((n) => n.message),
  };
}
