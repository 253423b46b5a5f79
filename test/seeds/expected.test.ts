// Internal consistency of the hand transcription in ./expected.ts.
// Deliberately imports nothing from lib/: this only checks the reference data itself.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SEEDS,
  APPLICATION_ROWS,
  APPLICATION_COLUMNS,
  APPEAL_GROUPS,
  APPEAL_COLUMNS,
  ACTIVE_CELLS,
  type SeedExpectation,
} from './expected';

const SEED_DIR = process.env.GOUJI_SEEDS_DIR ?? '/work/shared/seeds';
const haveSeeds = existsSync(SEED_DIR);

const RESULT_ROWS = (s: SeedExpectation) =>
  APPLICATION_ROWS[s.format].filter((r) => r.startsWith('result.') && r !== 'result.total');

/** value of a cell, a blank counting as 0 (all blanks in the seeds are in all-zero relations) */
const v = (s: SeedExpectation, id: string): number => {
  const c = s.cells[id];
  if (!c) throw new Error(`missing ${id}`);
  return c.value ?? 0;
};

describe('seed expectations', () => {
  it('has five seeds with distinct files', () => {
    expect(SEEDS).toHaveLength(5);
    expect(new Set(SEEDS.map((s) => s.file)).size).toBe(5);
  });

  for (const s of SEEDS) {
    describe(s.file, () => {
      it('year and format agree; published is a date', () => {
        expect(s.format).toBe(s.year >= 2021 ? '2021' : '2019');
        expect(s.year).toBeGreaterThanOrEqual(2019);
        if (s.published !== null) expect(s.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });

      it('has every table-三 cell of its format and no other', () => {
        const want = APPLICATION_ROWS[s.format].flatMap((r) =>
          APPLICATION_COLUMNS.map((c) => `applications/${r}/${c}`),
        );
        const have = Object.keys(s.cells).filter((k) => k.startsWith('applications/'));
        expect(have.sort()).toEqual([...want].sort());
        expect(want).toHaveLength(s.format === '2019' ? 23 * 7 : 25 * 7);
      });

      it('has the 15 table-四 cells', () => {
        const want = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => `appeals/counts/${g}.${c}`));
        const have = Object.keys(s.cells).filter((k) => k.startsWith('appeals/'));
        expect(want).toHaveLength(15);
        expect(have.sort()).toEqual([...want].sort());
      });

      it('has every numeric table-二 cell of its format and no other', () => {
        const have = Object.keys(s.cells).filter((k) => k.startsWith('active/'));
        expect(have.sort()).toEqual(ACTIVE_CELLS[s.format].map((k) => `active/${k}`).sort());
      });

      it('blanks are exactly the cells with raw "" and value null', () => {
        for (const id of s.blanks) {
          expect(s.cells[id], id).toEqual({ raw: '', value: null });
        }
        const empty = Object.entries(s.cells)
          .filter(([, c]) => c.raw === '' || c.value === null)
          .map(([k]) => k);
        expect(empty.sort()).toEqual([...s.blanks].sort());
      });

      it('raw is trimmed, NFKC, and agrees with value/unit', () => {
        for (const [id, c] of Object.entries(s.cells)) {
          expect(c.raw, id).toBe(c.raw.trim());
          expect(c.raw, id).toBe(c.raw.normalize('NFKC'));
          if (c.value === null) continue;
          if (c.unit) {
            expect(c.raw.endsWith(c.unit), id).toBe(true);
            expect(Number(c.raw.slice(0, -c.unit.length)), id).toBe(c.value);
          } else {
            expect(Number(c.raw), id).toBe(c.value);
          }
          if (!id.endsWith('/change')) expect(c.value, id).toBeGreaterThanOrEqual(0);
        }
      });

      it('table 三 relations hold in the transcription', () => {
        for (const r of APPLICATION_ROWS[s.format]) {
          const six = APPLICATION_COLUMNS.slice(0, 6).reduce((a, c) => a + v(s, `applications/${r}/${c}`), 0);
          expect(six, `row-total ${r}`).toBe(v(s, `applications/${r}/total`));
        }
        for (const c of APPLICATION_COLUMNS) {
          const sum = RESULT_ROWS(s).reduce((a, r) => a + v(s, `applications/${r}/${c}`), 0);
          expect(sum, `result-total ${c}`).toBe(v(s, `applications/result.total/${c}`));
          expect(v(s, `applications/new/${c}`) + v(s, `applications/carried_over/${c}`), `balance ${c}`).toBe(
            v(s, `applications/result.total/${c}`) + v(s, `applications/carried_forward/${c}`),
          );
        }
      });

      it('table 四 group totals hold', () => {
        for (const g of APPEAL_GROUPS) {
          const sum = ['upheld', 'corrected', 'other', 'pending'].reduce(
            (a, c) => a + v(s, `appeals/counts/${g}.${c}`),
            0,
          );
          expect(sum, g).toBe(v(s, `appeals/counts/${g}.total`));
        }
      });

      it('narrative figures agree with the table (none of the seeds contradicts itself)', () => {
        const n = s.narrative;
        if (n.newApplications !== undefined) expect(n.newApplications).toBe(v(s, 'applications/new/total'));
        if (n.handled !== undefined) expect(n.handled).toBe(v(s, 'applications/result.total/total'));
        if (n.carriedOver !== undefined) expect(n.carriedOver).toBe(v(s, 'applications/carried_over/total'));
        if (n.carriedForward !== undefined)
          expect(n.carriedForward).toBe(v(s, 'applications/carried_forward/total'));
        if (n.reviews !== undefined) expect(n.reviews).toBe(v(s, 'appeals/counts/review.total'));
        if (n.suits !== undefined)
          expect(n.suits).toBe(
            v(s, 'appeals/counts/suit_direct.total') + v(s, 'appeals/counts/suit_after_review.total'),
          );
        for (const k of Object.keys(n.quotes ?? {})) expect(n, k).toHaveProperty(k);
        if (s.format === '2021') expect(n.feeStatement).toBeTruthy();
      });

      it.skipIf(!haveSeeds)('quotes, agency and date occur in the seed text', () => {
        const text = readFileSync(join(SEED_DIR, s.file), 'utf8').normalize('NFKC');
        for (const q of Object.values(s.narrative.quotes ?? {})) expect(text).toContain(q);
        if (s.narrative.feeStatement) expect(text).toContain(s.narrative.feeStatement);
        if (s.agency) expect(text).toContain(s.agency);
        for (const a of s.agencyVariants ?? []) expect(text).toContain(a);
        if (s.published) {
          const [y, m, d] = s.published.split('-').map(Number);
          expect(text.includes(s.published) || text.includes(`${y}年${m}月${d}日`)).toBe(true);
        }
        for (const x of s.extraRows ?? []) expect(text).toContain(x.label);
        for (const c of Object.values(s.cells)) if (c.unit) expect(text).toContain(c.raw);
      });
    });
  }
});
