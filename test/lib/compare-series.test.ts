/**
 * The thresholds of text.repeated-* on realistic consecutive-year series (test/fixtures/year-series.ts):
 * real seed reports copied with only years and numbers changed are flagged; the same reports rewritten
 * (a quarter to half of the sentences kept, stock phrases and boilerplate kept) and reports sharing only
 * stock phrases are not. The fixture generator's series likewise.
 */
import { describe, expect, it } from 'vitest';
import { compareReports, compareText, REPEATED_SHARE, type ComparedInput } from '../../lib/compare/compare';
import { pageFromHtml } from '../../lib/extract/from-html';
import { pageFromText } from '../../lib/extract/from-text';
import type { AuditResult } from '../../lib/model/schema';
import { cleanReport, followingYear } from '../fixtures/report-data';
import { nextYearCopy, nextYearRewrite, renderYear, rewrittenNarrative, seedTexts } from '../fixtures/year-series';

const seeds = seedTexts();
const lines = (text: string) => pageFromText(text).lines;
const side = (source: string, year: number, agency = '某县交通运输局'): AuditResult => ({ source, report: { year, format: '2021', agency, published: null, cells: {} }, findings: [] });
const input = (source: string, year: number, text: readonly string[], agency?: string): ComparedInput => ({ result: side(source, year, agency), lines: text });
const rules = (a: readonly string[], b: readonly string[]) => compareReports(input('old', 2022, a), input('new', 2023, b)).findings.map((f) => f.rule);

describe.skipIf(seeds.length < 5)('repetition on the real seed reports', () => {
  it('a copy with only years and numbers changed repeats sections 一 and 五 (≥ 95 %) and is flagged', () => {
    for (const seed of seeds) {
      const c = compareText(lines(seed), lines(nextYearCopy(seed)));
      expect(c.sections[0]!.repeated).toBeGreaterThanOrEqual(0.95);
      expect(c.sections[4]!.repeated).toBeGreaterThanOrEqual(0.95);
      expect(c.repeated).toBeGreaterThanOrEqual(0.95);
      const found = rules(lines(seed), lines(nextYearCopy(seed)));
      expect(found.filter((r) => r === 'text.repeated-section')).toHaveLength(2);
      expect(found).toContain('text.repeated-report');
    }
  });

  it('a rewritten next year (a quarter, a third or half of the sentences kept) stays under the threshold', () => {
    seeds.forEach((seed, i) => {
      for (const keepEvery of [2, 3, 4]) {
        const next = nextYearRewrite(seed, seeds[(i + 1) % seeds.length]!, keepEvery);
        const c = compareText(lines(seed), lines(next));
        expect(c.sections[0]!.repeated).toBeLessThan(REPEATED_SHARE);
        expect(c.sections[4]!.repeated).toBeLessThan(REPEATED_SHARE);
        // Some of it does repeat: the comparison sees the kept sentences.
        expect(c.sections[0]!.repeated).toBeGreaterThan(0.1);
        expect(rules(lines(seed), lines(next))).toEqual([]);
      }
    });
  });

  it('two agencies\' reports share only stock phrases: near 0 %', () => {
    seeds.forEach((seed, i) => {
      const other = seeds[(i + 1) % seeds.length]!;
      expect(compareText(lines(seed), lines(other)).repeated).toBeLessThan(0.02);
    });
  });
});

describe('repetition on the fixture generator\'s series', () => {
  const pages = (a: ReturnType<typeof cleanReport>, b: ReturnType<typeof cleanReport>) => [pageFromHtml(renderYear(a)).lines, pageFromHtml(renderYear(b)).lines] as const;

  it('followingYear keeps the template narrative: a true copy, flagged', () => {
    for (const seed of [1, 2, 3]) {
      const first = cleanReport('2021', { seed, year: 2022 });
      const [a, b] = pages(first, followingYear(first));
      const c = compareText(a, b);
      expect(c.sections[0]!.repeated).toBeGreaterThanOrEqual(0.95);
      expect(c.sections[4]!.repeated).toBe(1);
      expect(rules(a, b)).toEqual(['text.repeated-section', 'text.repeated-section', 'text.repeated-report']);
    }
  });

  it('a rewritten narrative keeping the stock opening (坚持以习近平新时代中国特色社会主义思想为指导) and boilerplate is not a copy', () => {
    const first = cleanReport('2021', { seed: 4, year: 2022 });
    const [a, b] = pages(first, rewrittenNarrative(followingYear(first)));
    const c = compareText(a, b);
    expect(c.sections[0]!.sentences[0]).toMatchObject({ repeated: true });
    expect(c.sections[0]!.sentences[0]!.text).toContain('坚持以习近平新时代中国特色社会主义思想为指导');
    expect(c.sections[0]!.repeated).toBeLessThan(0.3);
    expect(c.sections[5]!.repeated).toBe(1);
    expect(rules(a, b)).toEqual([]);
  });
});
