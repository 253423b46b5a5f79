/**
 * `gouji audit --resume` on saved pages: an input is the same however its path is spelled, a file that is
 * no --ndjson output is refused (nothing audited in its name), and results of other inputs are said, not counted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../fixtures/render';
import { cleanReport } from '../fixtures/report-data';
import { gouji } from '../helpers/cli-in-process';

const dir = mkdtempSync(join(tmpdir(), 'gouji-resume-'));
const page = (name: string, agency: string, seed: number) => {
  const path = join(dir, name);
  writeFileSync(path, renderPage(cleanReport('2021', { seed, year: 2023, agency, published: '2024-01-20' }), {}));
  return path;
};
const [a, b, c] = [page('a.html', '清河县财政局', 1), page('b.html', '清河县教育局', 2), page('c.html', '清河县民政局', 3)];
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; findings?: unknown[] });

describe('gouji audit --resume', () => {
  it('takes a result written under an absolute path for the same file named relatively', { timeout: 60_000 }, async () => {
    const first = await gouji(['audit', '--ndjson', '--workers', '1', a]);
    const log = join(dir, 'run.ndjson');
    writeFileSync(log, first.stdout);
    const again = await gouji(['audit', '--ndjson', '--workers', '1', '--resume', log, relative(process.cwd(), a), relative(process.cwd(), b)]);
    expect(again.stderr).toContain('1 个输入此前已完成');
    // Only b is audited; a is not written again.
    expect(lines(again.stdout).filter((r) => r.findings).map((r) => r.source)).toEqual([relative(process.cwd(), b)]);
  });

  it('refuses a file that is no --ndjson output, and says which results belong to no input', { timeout: 60_000 }, async () => {
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, '单位,上级\n清河县财政局,\n清河县教育局,\n');
    const wrong = await gouji(['audit', '--ndjson', '--workers', '1', '--resume', roster, a]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('不是 gouji audit --ndjson 的输出（3 行不是审核结果）');
    expect(wrong.stdout).toBe('');

    const other = await gouji(['audit', '--ndjson', '--workers', '1', c]);
    const log = join(dir, 'other.ndjson');
    writeFileSync(log, other.stdout);
    const run = await gouji(['audit', '--ndjson', '--workers', '1', '--resume', log, a]);
    expect(run.stderr).toContain('0 个输入此前已完成');
    expect(run.stderr).toContain('另有 1 个结果不属于本次的输入');
    expect(lines(run.stdout).filter((r) => r.findings).map((r) => r.source)).toEqual([a]);
  });
});
