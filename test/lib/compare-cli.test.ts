/**
 * `gouji compare` and the comparison in `gouji audit` through the real CLI: argument order does not
 * matter, two agencies get one notice and no cross-year findings, a batch's NDJSON cross-year line carries
 * the section shares and its HTML report links each pair's side-by-side page.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../lib/model/schema';
import { cleanReport, followingYear } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/gouji.mjs');

function gouji(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'gouji-compare-'));
const A = join(dir, 'a-2022.html');
const B = join(dir, 'b-2023.html');
const OTHER = join(dir, 'other-2023.html');

beforeAll(() => {
  const first = cleanReport('2021', { seed: 41, year: 2022, agency: '测试市生态环境局' });
  const second = followingYear(first);
  writeFileSync(A, renderPage(first, { word: true }));
  writeFileSync(B, renderPage(second, { layoutTable: true }));
  const other = followingYear(first);
  other.agency = '另一县教育局';
  other.cells['applications/carried_over/total'] = String(Number(other.cells['applications/carried_over/total']) + 5);
  writeFileSync(OTHER, renderPage(other));
});

describe('gouji compare and --compare', { timeout: 120_000 }, () => {
  it('compare --json NEW OLD prints one object, ordered by year', async () => {
    const { code, stdout } = await gouji(['compare', '--json', B, A]);
    const json = JSON.parse(stdout);
    expect(json.old).toEqual({ source: A, agency: '测试市生态环境局', year: 2022 });
    expect(json.new).toMatchObject({ source: B, year: 2023 });
    expect(json.sections).toHaveLength(6);
    expect(json.tables.cells).toBeGreaterThan(0);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['text.repeated-section', 'text.repeated-section', 'text.repeated-report']);
    expect(code).toBe(0);
  });

  it('compare (text) with --html writes the side-by-side page', async () => {
    const page = join(dir, 'side.html');
    const { stdout } = await gouji(['compare', '--html', page, A, B]);
    expect(stdout).toMatch(/测试市生态环境局 2022 年与 2023 年年度报告比较/);
    expect(stdout).toMatch(/第五部分 存在的主要问题及改进情况：重复 100%/);
    expect(readFileSync(page, 'utf8')).toMatch(/<tr class="rep">/);
  });

  it('audit --compare NEW OLD: ordered by year, no false cross-year error', async () => {
    const { code, stdout } = await gouji(['audit', '--json', '--compare', B, A]);
    const results = JSON.parse(stdout) as AuditResult[];
    const later = results.find((r) => r.source === B)!;
    expect(results.flatMap((r) => r.findings).filter((f) => f.rule.startsWith('cross-year.'))).toEqual([]);
    expect(later.findings.some((f) => f.rule === 'text.repeated-report')).toBe(true);
    expect(code).toBe(0);
  });

  it('audit --compare of two agencies: one notice, no cross-year findings', async () => {
    const { stdout, stderr } = await gouji(['audit', '--json', '--compare', A, OTHER]);
    const results = JSON.parse(stdout) as AuditResult[];
    expect(results.flatMap((r) => r.findings).filter((f) => f.rule.startsWith('cross-year.') || f.rule.startsWith('text.repeated'))).toEqual([]);
    expect(stderr.match(/不是同一机关的相邻年度，未作跨年度核对/g)).toHaveLength(1);
  });

  it('a batch: the NDJSON cross-year line carries the section shares', async () => {
    const { stdout } = await gouji(['audit', '--ndjson', A, B]);
    const cross = stdout.trim().split('\n').map((l) => JSON.parse(l)).find((l) => 'repetition' in l);
    expect(cross.source).toBe(B);
    expect(cross.repetition.previous).toBe(A);
    expect(cross.repetition.sections.map((s: { section: number }) => s.section)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cross.repetition.sections[4].repeated).toBe(1);
    expect(cross.crossYear.map((f: { rule: string }) => f.rule)).toContain('text.repeated-section');
  });

  it('a batch HTML report shows each pair\'s shares and links its side-by-side page', async () => {
    const report = join(dir, 'batch.html');
    await gouji(['audit', '--html', report, A, B, OTHER]);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/同一机关相邻年度的文字重复率[\s\S]*测试市生态环境局 <a href="batch-compare\/1.html">逐句对照<\/a>[\s\S]*2022→2023/);
    expect(existsSync(join(dir, 'batch-compare/1.html'))).toBe(true);
  });

  it('bad arguments: a usage message, exit 2', async () => {
    const { code, stderr } = await gouji(['compare', A]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/exactly two reports/);
  });
});
