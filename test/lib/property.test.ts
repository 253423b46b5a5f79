/**
 * Property-based tests that hunt for crashes, hangs and silent wrong answers (issue 7). Generated
 * tables and pages: random spans (0, huge, junk), ragged and overlapping rows, deep nesting, empty and
 * enormous cells, mixed scripts, invalid UTF-8/GBK bytes, shuffled labels, dropped or duplicated rows,
 * pages with no report; and metamorphic checks: the same report in another layout reads the same,
 * and one changed number gives exactly the findings that number breaks.
 * `npm run fuzz` runs the same properties with FUZZ_SCALE times more cases.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditBytes, auditHtml } from '../../lib/audit';
import { auditFile } from '../../lib/document/index';
import { buildGrid } from '../../lib/extract/grid';
import { AuditResultSchema, type AuditResult } from '../../lib/model/schema';
import { ACTIVE_ITEMS, APPLICATION_ROWS, statutoryCells } from '../../lib/model/statutory';
import { brokenRelations, cleanReport, type FixtureReport } from '../fixtures/report-data';
import { LAYOUT_FLAGS, renderPage, type LayoutOptions } from '../fixtures/render';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Generous: these are property runs, not timed tests. */
const TIMEOUT = 300_000;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

const STATUTORY_IDS = new Set(['2019', '2021'].flatMap((f) => (['active', 'applications', 'appeals'] as const).flatMap((t) => statutoryCells(t, f as '2019').map((c) => c.id))));
const EXTRA_ID = /^(active\/20_\d\.extra\.\d+|active\/20_x\.extra\.\d+|applications\/extra\.\d+)\/[\w.]+$/;
const MISSING_RULES = new Set(['structure.missing-row', 'structure.missing-column', 'structure.missing-section']);

/** The invariants every audit keeps, whatever the input. */
function checkInvariants(result: AuditResult): void {
  expect(AuditResultSchema.safeParse(result).success).toBe(true);
  // Serialising and parsing back the JSON gives the same result.
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  if (result.report === null) {
    expect(result.findings.some((f) => f.rule.startsWith('input.'))).toBe(true);
    return;
  }
  for (const id of Object.keys(result.report.cells)) expect(STATUTORY_IDS.has(id) || EXTRA_ID.test(id), id).toBe(true);
  const reportedMissing = new Set(result.findings.filter((f) => MISSING_RULES.has(f.rule)).flatMap((f) => f.cells));
  for (const f of result.findings) {
    for (const c of f.cells) {
      const known = c in result.report.cells || reportedMissing.has(c);
      // relation.not-checked may name cells absent for that very reason: it says so.
      expect(known || f.rule === 'relation.not-checked', `${f.rule} names ${c}`).toBe(true);
    }
  }
}

// ---- Random tables ------------------------------------------------------------------------------

const LABELS = [
  ...APPLICATION_ROWS['2021'].map((r) => r.label.zh),
  ...ACTIVE_ITEMS['2019'].flatMap((i) => i.rows.map((r) => r.label.zh)),
  '第二十条第(一)项', '信息内容', '本年新制作数量', '本年制发件数', '自然人', '商业企业', '总计', '行政复议', '行政诉讼', '结果维持', '三、本年度办理结果', '(三)不予公开',
];
const spanArb = fc.oneof(fc.constant(null), fc.constantFrom('0', '1', '2', '3', '65534', '1000', '99999999', 'abc', '-1', '2px', ' 3', '', '1e3'));
const textArb = fc.oneof(
  fc.constantFrom(...LABELS),
  fc.integer({ min: -50, max: 100000 }).map(String),
  fc.constantFrom('', '&nbsp;', '—', '/', '无', '０１２', '42.21万元', '+14', '－2', '1,234', '<b>3</b>', '<script>alert(1)</script>', '🙂表', 'ﾃｽﾄ', 'Ω≈ç'),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[<&]/g, '')),
  fc.integer({ min: 1000, max: 6000 }).map((n) => '很长的单元格'.repeat(n / 6)),
);
const cellArb = fc.record({ tag: fc.constantFrom('td', 'th'), rowspan: spanArb, colspan: spanArb, text: textArb });
const rowArb = fc.array(cellArb, { minLength: 0, maxLength: 9 });
const tableArb = fc.array(rowArb, { minLength: 0, maxLength: 14 });

interface GenCell {
  tag: string;
  rowspan: string | null;
  colspan: string | null;
  text: string;
}

