/**
 * The real command line (`node bin/gouji.mjs audit …`, as `npx gouji` and `npm run audit` run it) on
 * seeds and generated pages: exit codes (0 clean, 1 an error finding, 2 an input without a report — 2 wins
 * over 1), `--json` as one array in the spec's shape, `--lang en`, info findings only with `--verbose`,
 * cells named by their printed labels, inputs detected by content, and URLs (a local server).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbkPage, gbkPageReport, pdfOnlyPage } from '../fixtures/hostile';
import { renderPage } from '../fixtures/render';
import { addExtraRow, blankCell, breakRowTotal, cleanReport, expectedValue } from '../fixtures/report-data';
import { textDump } from './helpers/text-dump';
import { gouji as inProcess } from '../helpers/cli-in-process';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS_DIR = process.env.GOUJI_SEEDS_DIR ?? join(ROOT, '../shared/seeds');
const SCHEMA = join(ROOT, 'schema/audit-result.schema.json');
const TIMEOUT = 120_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `gouji audit …` in process (the binary's own main(); see test/helpers/cli-in-process.ts). */
async function gouji(...args: string[]): Promise<Run> {
  const run = await inProcess(['audit', ...args]);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function json(run: Run): unknown[] {
  const parsed: unknown = JSON.parse(run.stdout);
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as unknown[];
}

// ---- The contract's shape, checked independently of lib/model/schema.ts ---------------------------------

const RESULT_KEYS = ['source', 'report', 'findings'];
const REPORT_KEYS = ['year', 'format', 'agency', 'published', 'cells'];
const CELL_KEYS = ['raw', 'value', 'implied', 'unit', 'label'];
const FINDING_KEYS = ['id', 'rule', 'severity', 'message', 'cells', 'expected', 'actual', 'related', 'quote', 'deadline', 'previous'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const schemaText = existsSync(SCHEMA) ? readFileSync(SCHEMA, 'utf8') : '';

/** Keys beyond the spec's must be described in the project's published schema. */
function extraKeysDescribed(obj: object, known: string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    expect(schemaText.includes(`"${key}"`), `${where}: field "${key}" is not in the spec nor in schema/audit-result.schema.json`).toBe(true);
  }
}

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function checkShape(results: unknown[]): void {
  for (const r of results as Record<string, unknown>[]) {
    const where = String(r.source);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(RESULT_KEYS));
    extraKeysDescribed(r, RESULT_KEYS, where);
    expect(typeof r.source).toBe('string');
    expect(Array.isArray(r.findings)).toBe(true);
    const findings = r.findings as Record<string, unknown>[];
    const report = r.report as Record<string, unknown> | null;
    if (report === null) {
      expect(findings.some((f) => String(f.rule).startsWith('input.')), `${where}: report null needs an input.* finding`).toBe(true);
    } else {
      expect(Object.keys(report)).toEqual(expect.arrayContaining(REPORT_KEYS));
      extraKeysDescribed(report, REPORT_KEYS, where);
      expect(report.year === null || Number.isInteger(report.year), `${where} year`).toBe(true);
      expect([null, '2019', '2021']).toContain(report.format);
      expect(report.agency === null || typeof report.agency === 'string').toBe(true);
      expect(report.published === null || (typeof report.published === 'string' && DATE.test(report.published)), `${where} published`).toBe(true);
      expect(typeof report.cells).toBe('object');
      for (const [id, cell] of Object.entries(report.cells as Record<string, Record<string, unknown>>)) {
        expect(id, where).toMatch(/^(active|applications|appeals)\/[^/]+\/[^/]+$/);
        expect(Object.keys(cell)).toEqual(expect.arrayContaining(['raw', 'value']));
        extraKeysDescribed(cell, CELL_KEYS, `${where} ${id}`);
        expect(typeof cell.raw, id).toBe('string');
        expect(cell.value === null || isNum(cell.value), id).toBe(true);
        if ('implied' in cell) expect(isNum(cell.implied) && cell.value === null, id).toBe(true);
        if ('unit' in cell) expect(typeof cell.unit, id).toBe('string');
        if ('label' in cell) expect(typeof cell.label, id).toBe('string');
      }
    }
    const ids = new Set(findings.map((f) => f.id));
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'message', 'cells']));
      extraKeysDescribed(f, FINDING_KEYS, `${where} ${String(f.rule)}`);
      expect(typeof f.rule).toBe('string');
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(typeof f.message === 'string' && f.message.length > 0).toBe(true);
      expect(Array.isArray(f.cells) && (f.cells as unknown[]).every((c) => typeof c === 'string')).toBe(true);
      if ('id' in f) expect(typeof f.id).toBe('string');
      if ('expected' in f) expect(isNum(f.expected)).toBe(true);
      if ('actual' in f) expect(isNum(f.actual)).toBe(true);
      if ('quote' in f) expect(typeof f.quote).toBe('string');
      if ('deadline' in f) expect(f.deadline).toMatch(DATE);
      if ('related' in f) for (const id of f.related as unknown[]) expect(ids.has(id), `${where}: related id ${String(id)} names a finding of the same input`).toBe(true);
    }
  }
}

