/**
 * Generated real-world variants (test/fixtures/variants.ts, issue 11): pages combining the patterns Gouji now
 * reads, each checked as a careful reviewer reads it — every cell, no false error or warning, every true finding.
 */
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../lib/audit';
import { pageFromHtml } from '../../lib/extract/from-html';
import { readMeta } from '../../lib/recognize/meta';
import { makeRng } from '../fixtures/report-data';
import { EXCLUSIVE, scoreCase, variantCase, type Variant } from '../fixtures/variants';

/** The patterns read right, grouped as the generator excludes them (one table 三 layout, one editor…). */
const READ_RIGHT: readonly (readonly Variant[])[] = [
  ['total-first', 'swapped-applicants', 'total-only', 'extra-value'],
  ['word', 'wps', 'ueditor'],
  ['short-labels'],
  ['renumbered'],
  ['bare-total'],
  ['edited-labels'],
  ['chinese-year'],
  ['other-one-row'],
  ['meta-table'],
  ['appeals-split', 'appeals-transposed'],
  ['dash-zeros'],
  ['corrected-copy'],
  ['class-hidden-copy'],
  ['header-wording'],
  ['split-table-three'],
  ['appendix-table'],
  ['split-numbering'],
  ['cell-paragraphs'],
  ['header-images'],
  ['carried-first'],
  ['bracket-notes'],
  ['thousands-units'],
  ['new-media-rows'],
  ['nested-cells'],
];
const PAGES = 40 * Number(process.env.FUZZ_SCALE ?? 1);
const TODAY = new Date('2030-01-01');

/** One to all of the groups, a random member of each: patterns combined, as agencies combine them. */
function combination(seed: number): Variant[] {
  const rng = makeRng(seed * 7919 + 3);
  const drawn = READ_RIGHT.map((g) => (rng() < 0.7 ? g[Math.floor(rng() * g.length)]! : null)).filter((v): v is Variant => v !== null);
  // Patterns that exclude each other across groups (no headers printed, and columns placed by header): the first drawn stays.
  const picked = drawn.filter((v, i) => !EXCLUSIVE.some((g) => g.includes(v) && drawn.slice(0, i).some((o) => o !== v && g.includes(o))));
  return picked.length ? picked : [READ_RIGHT[0]![seed % READ_RIGHT[0]!.length]!];
}

// Many pages in one test (FUZZ_SCALE multiplies them): reading time is not what this test is about.
describe('generated real-world variants, combined', { timeout: 120_000 }, () => {
  it(`reads ${PAGES} generated pages as a reviewer does`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= PAGES; seed++) {
      const c = variantCase(seed, combination(seed));
      const s = scoreCase(c, auditHtml(c.html, `variant-${seed}.html`, { today: TODAY }));
      const wrong = [...s.wrongCells.slice(0, 3), ...s.falseErrors, ...s.falseWarnings.map((w) => `warning ${w}`), ...s.missedFindings.map((m) => `missed ${m}`)];
      if (s.metaRight < s.metaTotal) wrong.push(`metadata ${s.metaRight}/${s.metaTotal}`);
      if (wrong.length) failures.push(`seed ${seed} [${c.variants.join(', ')}]: ${wrong.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('an appendix repeating one table\'s labels (附表 of table 三, a blank form, table 二 with 说明) is no second copy; a corrected copy before it still is', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 16; seed++) {
      for (const variants of [['appendix-table'], ['corrected-copy', 'appendix-table']] as Variant[][]) {
        const c = variantCase(seed, variants);
        kinds.add(/附：主动公开/.test(c.html) ? 'notes' : /空表/.test(c.html) ? 'blank' : 'figures');
        const result = auditHtml(c.html, `appendix-${seed}.html`, { today: TODAY });
        const s = scoreCase(c, result);
        expect(s.wrongCells.slice(0, 3), `seed ${seed} [${variants.join(', ')}]`).toEqual([]);
        expect(result.findings.some((f) => f.rule === 'structure.second-copy'), `seed ${seed} [${variants.join(', ')}]`).toBe(variants.includes('corrected-copy'));
      }
    }
    expect([...kinds].sort()).toEqual(['blank', 'figures', 'notes']);
  });

  it('a figure boxed in a one-cell table is its cell\'s text; a nested table of several cells stays a table', () => {
    const box = (t: string) => `<table width="100%"><tr><td align="center">${t}</td></tr></table>`;
    const page = pageFromHtml(`<table><tr><td>规章</td><td>${box('3')}</td><td>${box('')}</td></tr><tr><td>附</td><td><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>`);
    const withRows = page.tables.filter((t) => t.rows.length > 0);
    expect(withRows.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual([[['规章', '3', ''], ['附', '']], [['1', '2']]]);
  });

  it('reads the year and agency of a title in Chinese numerals (二〇一九年度) from the title alone', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const c = variantCase(seed, ['chinese-year']);
      expect(c.html).toMatch(/[〇一二三四五六七八九]{4}年度/);
      // Only the title: no signature or narrative to fall back on.
      const meta = readMeta(pageFromHtml(c.html.replace(/<\/h1>[\s\S]*$/, '</h1></body></html>')));
      expect([meta.year, meta.agency], `seed ${seed}`).toEqual([c.meta.year, c.meta.agency]);
    }
  });
});