function tableHtml(rows: GenCell[][], nested?: string): string {
  const body = rows
    .map((cells, r) => `<tr>${cells.map((c, i) => `<${c.tag}${c.rowspan !== null ? ` rowspan="${c.rowspan}"` : ''}${c.colspan !== null ? ` colspan="${c.colspan}"` : ''}>${c.text}${nested && r === 0 && i === 0 ? nested : ''}</${c.tag}>`).join('')}</tr>`)
    .join('');
  return `<table>${body}</table>`;
}

describe('generated tables and pages never break the audit', () => {
  it('random tables, spans and texts', () => {
    fc.assert(
      fc.property(fc.array(tableArb, { minLength: 0, maxLength: 4 }), fc.boolean(), (tables, quirks) => {
        const html = `${quirks ? '' : '<!DOCTYPE html>'}<html><head><title>2023年政府信息公开工作年度报告</title></head><body>${tables.map((t) => tableHtml(t)).join('<p>x</p>')}</body></html>`;
        checkInvariants(auditHtml(html, 'gen'));
      }),
      { numRuns: runs(2500) },
    );
  }, TIMEOUT);

  it('the WHATWG grid places every cell inside the table and its row group', () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), (rows, quirks) => {
        const table = {
          index: 0,
          depth: 0,
          rows: rows.map((cells, r) => ({
            group: r < 2 ? 0 : 1,
            order: r,
            cells: cells.map((c, i) => ({ text: c.text, tag: c.tag as 'td', rowspan: c.rowspan, colspan: c.colspan, source: { table: 0, row: r, cell: i } })),
          })),
        };
        const grid = buildGrid(table, quirks ? 'quirks' : 'standards');
        expect(grid.rows.length).toBe(rows.length);
        grid.rows.forEach((placed, y) => {
          expect(placed.length).toBe(rows[y]!.length);
          for (const p of placed) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.width).toBeGreaterThanOrEqual(1);
            expect(p.width).toBeLessThanOrEqual(1000);
            const groupEnd = y < 2 ? Math.min(2, rows.length) : rows.length;
            expect(y + p.height).toBeLessThanOrEqual(groupEnd);
          }
          // Cells of one row never start at the same slot.
          const starts = placed.map((p) => p.x);
          expect(new Set(starts).size).toBe(starts.length);
        });
      }),
      { numRuns: runs(2500) },
    );
  }, TIMEOUT);

  it('deeply nested tables, with or without a report at the bottom', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.boolean(), fc.integer({ min: 1, max: 999 }), (depth, withReport, seed) => {
        const inner = withReport ? renderPage(cleanReport('2021', { seed }), {}).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '') : '<p>end</p>';
        const html = `<html><body>${'<table><tr><td>'.repeat(depth)}${inner}${'</td></tr></table>'.repeat(depth)}</body></html>`;
        const result = auditHtml(html, 'nested');
        checkInvariants(result);
        expect(result.report !== null).toBe(withReport);
      }),
      { numRuns: runs(60) },
    );
  }, TIMEOUT);

  it('arbitrary bytes, invalid UTF-8 and GBK', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('', '<meta charset="gbk">', '<meta charset="utf-8">', '<table><tr><td>'), (bytes, prefix) => {
        const head = new TextEncoder().encode(prefix);
        const all = new Uint8Array(head.length + bytes.length);
        all.set(head);
        all.set(bytes, head.length);
        checkInvariants(auditBytes(all, 'bytes'));
      }),
      { numRuns: runs(5000) },
    );
  }, TIMEOUT);
});

// ---- Real reports, perturbed -----------------------------------------------------------------------

const layoutArb: fc.Arbitrary<LayoutOptions> = fc
  .subarray([...LAYOUT_FLAGS])
  .map((flags) => Object.fromEntries(flags.map((f) => [f, true])) as LayoutOptions);
const reportArb = fc.record({ format: fc.constantFrom('2019', '2021') as fc.Arbitrary<'2019' | '2021'>, seed: fc.integer({ min: 1, max: 10_000 }) });

function cellsOf(result: AuditResult): Record<string, number | null> {
  return Object.fromEntries(Object.entries(result.report?.cells ?? {}).map(([id, c]) => [id, c.value]));
}

