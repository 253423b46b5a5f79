/**
 * The roster in the batch (gouji audit --roster …) against the local site (test/region/site.ts), run in
 * process: coverage per unit and year in --summary-json, the text summary and the HTML report (present,
 * missing, late, named by an alias), roll-up info findings, the xlsx workbook read back, bad rosters said
 * clearly, worker threads giving the same results in the same order, and --resume after a broken run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditCommand } from '../../cli/audit-command';
import { runBatch } from '../../cli/batch';
import type { SummaryJson } from '../../lib/batch/summary-json';
import type { AuditResult } from '../../lib/model/schema';
import { cleanReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';
import { REPORTS, startSite, type LocalSite } from './site';

const TIMEOUT = 120_000;
const ROSTER = `单位,上级,别名,网址
清河县人民政府,,,
财政局,清河县人民政府,,
清河县教育局,清河县人民政府,,
清河县卫生健康委员会,清河县人民政府,县卫健委,
清河县审计局,清河县人民政府,,
`;

let site: LocalSite;
let dir: string;
beforeAll(async () => {
  site = await startSite();
  dir = mkdtempSync(join(tmpdir(), 'gouji-region-'));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, text?: string) => {
  const path = join(dir, name);
  if (text !== undefined) writeFileSync(path, text);
  return path;
};

/** gouji audit in this process, its standard output and error captured. */
async function audit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await auditCommand(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const urls = () => REPORTS.map((r) => site.origin + r.path);

describe('gouji audit --roster', () => {
  it('gives coverage per unit and year: present, late, by alias, missing; rolls up; HTML and text show the matrix', { timeout: TIMEOUT }, async () => {
    const roster = file('roster.csv', `\uFEFF${ROSTER}`);
    const run = await audit([...urls(), '--roster', roster, '--years', '2022-2023', '--summary-json', file('summary.json'), '--html', file('report.html'), '--format', 'json', '--out', file('out.json'), '--workers', '1']);
    expect(run.stderr).not.toMatch(/Error|TypeError/);
    const summary = JSON.parse(readFileSync(file('summary.json'), 'utf8')) as SummaryJson;
    expect(summary.years).toEqual([2022, 2023]);
    expect(summary.coverage).toHaveLength(5 * 2);
    const status = (unit: string, year: number) => summary.coverage.find((e) => e.unit === unit && e.year === year);
    expect(status('财政局', 2023)).toMatchObject({ parent: '清河县人民政府', status: 'published', sources: [urls()[0]] });
    expect(status('清河县卫生健康委员会', 2023)?.status).toBe('late'); // 2024-03-02, past 31 January
    expect(status('清河县卫生健康委员会', 2022)).toMatchObject({ status: 'published', sources: [urls()[5]] }); // as 县卫健委
    expect(status('清河县人民政府', 2023)?.status).toBe('published'); // 2024-03-20: a government has to 31 March
    expect(status('清河县审计局', 2023)?.status).toBe('missing');
    expect(status('清河县教育局', 2022)).toMatchObject({ status: 'missing', sources: [] });
    expect(summary.reports).toBe(6);

    // The whole-area report (清河县人民政府 2023) against its three units' sum: info, never an error.
    const results = JSON.parse(readFileSync(file('out.json'), 'utf8')) as AuditResult[];
    const rollup = results[3]!.findings.filter((f) => f.rule === 'rollup.sum-mismatch');
    expect(rollup.length).toBeGreaterThan(0);
    expect(rollup.every((f) => f.severity === 'info')).toBe(true);
    expect(rollup[0]!.message).toContain('名册以外的单位');
    expect(summary.findingsByRule['rollup.sum-mismatch']?.info).toBe(rollup.length);

    const html = readFileSync(file('report.html'), 'utf8');
    expect(html).toContain('id="coverage"');
    expect(html).toMatch(/<tr data-unit="清河县审计局" data-parent="清河县人民政府" data-status="2022:missing 2023:missing">/);
    expect(html).toContain('data-filter="unit"');
    expect(html).toContain('data-filter="severity"');
    expect(html).toContain('<script>');
    expect(html).toContain('meta.late-publication</code> '); // the rule's Chinese name beside its id
    expect(html).toMatch(/逾期发布/);
    expect(html).toMatch(/公开率/);

    // The text summary ends with the units × years matrix.
    const text = await audit([...urls(), '--roster', roster, '--workers', '1']);
    expect(text.stdout).toMatch(/清河县审计局\s+清河县人民政府\s+✗ 未发布\s+✗ 未发布/);
    expect(text.stdout).toMatch(/清河县卫生健康委员会\s+清河县人民政府\s+✓ 已发布\s+! 逾期发布/);
    expect(text.stdout).toContain('2023 年度：已发布 3，逾期 1，未发布 1');
  });

  it('writes an xlsx workbook: problems, coverage and ratios sheets', { timeout: TIMEOUT }, async () => {
    const roster = file('roster-x.csv', ROSTER);
    const out = file('out.xlsx');
    const run = await audit([...urls(), '--roster', roster, '--format', 'xlsx', '--out', out, '--workers', '1']);
    expect(run.code).toBeLessThan(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['问题', '报送情况', '比率']);
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const problems = rows('问题');
    expect(problems[0]).toEqual(['单位', '上级', '年度', '链接', '表', '单元格', '规则', '规则名称', '严重程度', '问题']);
    const late = problems.find((r) => r[6] === 'meta.late-publication')!;
    expect(late.slice(0, 3)).toEqual(['清河县卫生健康委员会', '清河县人民政府', 2023]);
    expect(late[3]).toMatchObject({ text: urls()[2], hyperlink: urls()[2] });
    expect(String(late[9])).toMatch(/[\u4e00-\u9fff]/);
    const coverage = rows('报送情况');
    expect(coverage.find((r) => r[0] === '清河县审计局' && r[2] === 2023)?.[3]).toBe('✗ 未发布');
    const ratios = rows('比率');
    expect(ratios).toHaveLength(1 + REPORTS.length);
    expect(typeof ratios[1]![2]).toBe('number'); // 公开率 as a number formatted as a percentage
  });

  it('says what is wrong with a roster: wrong header and a workbook refused; empty and duplicate names, an agency fitting two units, a unit with two agencies', { timeout: TIMEOUT }, async () => {
    const page = file('p.html', renderPage(cleanReport('2021', { seed: 7, year: 2023, agency: '清河县财政局', published: '2024-01-10' }), {}));
    const wrong = await audit([page, '--roster', file('bad.csv', '名称,地址\n财政局,x\n')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('名册表头应为“单位,上级”');
    const empty = await audit([page, '--roster', file('empty.csv', '单位,上级\n')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('没有单位');
    const missing = await audit([page, '--roster', join(dir, 'nowhere.csv')]);
    expect(missing.stderr).toContain('无法读取名册');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名册').addRows([['单位', '上级'], ['清河县财政局', '清河县人民政府']]);
    await book.xlsx.writeFile(file('roster.xlsx'));
    const xlsx = await audit([page, '--roster', file('roster.xlsx')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('是 Excel 工作簿而非 CSV，请在 Excel 中“另存为”');

    const audit1 = file('a1.html', renderPage(cleanReport('2021', { seed: 8, year: 2023, agency: '清河县审计局', published: '2024-01-10' }), {}));
    const audit2 = file('a2.html', renderPage(cleanReport('2021', { seed: 9, year: 2023, agency: '审计局', published: '2024-01-12' }), {}));
    const roster = file('messy.csv', '单位,上级,别名\n清河县审计局,清河县人民政府,审计局\n,清河县人民政府,\n清河县审计局,清河县人民政府,\n财政局,清河县人民政府\n财政局,白河县人民政府\n');
    const bare = file('a3.html', renderPage(cleanReport('2021', { seed: 10, year: 2023, agency: '财政局', published: '2024-01-12' }), {}));
    const run = await audit([audit1, audit2, page, bare, '--roster', roster, '--summary-json', file('messy.json'), '--format', 'json', '--out', file('messy-out.json')]);
    expect(run.code).toBeLessThan(2);
    expect(run.stderr).toContain('名册第 3 行没有单位名称');
    expect(run.stderr).toContain('名册中“清河县审计局”出现了多次（第 2、4 行）');
    expect(run.stderr).toMatch(/名册单位“清河县审计局（清河县人民政府）”在 2023 年度匹配到多个机关的报告（清河县审计局、审计局）/);
    expect(run.stderr).toContain(`${bare} 的机关“财政局”同时符合名册中的多个单位（财政局（清河县人民政府）、财政局（白河县人民政府））`);
    const summary = JSON.parse(readFileSync(file('messy.json'), 'utf8')) as SummaryJson;
    expect(summary.coverage.find((e) => e.unit === '清河县审计局')?.sources).toEqual([audit1, audit2]);
    expect(summary.rosterNotes.length).toBe(4);
    // 清河县财政局 fits 财政局 under 清河县 only (its place prefix): not ambiguous.
    expect(summary.coverage.filter((e) => e.unit === '财政局').map((e) => e.status)).toEqual(['published', 'missing']);
  });
});

describe('batch on worker threads', () => {
  it('gives the same results in the same order as one thread', { timeout: TIMEOUT }, async () => {
    const inputs = [...urls(), ...Array.from({ length: 6 }, (_, i) => file(`w${i}.html`, renderPage(cleanReport(i % 2 ? '2021' : '2019', { seed: 50 + i, year: 2019 + i }), {}))), join(dir, 'absent.html')];
    const collect = async (workers: number) => {
      const out: string[] = [];
      const lines: string[][] = [];
      // The page's text lines come back from the worker too (the year-over-year comparison reads them), before the result.
      await runBatch(inputs, { lang: 'zh', concurrency: 3, fetch: { timeoutMs: 10_000, retries: 0 }, workers, onLines: (l, i) => (lines[i] = l) }, (r, i) => {
        expect(r.report === null || lines[i] !== undefined).toBe(true);
        out[i] = JSON.stringify(r);
      });
      return { out, lines };
    };
    const one = await collect(1);
    const two = await collect(2);
    expect(two.out).toHaveLength(inputs.length);
    expect(two.out).toEqual(one.out);
    expect(two.lines).toEqual(one.lines);
    expect(two.lines[0]!.length).toBeGreaterThan(10);
    expect(JSON.parse(two.out.at(-1)!).report).toBeNull();
  });
});

describe('gouji audit --resume', () => {
  it('skips what a broken --ndjson run finished and counts it in the summary', { timeout: TIMEOUT }, async () => {
    const first = await audit([...urls().slice(0, 3), '--ndjson', '--workers', '1']);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    // The run broke while writing its fourth result.
    const log = file('run.ndjson', `${lines.join('\n')}\n${lines[0]!.slice(0, 40)}`);
    const before = site.requests.length;
    const again = await audit([...urls(), '--ndjson', '--resume', log, '--roster', file('r.csv', ROSTER), '--summary-json', file('resumed.json'), '--workers', '1']);
    const fresh = again.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; findings?: unknown[]; rollup?: unknown[] });
    expect(fresh.filter((r) => r.findings).map((r) => r.source)).toEqual(urls().slice(3));
    expect(site.requests.slice(before).filter((p) => p.startsWith('/art/')).sort()).toEqual(REPORTS.slice(3).map((r) => r.path).sort());
    expect(again.stderr).toContain('3 个输入此前已完成');
    const summary = JSON.parse(readFileSync(file('resumed.json'), 'utf8')) as SummaryJson;
    expect(summary.pages).toBe(6);
    expect(summary.coverage.find((e) => e.unit === '财政局' && e.year === 2023)?.status).toBe('published');
    // The roll-up still sees the units audited before the break.
    expect(fresh.some((r) => r.rollup && r.source === urls()[3])).toBe(true);
  });
});