// ---- Inputs ------------------------------------------------------------------------------------------

let dir = '';
const file = (name: string) => join(dir, name);
const CLEAN = cleanReport('2021', { seed: 51 });
const BLANK_NEW = blankCell(CLEAN, 'applications/new/natural_person');
const ROW_TOTAL = breakRowTotal(cleanReport('2019', { seed: 52 }), 'result.unavailable.1', 4);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
  writeFileSync(file('clean.html'), renderPage(CLEAN));
  writeFileSync(file('blank-new.html'), renderPage(BLANK_NEW.report, { word: true }));
  writeFileSync(file('row-total.html'), renderPage(ROW_TOTAL.report, { layoutTable: true }));
  writeFileSync(file('infos.html'), renderPage(addExtraRow(cleanReport('2019', { seed: 53 })).report, { typos: true }));
  writeFileSync(file('pdf-only.html'), pdfOnlyPage());
  writeFileSync(file('empty.bin'), new Uint8Array(0));
  // Detected by content, whatever the name says.
  writeFileSync(file('article.jsp'), renderPage(cleanReport('2019', { seed: 54 })));
  writeFileSync(file('dump.html'), textDump(cleanReport('2021', { seed: 55 }), 'pipe'));
  writeFileSync(file('page.shtml'), gbkPage({ meta: false }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `gouji …` in process, command word included. */
async function goujiRaw(...args: string[]): Promise<Run> {
  const run = await inProcess(args);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.concurrent('help, version, a missing path (issue 15 item 3)', { timeout: TIMEOUT }, () => {
  it('--help of gouji and of each command: on stdout, exit 0, Chinese first then English', async () => {
    for (const args of [['--help'], ['audit', '--help'], ['compare', '-h'], ['crawl', '--help']]) {
      const run = await goujiRaw(...args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stderr).toBe('');
      const zh = run.stdout.indexOf('用法：');
      const en = run.stdout.indexOf('Usage:');
      expect(zh, args.join(' ')).toBe(0);
      expect(en).toBeGreaterThan(zh);
    }
    const audit = await goujiRaw('audit', '--help');
    expect(audit.stdout).toMatch(/退出码：0 无错误/);
    expect(audit.stdout).toMatch(/Exit codes: 0 no error/);
  });

  it('--version prints the package version, exit 0', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['audit', '--version']]) {
      const run = await goujiRaw(...args);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(`gouji ${pkg.version}`);
    }
  });

  it('a path that does not exist: "文件不存在", no errno; exit 2', async () => {
    const run = await gouji(file('no-such-report.html'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/无法读取：文件不存在/);
    expect(run.stdout).not.toMatch(/ENOENT|无法打开/);
    const en = await gouji('--lang', 'en', file('no-such-report.html'));
    expect(en.stdout).toMatch(/file not found/);
  });
});

describe.concurrent('exit codes', { timeout: TIMEOUT }, () => {
  it('0 for a clean report', async () => {
    const run = await gouji(file('clean.html'));
    expect(run.code, run.stderr).toBe(0);
  });

  it('1 when a report has an error finding', async () => {
    const runs = await Promise.all([gouji(file('row-total.html')), gouji(file('clean.html'), file('blank-new.html'))]);
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
  });

  it('2 when an input holds no report; 2 wins over 1 with mixed inputs', async () => {
    const runs = await Promise.all([
      gouji(file('pdf-only.html')),
      gouji(file('row-total.html'), file('pdf-only.html')),
      gouji(file('clean.html'), file('empty.bin'), '--json'),
      gouji(file('does-not-exist.html')),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
  });

  it('2 with a usage message when there is nothing to audit', async () => {
    const run = await gouji();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage/i);
  });

  it('2 for --years without the roster it gives the years of', async () => {
    const run = await inProcess(['audit', '--years', '2023-2025', 'demo/']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--years gives the years of the roster');
  });
});

describe.concurrent('--json', { timeout: TIMEOUT }, () => {
  it('prints ONE JSON array, one object per input in order, in the spec\'s shape', async () => {
    const inputs = ['clean.html', 'blank-new.html', 'row-total.html', 'infos.html', 'pdf-only.html', 'empty.bin'].map(file);
    const run = await gouji('--json', ...inputs);
    const results = json(run) as { source: string; report: { cells: Record<string, { value: number | null; implied?: number }> } | null; findings: { rule: string; severity: string; cells: string[]; expected?: number; actual?: number; related?: string[] }[] }[];
    expect(results.map((r) => r.source)).toEqual(inputs);
    checkShape(results);
    const [clean, blank, rowTotal, infos, pdf, empty] = results;
    expect(clean!.findings).toEqual([]);
    expect(clean!.report!.cells['applications/new/total']!.value).toBe(expectedValue(CLEAN.cells['applications/new/total']!));
    expect(blank!.report!.cells['applications/new/natural_person']).toMatchObject({ value: null, implied: expectedValue(CLEAN.cells['applications/new/natural_person']!) });
    const rt = rowTotal!.findings.find((f) => f.rule === 'applications.row-total');
    expect(rt).toMatchObject({ severity: 'error', expected: ROW_TOTAL.expect[0]!.expected, actual: ROW_TOTAL.expect[0]!.actual });
    expect(rt!.cells).toHaveLength(7);
    // Every finding is in the JSON, info too (no --verbose needed).
    expect(infos!.findings.map((f) => f.severity)).toContain('info');
    expect(pdf!.report).toBeNull();
    expect(pdf!.findings.map((f) => f.rule)).toEqual(['input.no-report']);
    expect(empty!.report).toBeNull();
    expect(empty!.findings.map((f) => f.rule)).toEqual(['input.unreadable']);
  });

  it('the same findings as the text output, ids stable over runs', async () => {
    const [ra, rb] = await Promise.all([gouji('--json', file('row-total.html')), gouji('--format', 'json', file('row-total.html'))]);
    const a = json(ra) as { findings: { id?: string }[] }[];
    const b = json(rb) as { findings: { id?: string }[] }[];
    expect(a[0]!.findings.map((f) => f.id)).toEqual(b[0]!.findings.map((f) => f.id));
  });
});

describe.concurrent('text output', { timeout: TIMEOUT }, () => {
  it('a header per input (agency, year, format, published) and one line per finding with its numbers', async () => {
    const run = await gouji(file('row-total.html'));
    const r = ROW_TOTAL.report;
    expect(run.stdout).toContain(r.agency);
    expect(run.stdout).toContain(String(r.year));
    expect(run.stdout).toContain(r.published);
    expect(run.stdout).toContain('applications.row-total');
    expect(run.stdout).toContain(String(ROW_TOTAL.expect[0]!.expected));
    expect(run.stdout).toContain(String(ROW_TOTAL.expect[0]!.actual));
  });

  it('names cells by their printed labels in Chinese: 表三“一、本年新收政府信息公开申请数量”×“自然人”', async () => {
    const run = await gouji(file('blank-new.html'));
    expect(run.stdout).toContain('表三“一、本年新收政府信息公开申请数量”×“自然人”');
    expect(run.stdout).toContain('cell.missing');
  });

  it('--lang en: English messages and header', async () => {
    const [zh, en, enJson] = await Promise.all([gouji(file('blank-new.html')), gouji('--lang', 'en', file('blank-new.html')), gouji('--json', '--lang', 'en', file('blank-new.html'))]);
    expect(en.code).toBe(zh.code);
    expect(en.stdout).not.toContain('表三');
    expect(en.stdout).toMatch(/Table 3/);
    expect(en.stdout).toMatch(/blank/i);
    const lines = en.stdout.split('\n').filter((l) => /cell\.missing/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toMatch(/[\u4e00-\u9fff]/);
    const results = json(enJson) as { findings: { message: string }[] }[];
    expect(results[0]!.findings[0]!.message).toMatch(/[A-Za-z]{4}/);
  });

  it('info findings only with --verbose', async () => {
    const [quiet, verbose] = await Promise.all([gouji(file('infos.html')), gouji('--verbose', file('infos.html'))]);
    expect(quiet.stdout).not.toMatch(/structure\.(label-variant|extra-row)/);
    expect(verbose.stdout).toMatch(/structure\.label-variant/);
    expect(verbose.stdout).toMatch(/structure\.extra-row/);
    expect(quiet.code).toBe(verbose.code);
  });
});

describe.concurrent('inputs', { timeout: TIMEOUT }, () => {
  it('detected by content, not by extension (.jsp HTML, a text dump named .html, GBK .shtml)', async () => {
    const results = json(await gouji('--json', file('article.jsp'), file('dump.html'), file('page.shtml'))) as { report: { year: number; format: string } | null }[];
    expect(results.map((r) => r.report && [r.report.year, r.report.format])).toEqual([
      [cleanReport('2019', { seed: 54 }).year, '2019'],
      [cleanReport('2021', { seed: 55 }).year, '2021'],
      [gbkPageReport().year, '2019'],
    ]);
  });

  it.skipIf(!existsSync(SEEDS_DIR))('the five seeds: exit 0 (no false error), five reports', async () => {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f));
    const run = await gouji('--json', ...seeds);
    const results = json(run) as { report: unknown; findings: { severity: string }[] }[];
    checkShape(results);
    expect(results).toHaveLength(seeds.length);
    expect(results.every((r) => r.report !== null)).toBe(true);
    expect(results.flatMap((r) => r.findings).filter((f) => f.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('URLs (a local server)', { timeout: TIMEOUT }, () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/art/report.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(renderPage(CLEAN));
      } else if (req.url === '/blocked') {
        res.writeHead(412, { 'content-type': 'text/html' });
        res.end('<html><head><meta http-equiv="refresh" content="0"></head><body><script>var _0x1=1;</script></body></html>');
      } else if (req.url === '/shell') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><head><title>政府信息公开</title><script src="/js/app.js"></script></head><body><div id="app"></div></body></html>');
      } else {
        res.writeHead(404);
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a report page is fetched and audited; the URL is the source', async () => {
    const run = await gouji('--json', `${base}/art/report.html`);
    const [result] = json(run) as { source: string; report: { year: number } | null }[];
    expect(result!.source).toBe(`${base}/art/report.html`);
    expect(result!.report?.year).toBe(CLEAN.year);
    expect(run.code).toBe(0);
  });

  it('HTTP 412 (an anti-bot challenge), a 404 and a script-rendered empty shell are input.unreadable, exit 2', async () => {
    const run = await gouji('--json', `${base}/blocked`, `${base}/missing`, `${base}/shell`);
    const results = json(run) as { report: unknown; findings: { rule: string; message: string }[] }[];
    expect(results.map((r) => [r.report, r.findings.map((f) => f.rule)])).toEqual([
      [null, ['input.unreadable']],
      [null, ['input.unreadable']],
      [null, ['input.unreadable']],
    ]);
    expect(results[0]!.findings[0]!.message).toContain('412');
    expect(results[1]!.findings[0]!.message).toContain('404');
    expect(run.code).toBe(2);
  });
});
