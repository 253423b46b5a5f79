/**
 * `gouji audit --format json|csv|tsv|memo|wide-csv|text [--out FILE]`. The first test runs the binary as a
 * user does (node bin/gouji.mjs); the rest call the same main() in process (test/helpers/cli-in-process.ts),
 * so that a dozen runs do not cost a dozen Node start-ups. `--json` stays exactly what it was: the array of
 * AuditResult, 2-space JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LONG_COLUMNS } from '../../lib/export/csv';
import type { AuditResult } from '../../lib/model/schema';
import { gouji } from '../helpers/cli-in-process';
import { BOM, HAVE_SEEDS, readDelimited, ROOT, SEEDS_DIR } from './helpers';

const spawned = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'gouji.mjs'), 'audit', ...args], { cwd: ROOT, encoding: 'utf8' });
const cli = (args: string[]) => gouji(['audit', ...args]);
const page = (name: string) => join(ROOT, 'test', 'fixtures', 'pages', name);
const PAGES = [page('plain-2019.html'), page('extra-row-typos-2019.html'), page('fault-row-total-2021.html')];
const tmp = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('gouji audit --format', { timeout: 120_000 }, () => {
  it('--json and --format json print the same array of AuditResult, as before (2-space JSON, one newline)', async () => {
    const a = spawned(['--json', ...PAGES]);
    const b = await cli(['--format', 'json', ...PAGES]);
    expect(a.stdout).toBe(b.stdout);
    const parsed = JSON.parse(a.stdout) as AuditResult[];
    expect(parsed.map((r) => r.source)).toEqual(PAGES);
    expect(a.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(a.status).toBe(1); // the row-total fault is an error
  });

  it('csv: long, one row per cell of every input, BOM, header in Chinese', async () => {
    const r = await cli(['--format', 'csv', ...PAGES]);
    expect(r.stdout.startsWith(BOM)).toBe(true);
    const [header, ...rows] = readDelimited(r.stdout, ',');
    expect(header).toEqual(['来源', '机关', '年度', '表', '行', '列', '单元格编号', '原文', '数值', '单位', '推定值', '问题级别', '所涉规则']);
    const json = JSON.parse((await cli(['--json', ...PAGES])).stdout) as AuditResult[];
    expect(rows).toHaveLength(json.reduce((n, x) => n + Object.keys(x.report!.cells).length, 0));
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(PAGES));
    expect(r.status).toBe(1);
  });

  it('tsv: the same rows with tabs; --lang en gives English headers', async () => {
    const r = await cli(['--format', 'tsv', '--lang', 'en', ...PAGES]);
    const [header, ...rows] = readDelimited(r.stdout, '\t');
    expect(header).toEqual([...LONG_COLUMNS].map((c) => (c === 'cellId' ? 'cell id' : c)));
    expect(rows.find((row) => row[6] === 'applications/new/natural_person')?.[3]).toBe('Table 3');
  });

  it('wide-csv: one row per report, a column per cell id', async () => {
    const r = await cli(['--format', 'wide-csv', ...PAGES]);
    const [header, labels, ...rows] = readDelimited(r.stdout, ',');
    expect(rows).toHaveLength(PAGES.length);
    expect(labels![header!.indexOf('applications/new/natural_person')]).toBe('表三“一、本年新收政府信息公开申请数量”×“自然人”');
    // --ids: the ids only, a row per report straight after them.
    const [, ...idRows] = readDelimited((await cli(['--format', 'wide-csv', '--ids', ...PAGES])).stdout, ',');
    expect(idRows.map((row) => row[0])).toEqual(PAGES);
    expect(header!.slice(0, 5)).toEqual(['来源', '机关', '年度', '格式', '发布日期']);
    expect(header).toContain('applications/new/natural_person');
    expect(header).toContain('active/20_1.rules/issued'); // a 2021 page among them
    expect(header).toContain('active/20_1.extra.1/made (其他主动公开文件)');
  });

  it('memo: agency and year, then each finding with its cells and numbers', async () => {
    const r = await cli(['--format', 'memo', page('fault-row-total-2021.html')]);
    expect(r.stdout).toMatch(/^审核意见：临川县交通运输局2023年政府信息公开工作年度报告\n来源：/);
    expect(r.stdout).toMatch(/错误（\d+）/);
    expect(r.stdout).toContain('涉及单元格：表三');
    expect(r.stdout).toContain('应为 44，表中为 46');
  });

  it('text stays the default', async () => {
    const r = await cli([page('plain-2019.html')]);
    expect(r.stdout.startsWith(`== ${page('plain-2019.html')}`)).toBe(true);
  });

  it('--out writes the file (the exact bytes of stdout) and prints nothing', async () => {
    for (const format of ['csv', 'json', 'memo', 'text']) {
      const out = join(tmp, `out.${format}`);
      const written = await cli(['--format', format, '--out', out, ...PAGES]);
      expect(written.stdout).toBe('');
      expect(written.status).toBe(1);
      expect(readFileSync(out, 'utf8')).toBe((await cli(['--format', format, ...PAGES])).stdout);
    }
    expect(readFileSync(join(tmp, 'out.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('--out to a place that cannot be written: exit 2 and a message', async () => {
    const r = await cli(['--format', 'csv', '--out', join(tmp, 'no', 'such', 'dir', 'x.csv'), PAGES[0]!]);
    expect(r.status).toBe(2);
    // Said before anything is audited, in the run's language.
    expect(r.stderr).toMatch(/无法写入 .*x\.csv：所在文件夹不存在或不可写，未开始审核/);
  });

  it('rejects an unknown format and a missing --out file name (exit 2, usage)', async () => {
    const unknown = await cli(['--format', 'ods', PAGES[0]!]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--format takes text\|json\|csv\|tsv\|memo\|wide-csv\|docx\|xlsx/);
    // A workbook is binary: it goes to a file, never to the terminal.
    expect((await cli(['--format', 'xlsx', PAGES[0]!])).stderr).toMatch(/--format xlsx writes a workbook: give --out FILE\.xlsx/);
    expect((await cli([PAGES[0]!, '--out'])).status).toBe(2);
  });

  it.skipIf(!HAVE_SEEDS)('any number of inputs: all five seeds and a page in one long CSV', async () => {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
    const [, ...rows] = readDelimited((await cli(['--format', 'csv', ...seeds, PAGES[0]!])).stdout, ',');
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set([...seeds, PAGES[0]]));
  });
});
