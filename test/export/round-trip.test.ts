/**
 * "Nothing lost, proved": for every fixture page and every seed, the exports read back give exactly
 * the model's cells — every cell, its raw text and its value. Blanks stay blank (not 0), raw text keeps
 * its units, negative changes their sign, amounts their decimals, local extra rows their labels.
 *
 * The readers here are the tests' own: csv-parse for the quoting, and for the printed-table TSV a
 * reader that finds each cell by its printed row and column labels using the statutory model (not
 * the export's layout code).
 */
import { describe, expect, it } from 'vitest';
import { longCsv, LONG_COLUMNS } from '../../lib/export/csv';
import { auditJson } from '../../lib/export/json';
import { cellLabel } from '../../lib/format/cell-label';
import { isAmount } from '../../lib/export/layout';
import { longTsv, tableTsv, tablesTsv } from '../../lib/export/tsv';
import { wideCsv } from '../../lib/export/wide-csv';
import type { AuditResult, Report } from '../../lib/model/schema';
import { ACTIVE_ITEMS, APPEAL_COLUMNS, APPLICATION_COLUMNS, APPLICATION_ROWS, FORMAT_IDS, type TableId } from '../../lib/model/statutory';
import { parseCellValue } from '../../lib/recognize/numbers';
import { SEEDS } from '../seeds/expected';
import { audited, BOM, HAVE_SEEDS, readDelimited, unguard } from './helpers';

type RawValue = { raw: string; value: number | null };
const modelCells = (report: Report): Record<string, RawValue> =>
  Object.fromEntries(Object.entries(report.cells).map(([id, c]) => [id, { raw: c.raw, value: c.value }]));

/** The value the project's number reader gives for a raw text: what a reader of the TSV can recover. */
function valueOf(raw: string): number | null {
  const p = parseCellValue(raw);
  return p.kind === 'number' ? p.value : null;
}

// ---- a reader of the printed-table TSV, by labels ----------------------------------------------

const ITEM_HEADING = /^第二十条第（(.)）项$/;

function readActive(grid: string[][], report: Report): Map<string, string> {
  const out = new Map<string, string>();
  let item: string | undefined;
  let columns: (string | undefined)[] = [];
  const columnDefs = FORMAT_IDS.flatMap((f) => ACTIVE_ITEMS[f].flatMap((i) => i.rows.flatMap((r) => r.columns)));
  for (const row of grid) {
    const [first = '', ...rest] = row;
    const heading = ITEM_HEADING.exec(first);
    if (heading) {
      item = FORMAT_IDS.flatMap((f) => ACTIVE_ITEMS[f]).find((i) => i.numeral === heading[1])?.id;
      continue;
    }
    if (first === '信息内容' || (first === '' && rest.some((c) => c !== ''))) {
      columns = rest.map((label) => (label === '' ? undefined : label === '单位' ? 'unit' : (columnDefs.find((c) => c.label.zh === label)?.id ?? /^第(\d+)列$/.exec(label)?.[1]?.replace(/^/, 'c'))));
      continue;
    }
    const rowDef = FORMAT_IDS.flatMap((f) => ACTIVE_ITEMS[f]).filter((i) => i.id === item).flatMap((i) => i.rows).find((r) => r.label.zh === first);
    // A local row: the report's row with this printed label (its id is the recogniser's choice).
    const extra = Object.keys(report.cells).find((id) => id.startsWith('active/') && report.cells[id]!.label === first);
    const rowId = rowDef?.id ?? extra?.split('/')[1];
    expect(rowId, `table 二 row “${first}”`).toBeDefined();
    rest.forEach((text, i) => {
      const col = columns[i];
      // The unit of an amount, in its own column: kept apart under a key of its own.
      if (col === 'unit') {
        if (text !== '') out.set(`unit:active/${rowId}/amount`, unguard(text));
      } else if (col) out.set(`active/${rowId}/${col}`, unguard(text));
      else expect(text, `table 二 “${first}” slot ${i + 1} is a covered slot`).toBe('');
    });
  }
  return out;
}

