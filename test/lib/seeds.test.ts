/**
 * The five real seed reports, audited through the CLI's code path (bytes → decode → text reader →
 * recogniser → rules), checked against the values a person read by hand (test/seeds/expected.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditBytes } from '../../lib/audit';
import { SEEDS } from '../seeds/expected';

const SEEDS_DIR = process.env.GOUJI_SEEDS_DIR ?? join(import.meta.dirname, '../../../shared/seeds');

describe.skipIf(!existsSync(SEEDS_DIR))('seed reports', () => {
  for (const seed of SEEDS) {
    describe(seed.file, () => {
      const result = auditBytes(readFileSync(join(SEEDS_DIR, seed.file)), seed.file, { today: new Date('2026-11-22') });
      const report = result.report!;

      it('is recognised with the year, format and dates a reader sees', () => {
        expect(report).not.toBeNull();
        expect(report.year).toBe(seed.year);
        expect(report.format).toBe(seed.format);
        expect(report.published).toBe(seed.published);
        if (report.agency !== null) expect([seed.agency, ...(seed.agencyVariants ?? [])]).toContain(report.agency);
      });

      it('reads every cell of tables 三 and 四 and every number of table 二 as read by hand', () => {
        for (const [id, cell] of Object.entries(seed.cells)) {
          expect(report.cells[id], id).toBeDefined();
          expect({ id, raw: report.cells[id]!.raw, value: report.cells[id]!.value }).toEqual({ id, raw: cell.raw, value: cell.value });
          if (cell.unit) expect(report.cells[id]!.unit, id).toBe(cell.unit);
        }
        const statutory = Object.keys(report.cells).filter((id) => !/\.extra\./.test(id));
        expect(statutory.sort()).toEqual(Object.keys(seed.cells).sort());
      });

      it('finds exactly the blank cells the page has, as cell.missing on the right cells', () => {
        const blanks = Object.entries(report.cells).filter(([, c]) => c.value === null).map(([id]) => id);
        expect(blanks.sort()).toEqual([...seed.blanks].sort());
        const flagged = result.findings.filter((f) => f.rule === 'cell.missing').flatMap((f) => f.cells);
        expect(flagged.sort()).toEqual([...seed.blanks].sort());
        for (const id of seed.blanks) expect(report.cells[id]!.implied).toBe(0);
      });

      it('keeps local extra rows with their labels', () => {
        for (const extra of seed.extraRows ?? []) {
          const cells = Object.entries(report.cells).filter(([id, c]) => id.startsWith(`${extra.table}/${extra.item}.extra.`) && c.label === extra.label);
          expect(cells.map(([, c]) => c.value)).toEqual(extra.values);
        }
      });

      it('gets no false error', () => {
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      });
    });
  }
});