describe('the same report reads the same whatever the layout', () => {
  it('clean reports in random layouts: same cells as the plain layout, no error, no warning', () => {
    fc.assert(
      fc.property(reportArb, layoutArb, ({ format, seed }, layout) => {
        const report = cleanReport(format, { seed });
        const plain = auditHtml(renderPage(report, {}), 'plain');
        const other = auditHtml(renderPage(report, layout), 'other');
        checkInvariants(other);
        expect(cellsOf(other)).toEqual(cellsOf(plain));
        expect(other.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
        expect(other.report!.format).toBe(format);
      }),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);

  it('one changed number gives exactly the relation findings it breaks, naming that cell', () => {
    const relationRules = /^(applications\.(row-total|result-total|balance)|appeals\.group-total)$/;
    const candidates = (r: FixtureReport) => Object.keys(r.cells).filter((id) => !id.startsWith('active/') && /^\d+$/.test(r.cells[id]!));
    fc.assert(
      fc.property(reportArb, layoutArb, fc.nat(), fc.integer({ min: 1, max: 9 }), ({ format, seed }, layout, pick, delta) => {
        const report = cleanReport(format, { seed });
        const ids = candidates(report);
        const id = ids[pick % ids.length]!;
        report.cells[id] = String(Number(report.cells[id]) + delta);
        const result = auditHtml(renderPage(report, layout), 'changed');
        checkInvariants(result);
        const got = result.findings.filter((f) => relationRules.test(f.rule)).map((f) => `${f.rule}|${[...f.cells].sort().join(',')}|${f.expected}|${f.actual}`);
        const want = brokenRelations(report).map((f) => `${f.rule}|${[...f.cells].sort().join(',')}|${f.expected}|${f.actual}`);
        expect(got.sort()).toEqual(want.sort());
        expect(want.length).toBeGreaterThan(0);
        for (const f of result.findings.filter((x) => relationRules.test(x.rule))) expect(f.cells).toContain(id);
        // They share one root cause, so each points to the others (and to a narrative figure it contradicts).
        const errors = result.findings.filter((f) => relationRules.test(f.rule));
        for (const f of errors) for (const other of errors) if (other !== f) expect(f.related ?? []).toContain(other.id);
      }),
      { numRuns: runs(400) },
    );
  }, TIMEOUT);

  it('rows dropped, duplicated or given each other\'s labels: an honest report, never a crash', () => {
    fc.assert(
      fc.property(reportArb, layoutArb, fc.nat(), fc.constantFrom('drop', 'duplicate', 'swap'), ({ format, seed }, layout, pick, how) => {
        const report = cleanReport(format, { seed });
        let html = renderPage(report, layout);
        const rows = html.match(/<tr[\s\S]*?<\/tr>/g) ?? [];
        const row = rows[pick % Math.max(rows.length, 1)];
        if (row) {
          if (how === 'drop') html = html.replace(row, '');
          else if (how === 'duplicate') html = html.replace(row, row + row);
          else {
            const other = rows[(pick + 3) % rows.length]!;
            html = html.replace(row, '\u0000A').replace(other, row).replace('\u0000A', other);
          }
        }
        const result = auditHtml(html, how);
        checkInvariants(result);
      }),
      { numRuns: runs(500) },
    );
  }, TIMEOUT);
});

describe('generated documents never break the audit (issue 12)', () => {
  const MAGIC: Record<string, number[]> = {
    pdf: [...new TextEncoder().encode('%PDF-1.7\n')],
    docx: [0x50, 0x4b, 0x03, 0x04],
    doc: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  };
  it('random bytes behind a PDF, zip or OLE signature: a result in the contract shape, report null or read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(MAGIC)), fc.uint8Array({ maxLength: 4096 }), async (kind, tail) => {
        const bytes = new Uint8Array([...MAGIC[kind]!, ...tail]);
        const { result } = await auditFile(bytes, `fuzz.${kind}`);
        AuditResultSchema.parse(result);
        expect(result.findings.length).toBeGreaterThan(0);
        expect(result.findings.map((f) => f.rule)).not.toContain('internal.error');
      }),
      { numRuns: runs(150) },
    );
  }, 120_000);

  it('a real PDF cut anywhere: damaged, or read — never a crash', async () => {
    const sample = new Uint8Array(readFileSync(new URL('../fixtures/documents/generated/report-2019-lo.pdf', import.meta.url)));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sample.length }), async (cut) => {
        const { result } = await auditFile(sample.subarray(0, cut), 'cut.pdf');
        AuditResultSchema.parse(result);
        expect(result.findings.map((f) => f.rule)).not.toContain('internal.error');
      }),
      { numRuns: runs(25) },
    );
  }, 120_000);
});