function readApplications(grid: string[][], report: Report): Map<string, string> {
  const out = new Map<string, string>();
  expect(grid[0]![0]).toContain('勾稽关系');
  expect(grid[1]!.slice(3)).toEqual(['自然人', '法人或其他组织', '', '', '', '', '总计']);
  expect(grid[2]!.slice(3)).toEqual(['', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
  const rows = FORMAT_IDS.flatMap((f) => APPLICATION_ROWS[f]);
  for (const row of grid.slice(3)) {
    const own = row.slice(0, 3).filter((s) => s !== '').pop() ?? '';
    const def = rows.find((r) => r.label.zh === own);
    const extra = Object.keys(report.cells).find((id) => id.startsWith('applications/') && report.cells[id]!.label === own);
    const rowId = def?.id ?? extra?.split('/')[1];
    expect(rowId, `table 三 row “${own}”`).toBeDefined();
    APPLICATION_COLUMNS.forEach((c, i) => out.set(`applications/${rowId}/${c.id}`, unguard(row[3 + i] ?? '')));
  }
  return out;
}

function readAppeals(grid: string[][]): Map<string, string> {
  expect(grid[0]).toEqual(['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', '']);
  expect(grid[1]!.slice(5)).toEqual(['未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']);
  expect(grid).toHaveLength(4);
  return new Map(APPEAL_COLUMNS.map((c, i) => [`appeals/counts/${c.id}`, unguard(grid[3]![i] ?? '')]));
}

function readTable(table: TableId, tsv: string, report: Report): Map<string, string> {
  expect(tsv.startsWith(BOM), 'clipboard TSV has no BOM').toBe(false);
  const grid = readDelimited(tsv, '\t');
  return table === 'active' ? readActive(grid, report) : table === 'applications' ? readApplications(grid, report) : readAppeals(grid);
}

// ---- the tests ----------------------------------------------------------------------------------

const withReport = audited().filter((a): a is { input: (typeof a)['input']; result: AuditResult & { report: Report } } => a.result.report !== null);

describe('exports read back give exactly the model’s cells', () => {
  it('covers every fixture page with a report and every seed', () => {
    expect(withReport.length).toBeGreaterThanOrEqual(45);
    if (HAVE_SEEDS) expect(withReport.filter((a) => a.input.kind === 'seed')).toHaveLength(SEEDS.length);
  });

  for (const { input, result } of withReport) {
    describe(input.name, () => {
      const report = result.report;
      const want = modelCells(report);

      it('long CSV: one row per cell, raw and value exact, UTF-8 BOM', () => {
        const csv = longCsv([result]);
        expect(csv.startsWith(BOM)).toBe(true);
        const [header, ...rows] = readDelimited(csv, ',');
        expect(header).toHaveLength(LONG_COLUMNS.length);
        const col = (name: (typeof LONG_COLUMNS)[number]) => LONG_COLUMNS.indexOf(name);
        const got: Record<string, RawValue> = {};
        for (const r of rows.map((row) => row.map(unguard))) {
          expect(r[col('source')]).toBe(result.source);
          expect(r[col('agency')]).toBe(report.agency ?? '');
          expect(r[col('year')]).toBe(report.year === null ? '' : String(report.year));
          const id = r[col('cellId')]!;
          expect(got[id], `${id} twice`).toBeUndefined();
          const value = r[col('value')]!;
          got[id] = { raw: r[col('raw')]!, value: value === '' ? null : Number(value) };
          expect(r[col('unit')]).toBe(report.cells[id]!.unit ?? '');
          expect(r[col('implied')]).toBe(report.cells[id]!.implied === undefined ? '' : String(report.cells[id]!.implied));
          if (report.cells[id]!.label) expect(r[col('row')]).toBe(report.cells[id]!.label);
        }
        expect(got).toEqual(want);
      });

      it('long TSV: the same, tab-separated', () => {
        const tsv = longTsv([result]);
        expect(tsv.startsWith(BOM)).toBe(true);
        const [, ...rows] = readDelimited(tsv, '\t');
        const got = Object.fromEntries(
          rows.map((r) => r.map(unguard)).map((r) => [r[LONG_COLUMNS.indexOf('cellId')]!, { raw: r[LONG_COLUMNS.indexOf('raw')]!, value: r[LONG_COLUMNS.indexOf('value')] === '' ? null : Number(r[LONG_COLUMNS.indexOf('value')]) }]),
        );
        expect(got).toEqual(want);
      });

      it('printed-table TSV (clipboard): every cell’s raw text under its printed labels, value recoverable', () => {
        const got = new Map<string, string>();
        const units = new Map<string, string>();
        for (const table of ['active', 'applications', 'appeals'] as const) {
          if (!Object.keys(report.cells).some((id) => id.startsWith(`${table}/`))) continue;
          for (const [id, raw] of readTable(table, tableTsv(report, table), report)) {
            if (id.startsWith('unit:')) units.set(id.slice(5), raw);
            else if (id in report.cells) got.set(id, raw);
            else expect(raw, `${id} is not in the report, its slot stays empty`).toBe('');
          }
        }
        // An amount pastes as its number, the unit beside it; everything else as printed.
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(Object.entries(report.cells).map(([id, c]) => [id, isAmount(c) ? String(c.value) : c.raw])));
        expect(Object.fromEntries(units)).toEqual(Object.fromEntries(Object.entries(report.cells).filter(([, c]) => isAmount(c)).map(([id, c]) => [id, c.unit])));
        for (const [id, c] of Object.entries(want)) expect(valueOf(got.get(id)!), id).toBe(c.value);
      });

      it('all three tables in one TSV: the same three tables under their headings', () => {
        const all = readDelimited(tablesTsv(report), '\t');
        expect(all[0]).toEqual(['二、主动公开政府信息情况']);
        expect(all.map((r) => r[0])).toContain('三、收到和处理政府信息公开申请情况');
        expect(all.map((r) => r[0])).toContain('四、政府信息公开行政复议、行政诉讼情况');
      });

      it('JSON: parsed back, the same cells', () => {
        const [back] = JSON.parse(auditJson([result])) as AuditResult[];
        expect(back!.report!.cells).toEqual(report.cells);
        expect(modelCells(back!.report!)).toEqual(want);
      });

      it('wide CSV: one row, every cell in its column (counts as numbers, other text as printed)', () => {
        const [header, labels, row] = readDelimited(wideCsv([result]), ',');
        expect(labels!.slice(0, 5).every((l) => l === '')).toBe(true);
        for (const [id, c] of Object.entries(report.cells)) {
          const i = header!.indexOf(c.label ? `${id} (${c.label})` : id);
          expect(i, id).toBeGreaterThan(4);
          const text = unguard(row![i]!);
          if (c.value === null) {
            expect(text, id).toBe(c.raw);
            continue;
          }
          expect(Number(text), id).toBe(c.value);
          if (isAmount(c)) expect(unguard(row![i + 1]!), `${id} unit`).toBe(c.unit);
        }
      });
    });
  }
});

describe('the cases the issue names, on real seeds', () => {
  const seed = (prefix: string) => withReport.find((a) => a.input.name.startsWith(prefix))!.result;
  const csvRow = (result: AuditResult, id: string) => {
    const [, ...rows] = readDelimited(longCsv([result]), ',');
    const row = rows.find((r) => r[LONG_COLUMNS.indexOf('cellId')] === id)!;
    return Object.fromEntries(LONG_COLUMNS.map((c, i) => [c, row[i]]));
  };

  it.skipIf(!HAVE_SEEDS)('a blank stays blank, with its implied value, never 0', () => {
    const row = csvRow(seed('001_'), 'applications/result.unprocessed.2/total');
    expect(row).toMatchObject({ raw: '', value: '', implied: '0', row: '(五)不予处理 2.重复申请', column: '总计' });
  });

  it.skipIf(!HAVE_SEEDS)('a negative change keeps its sign, a plus sign its raw text', () => {
    expect(csvRow(seed('004_'), 'active/20_5.licensing/change')).toMatchObject({ raw: '-2', value: '-2' });
    expect(csvRow(seed('004_'), 'active/20_5.other_services/change')).toMatchObject({ raw: '+14', value: '14' });
  });

  it.skipIf(!HAVE_SEEDS)('amounts keep their decimals and units', () => {
    expect(csvRow(seed('003_'), 'active/20_9.procurement/amount')).toMatchObject({ raw: '42.21万元', value: '42.21', unit: '万元' });
    expect(csvRow(seed('004_'), 'active/20_9.procurement/amount')).toMatchObject({ raw: '1691.4万', value: '1691.4', unit: '万' });
  });

  it.skipIf(!HAVE_SEEDS)('a local extra row keeps its printed label, in the table and in the CSV', () => {
    expect(csvRow(seed('000_'), 'active/20_1.extra.1/made')).toMatchObject({ row: '其他主动公开文件', column: '本年新制作数量', raw: '0', value: '0' });
    const grid = readDelimited(tableTsv(seed('000_').report!, 'active'), '\t');
    const normative = grid.findIndex((r) => r[0] === '规范性文件');
    expect(grid[normative + 1]).toEqual(['其他主动公开文件', '0', '0', '0']);
  });

  it('a unit-bearing negative (-5项) is guarded as text in the sheet and read back exactly', () => {
    const r = withReport.find((a) => a.input.name.includes('combo-fullwidth-units'))!.result;
    const row = csvRow(r, 'active/20_5.licensing/change');
    expect(row.raw).toBe("'-5项");
    expect(unguard(row.raw!)).toBe('-5项');
    expect(row.value).toBe('-5');
  });

  it('the page’s markup in a cell stays text (hostile page)', () => {
    const r = withReport.find((a) => a.input.name.includes('hostile-script-injection'))!.result;
    expect(csvRow(r, 'applications/carried_over/commercial')).toMatchObject({ raw: '<img src=x onerror=alert(1)>', value: '' });
  });
});

describe('long CSV: the findings per cell (issue 15 item 5)', () => {
  it('row and column in the words the CLI and the memo use for the cell (one label per cell)', () => {
    const result = audited().find((a) => a.input.name.includes('fault-row-total-2021'))!.result;
    const [, ...rows] = readDelimited(longCsv([result]), ',');
    const row = rows.find((r) => r[LONG_COLUMNS.indexOf('cellId')] === 'applications/new/commercial')!;
    const named = `${row[LONG_COLUMNS.indexOf('table')]}“${row[LONG_COLUMNS.indexOf('row')]}”×“${row[LONG_COLUMNS.indexOf('column')]}”`;
    expect(named).toBe(cellLabel('applications/new/commercial', 'zh'));
  });

  it('a flagged cell carries the worst severity and each rule by name and id; an unflagged cell none', () => {
    const result = audited().find((a) => a.input.name.includes('fault-row-total-2021'))!.result;
    const [header, ...rows] = readDelimited(longCsv([result]), ',');
    expect(header!.slice(-2)).toEqual(['问题级别', '所涉规则']);
    const row = (id: string) => rows.find((r) => r[LONG_COLUMNS.indexOf('cellId')] === id)!;
    const total = row('applications/new/total');
    expect(total[LONG_COLUMNS.indexOf('severity')]).toBe('错误');
    expect(total[LONG_COLUMNS.indexOf('rules')]).toMatch(/（applications\.row-total）/);
    expect(total[LONG_COLUMNS.indexOf('rules')]).toMatch(/（applications\.balance）/);
    const quiet = row('appeals/counts/review.upheld');
    expect([quiet[LONG_COLUMNS.indexOf('severity')], quiet[LONG_COLUMNS.indexOf('rules')]]).toEqual(['', '']);
  });
});
