/**
 * Every fixture page (real-world layouts: Word markup, split tables, one table per item, layout tables,
 * full-width digits, units, typos, misaligned headers, hidden copies…) audited through the CLI path and
 * asserted cell by cell against the values it was rendered from, with the injected faults found.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditBytes } from '../../lib/audit';
import { loadManifest, type ReportEntry } from '../fixtures/manifest';

const reports = loadManifest().filter((e): e is ReportEntry => e.kind === 'report');

describe('fixture report pages', () => {
  for (const entry of reports) {
    describe(entry.file, () => {
      const result = auditBytes(readFileSync(entry.path), entry.file, { today: new Date('2026-11-22') });
      it('is recognised with its year, format, agency and date', () => {
        expect(result.report).not.toBeNull();
        expect(result.report!.year).toBe(entry.year);
        expect(result.report!.format).toBe(entry.format);
        expect(result.report!.agency).toBe(entry.agency);
        expect(result.report!.published).toBe(entry.published);
      });
      it('reads every cell as rendered', () => {
        const got: Record<string, number | null> = {};
        for (const id of Object.keys(entry.cells)) got[id] = result.report?.cells[id]?.value ?? (result.report?.cells[id] ? null : undefined as never);
        expect(got).toEqual(entry.cells);
        for (const [id, raw] of Object.entries(entry.raw)) expect(result.report?.cells[id]?.raw, id).toBe(raw.normalize('NFKC').replace(/\s+/g, ' ').trim());
      });
      it('finds the injected faults (and no error where none was injected)', () => {
        const errors = result.findings.filter((f) => f.severity !== 'info');
        for (const want of entry.expectFindings.filter((f) => f.severity !== 'info')) {
          const match = errors.find((f) => f.rule === want.rule && want.cells.every((c) => f.cells.includes(c)) && (want.expected === undefined || f.expected === want.expected) && (want.actual === undefined || f.actual === want.actual));
          expect(match, `${want.rule} ${want.cells.join(',')} ${want.note ?? ''}`).toBeDefined();
        }
        // A clean page gets no error and no warning; a faulty one no error beyond what its faults explain.
        const unexplained = errors.filter((f) => !entry.expectFindings.some((w) => w.rule === f.rule));
        expect(unexplained.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      });
    });
  }
});
