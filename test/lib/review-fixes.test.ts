/** Regressions for what a code review found: each case failed before its fix. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditBytes, auditHtml } from '../../lib/audit';
import { textReport } from '../../lib/format/text-report';
import type { Rule } from '../../lib/rules/context';
import { RULES } from '../../lib/rules/index';
import { cleanReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

const ROOT = join(import.meta.dirname, '../..');
const cli = (args: string[]) => {
  try {
    execFileSync('node', [join(ROOT, 'bin/gouji.mjs'), 'audit', ...args], { cwd: ROOT, stdio: 'pipe' });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
};

describe('review fixes', { timeout: 120_000 }, () => {
  it('a blank term where the known terms already exceed the total: the broken sum is an error', () => {
    const r = cleanReport('2021', { seed: 12 });
    r.cells['appeals/counts/review.upheld'] = '';
    r.cells['appeals/counts/review.corrected'] = '2';
    r.cells['appeals/counts/review.other'] = '2';
    r.cells['appeals/counts/review.pending'] = '1';
    r.cells['appeals/counts/review.total'] = '3';
    const result = auditHtml(renderPage(r, {}), 'x');
    expect(result.findings.find((f) => f.rule === 'appeals.group-total')).toMatchObject({ severity: 'error', expected: 5, actual: 3 });
    expect(result.report?.cells['appeals/counts/review.upheld']?.implied).toBe(0);
  });

  it('a UTF-8 page that declares gb2312 (a stale template) is read as UTF-8', () => {
    const html = renderPage(cleanReport('2019', { seed: 4, year: 2020 }), { charset: 'gb2312' });
    const result = auditBytes(new TextEncoder().encode(html), 'x');
    expect(result.report).not.toBeNull();
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('findings without cells get distinct ids', () => {
    const thrower = (id: string): Rule => ({ id, run: () => { throw new Error(id); } });
    const result = auditHtml(renderPage(cleanReport('2021', { seed: 2 }), {}), 'x', { rules: [...RULES, thrower('a.throws'), thrower('b.throws')] });
    const ids = result.findings.filter((f) => f.rule === 'internal.rule-failed').map((f) => f.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('the Chinese text report says expected and actual in Chinese', () => {
    const r = cleanReport('2021', { seed: 2 });
    r.cells['applications/new/total'] = String(Number(r.cells['applications/new/total']) + 1);
    const text = textReport(auditHtml(renderPage(r, {}), 'x'), { lang: 'zh', verbose: false });
    expect(text).toMatch(/应为 \d+，表中为 \d+/);
    expect(text).not.toMatch(/expected=/);
  });

  it('no input after expansion, or --compare on one report twice: a usage error (exit 2)', () => {
    expect(cli(['--json', 'no-such-folder/*.html'])).toBe(2);
    expect(cli(['--compare', 'demo/demo-2020-site-clean.html', './demo/demo-2020-site-clean.html'])).toBe(2);
  });
});
