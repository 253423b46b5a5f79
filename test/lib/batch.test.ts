/**
 * Batch audits through the real CLI: folders, globs, list files and URLs (served here on loopback:
 * GBK by header only, an anti-bot 412, a script-rendered shell, a flaky 503 retried, a page that never
 * answers), NDJSON streaming, the summary, the HTML report, and the cross-year rules.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../lib/model/schema';
import { gbkPage, gbkPageReport } from '../fixtures/hostile';
import { cleanReport, followingYear } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';
import { gouji } from '../helpers/cli-in-process';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/gouji.mjs');

/** `gouji audit …` in process (the binary's own main(); see test/helpers/cli-in-process.ts). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await gouji(['audit', ...args]);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let server: Server;
let base = '';
let flakyHits = 0;
const dir = mkdtempSync(join(tmpdir(), 'gouji-batch-'));

beforeAll(async () => {
  const first = cleanReport('2019', { seed: 21, year: 2020, agency: '测试县交通运输局' });
  const second = followingYear(first);
  second.cells['applications/carried_over/total'] = String(Number(second.cells['applications/carried_over/total']) + 3);
  mkdirSync(join(dir, 'nested/deeper'), { recursive: true });
  writeFileSync(join(dir, 'a-2020.html'), renderPage(first, { word: true }));
  writeFileSync(join(dir, 'nested/deeper/b-2021.html'), renderPage(second, { layoutTable: true }));
  writeFileSync(join(dir, 'nested/notes.pdf'), '%PDF-1.4 not a page');
  server = createServer((req, res) => {
    if (req.url === '/gbk') {
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      res.end(gbkPage({ meta: false }));
    } else if (req.url === '/challenge') {
      res.writeHead(412, { 'content-type': 'text/html' });
      res.end('<html><script>challenge()</script></html>');
    } else if (req.url === '/shell') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><head><title>加载中</title><script src="/app.js"></script></head><body><div id="app"></div></body></html>');
    } else if (req.url === '/flaky') {
      flakyHits++;
      if (flakyHits === 1) {
        res.writeHead(503);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(renderPage(cleanReport('2021', { seed: 9, year: 2022 }), {}));
      }
    } else if (req.url === '/hang') {
      // Never answers: the fetch timeout must end it.
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('batch audits', { timeout: 60_000 }, () => {
  it('reads folders recursively, globs and list files, and applies the cross-year rules', async () => {
    const list = join(dir, 'list.txt');
    writeFileSync(list, `# one a line\n${join(dir, 'a-2020.html')}\n`);
    const { code, stdout } = await cli(['--json', '--list', list, join(dir, 'nested')]);
    const results = JSON.parse(stdout) as AuditResult[];
    // A folder's documents are inputs too: the damaged PDF says so, the batch goes on.
    expect(results.map((r) => r.source.split('/').pop())).toEqual(['b-2021.html', 'notes.pdf', 'a-2020.html']);
    expect(results[1]!.findings.map((f) => f.message)).toEqual([expect.stringMatching(/PDF 文件已损坏或不完整/)]);
    const later = results[0]!;
    const cross = later.findings.find((f) => f.rule === 'cross-year.carried-over');
    expect(cross).toMatchObject({ severity: 'error', cells: ['applications/carried_over/total'], previous: { source: join(dir, 'a-2020.html'), cells: ['applications/carried_forward/total'] } });
    // 2: an input (the damaged PDF) could not be audited.
    expect(code).toBe(2);
    const globbed = await cli(['--json', `${dir}/**/*.html`]);
    expect((JSON.parse(globbed.stdout) as AuditResult[]).length).toBe(2);
  });

  it('--ndjson streams one result a line, then the cross-year findings of the later report', async () => {
    const { stdout } = await cli(['--ndjson', dir]);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as AuditResult & { crossYear?: AuditResult['findings'] });
    expect(lines.filter((l) => 'report' in l)).toHaveLength(4);
    const cross = lines.find((l) => l.crossYear);
    expect(cross?.source).toBe(join(dir, 'nested/deeper/b-2021.html'));
    expect(cross?.crossYear?.map((f) => f.rule)).toContain('cross-year.carried-over');
  });

  it('--ndjson: the same lines on worker threads as on one, and the cross-year findings --json gives', async () => {
    // Streamed, a report kept on disk for its pair keeps no cells in memory: the comparison reads them back.
    const one = await cli(['--ndjson', '--workers', '1', dir]);
    const two = await cli(['--ndjson', '--workers', '2', dir]);
    // Lines come as inputs finish (an order threads may change); each line the same, byte for byte.
    const sorted = (out: string) => out.trim().split('\n').sort();
    expect(sorted(two.stdout)).toEqual(sorted(one.stdout));
    const streamed = one.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; findings?: AuditResult['findings']; crossYear?: AuditResult['findings'] });
    const whole = JSON.parse((await cli(['--json', '--workers', '1', dir])).stdout) as AuditResult[];
    const later = streamed.filter((l) => l.crossYear);
    expect(later.length).toBe(1);
    for (const l of later) {
      const first = new Set(streamed.find((x) => x.source === l.source && x.findings)!.findings!.map((f) => f.id));
      expect(l.crossYear).toEqual(whole.find((r) => r.source === l.source)!.findings.filter((f) => !first.has(f.id)));
      expect(l.crossYear!.some((f) => f.rule === 'cross-year.carried-over')).toBe(true);
    }
  });

  it('--compare applies the cross-year rules to exactly two reports', async () => {
    const { stdout } = await cli(['--json', '--compare', join(dir, 'a-2020.html'), join(dir, 'nested/deeper/b-2021.html')]);
    const [, later] = JSON.parse(stdout) as AuditResult[];
    expect(later!.findings.some((f) => f.rule === 'cross-year.carried-over' && f.previous?.cells[0] === 'applications/carried_forward/total')).toBe(true);
  });

  it('fetches URLs: charset from the header, 412 and empty shells unreadable, a 503 retried, a hang timed out; the batch goes on', async () => {
    const { code, stdout } = await cli(['--ndjson', '--timeout', '2', `${base}/gbk`, `${base}/challenge`, `${base}/shell`, `${base}/flaky`, `${base}/hang`, join(dir, 'a-2020.html')]);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as AuditResult);
    const bySource = new Map(lines.map((r) => [r.source.replace(base, ''), r]));
    expect(bySource.size).toBe(6);
    const gbk = bySource.get('/gbk')!;
    expect(gbk.report?.agency).toBe(gbkPageReport().agency);
    expect(gbk.report?.cells['applications/new/total']?.value).toBe(Number(gbkPageReport().cells['applications/new/total']));
    expect(bySource.get('/challenge')!.findings[0]).toMatchObject({ rule: 'input.unreadable' });
    expect(bySource.get('/challenge')!.findings[0]!.message).toMatch(/412/);
    expect(bySource.get('/shell')!.findings[0]).toMatchObject({ rule: 'input.unreadable' });
    expect(bySource.get('/flaky')!.report).not.toBeNull();
    expect(bySource.get('/hang')!.findings[0]!.message).toMatch(/2 秒内没有响应/);
    expect(code).toBe(2);
  }, 60_000);

  it('prints a summary after the text reports and writes a self-contained HTML report', async () => {
    const htmlFile = join(dir, 'report.html');
    const { stdout } = await cli(['--html', htmlFile, dir]);
    expect(stdout).toMatch(/共读取 4 个页面，识别出 2 份年度报告，2 个无法审核/);
    expect(stdout).toMatch(/cross-year\.carried-over/);
    expect(stdout).toMatch(/公开率/);
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toContain('测试县交通运输局');
    // Self-contained: the filter script is inline; nothing is loaded from elsewhere.
    expect(html).not.toMatch(/<script src|<link|src="http/);
    expect(html).toMatch(/data-cell="applications\/carried_over\/total"/);
  });

  it('text: each report printed once, the later year with its cross-year findings; a headed formats-by-year table', async () => {
    const { stdout } = await cli([join(dir, 'a-2020.html'), join(dir, 'nested/deeper/b-2021.html')]);
    const headers = stdout.split('\n').filter((l) => l.startsWith('== '));
    expect(headers).toHaveLength(2);
    expect(headers[1]).toContain('b-2021.html');
    const later = stdout.slice(stdout.indexOf(headers[1]!));
    expect(later).toMatch(/cross-year\.carried-over/);
    const table = stdout.slice(stdout.indexOf('各年度所用格式：')).split('\n').slice(1, 4);
    expect(table[0]).toMatch(/^年度\s+2019 年版\s+2021 年版\s+合计$/);
    expect(table[1]).toMatch(/^2020\s+1\s+0\s+1$/);
    expect(table[2]).toMatch(/^2021\s+0\s+1\s+1$/);
  });
});
