/** The extension's local history (lib/compare/history.ts): bounded, one entry per address, last year found. */
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../lib/audit';
import { compareEntries, HISTORY_LIMIT, HISTORY_TEXT_CHARS, historyEntry, previousYear, withEntry, type HistoryEntry } from '../../lib/compare/history';
import { pageFromHtml } from '../../lib/extract/from-html';
import { cleanReport, followingYear, type FixtureReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

function entry(report: FixtureReport, source: string, at: number): HistoryEntry {
  const html = renderPage(report);
  return historyEntry(source, auditHtml(html, source).report!, pageFromHtml(html).lines, at);
}

const first = cleanReport('2021', { seed: 51, year: 2022, agency: '乌兰察布市人民政府办公室' });
const a = entry(first, 'https://example.gov.cn/2022.html', 1);
const b = entry({ ...followingYear(first), agency: '乌兰察布市政府办公室' }, 'https://example.gov.cn/2023.html', 2);

describe('local history', () => {
  it('keeps the newest first, one entry per address, at most HISTORY_LIMIT', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = withEntry(history, { ...a, source: `s${i}`, at: i });
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.source).toBe(`s${HISTORY_LIMIT + 4}`);
    history = withEntry(history, { ...a, source: 's10', at: 99 });
    expect(history.filter((e) => e.source === 's10')).toHaveLength(1);
    expect(history[0]!.at).toBe(99);
  });

  it('bounds the text kept per report', () => {
    const long = historyEntry('x', a.report, Array.from({ length: 5000 }, () => '很长的一行文字'.repeat(10)), 0);
    expect(long.lines.join('').length).toBeLessThanOrEqual(HISTORY_TEXT_CHARS);
  });

  it('finds the same agency\'s report of the year before (人民政府 = 政府), not itself nor another agency', () => {
    const other = { ...a, source: 'other', agency: '另一县教育局' };
    expect(previousYear([b, other, a], b)?.source).toBe(a.source);
    expect(previousYear([b, other], b)).toBeUndefined();
    expect(previousYear([a], a)).toBeUndefined();
  });

  it('compares two entries as gouji compare does', () => {
    const c = compareEntries(b, a, 'zh');
    expect(c.old.year).toBe(2022);
    expect(c.findings.map((f) => f.rule)).toContain('text.repeated-section');
  });
});
