/**
 * npm run bench — the cost of an audit against the cost of parsing the page at all.
 *
 * For report pages of ~300 KB and ~5 MB (and 1 MB and 20 MB, for linearity), in process and warm (after
 * warm-up runs): the median time from the HTML string to the findings (`auditHtml`), the median time of
 * `cheerio.load` alone on the same string (the floor), their ratio (target: ≤ 1.3), and peak memory. Each
 * page is a real report (Word-exported markup inside a site's layout table, from the fixture renderer)
 * plus realistic site filler: navigation and footer tables, inline CSS and scripts, a long list of
 * related articles, a base64 inline image. Where the time goes is shown per phase: parse5 alone, the page
 * walk (HTML → PageDoc), recognition, and the rules.
 *
 * Memory is measured in a child process per page and per task (audit / cheerio.load), so each figure is
 * that task's own peak: peak RSS (process.resourceUsage().maxRSS, minus the RSS before the first run)
 * and the largest heapUsed seen between runs.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import { parse } from 'parse5';
import { auditHtml } from '../lib/audit';
import { pageFromHtml } from '../lib/extract/from-html';
import { recognise } from '../lib/recognize/recognize';
import { makeContext } from '../lib/rules/context';
import { RULES } from '../lib/rules/index';
import { renderPage } from '../test/fixtures/render';
import { compareBench } from './compare';
import { cleanReport, type FixtureReport } from '../test/fixtures/report-data';

const KB = 1024;
const MB = 1024 * 1024;
const TODAY = new Date('2030-01-01');

interface Size {
  label: string;
  bytes: number;
  warmup: number;
  runs: number;
}

const SIZES: Size[] = [
  { label: '300 KB', bytes: 300 * KB, warmup: 20, runs: 51 },
  { label: '1 MB', bytes: 1 * MB, warmup: 5, runs: 21 },
  { label: '5 MB', bytes: 5 * MB, warmup: 3, runs: 11 },
  { label: '20 MB', bytes: 20 * MB, warmup: 1, runs: 5 },
];

// ---- The pages ------------------------------------------------------------------------------------------

const REPORT: FixtureReport = cleanReport('2021', { seed: 8 });

function filler(bytes: number): string {
  if (bytes <= 0) return '';
  const parts: string[] = [];
  let size = 0;
  const add = (s: string) => {
    parts.push(s);
    size += Buffer.byteLength(s, 'utf8');
  };
  // A quarter: a scanned seal / QR code inlined as base64.
  const imgChars = Math.floor(bytes / 4);
  const b64 = 'iVBORw0KGgoAAAANSUhEUgAAAGQAAABkCAYAAABw4pVUAAAgAElEQVR4nO2de3xU1bn3f2vP7JnJ';
  add(`<p style="text-align:center"><img alt="二维码" width="120" src="data:image/png;base64,${b64.repeat(Math.ceil(imgChars / b64.length))}"></p>\n`);
  // Site CSS and a statistics script.
  add(`<style>${'.nav li{float:left;margin:0 8px}.news-list li{line-height:32px;border-bottom:1px dashed #ccc}.footer td{color:#666;font-size:12px}\n'.repeat(Math.max(1, Math.floor(bytes / 20 / 120)))}</style>\n`);
  add(`<script>${'var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="https://hm.example.com/hm.js?abc";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();\n'.repeat(Math.max(1, Math.floor(bytes / 20 / 160)))}</script>\n`);
  // Navigation tables, then related articles and footers until the size is reached.
  const menu = ['首页', '政务公开', '政务服务', '互动交流', '走进本地', '专题专栏', '政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报'];
  let i = 0;
  while (size < bytes) {
    if (i % 200 === 0) {
      add(`<table width="100%" class="nav"><tr>${menu.map((m, k) => `<td><a href="/col/col${1000 + k}/index.html">${m}</a></td>`).join('')}</tr></table>\n<ul class="news-list">\n`);
    }
    add(`<li><a href="/art/2023/${(i % 12) + 1}/${(i % 28) + 1}/art_${100000 + i}.html" title="关于做好第${i}批政务公开事项的通知">关于做好第${i}批政务公开事项的通知</a><span class="date">2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}</span></li>\n`);
    i++;
    if (i % 200 === 0) add('</ul>\n<table width="100%" class="footer"><tr><td>主办单位：本级人民政府办公室</td><td>网站标识码：4205000012</td><td>鄂ICP备12345678号-1</td></tr></table>\n');
  }
  if (i % 200 !== 0) add('</ul>\n');
  return parts.join('');
}

export function benchPage(bytes: number): string {
  const page = renderPage(REPORT, { word: true, layoutTable: true });
  const rest = bytes - Buffer.byteLength(page, 'utf8');
  return page.replace('</body>', () => `${filler(rest)}</body>`);
}

// ---- Measuring --------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

type Task = 'time' | 'audit' | 'load' | 'phases';

interface ChildResult {
  task: Task;
  bytes: number;
  /** time: medians of the interleaved runs; audit / load: the peaks of that task alone. */
  audit?: number;
  load?: number;
  auditMin?: number;
  loadMin?: number;
  rssBefore: number;
  rssPeak: number;
  heapPeak: number;
  phases?: Record<string, number>;
  findings?: number;
  cells?: number;
}

/**
 * Timing: audit and cheerio.load on the same string, alternating run by run after the warm-up, so that
 * whatever else the machine does weighs on both alike. Memory: one task alone in its own process.
 */
function child(task: Task, size: Size): ChildResult {
  const html = benchPage(size.bytes);
  const bytes = Buffer.byteLength(html, 'utf8');
  let heapPeak = 0;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  const rssBefore = process.memoryUsage().rss;
  const peak = () => ({ rssBefore, rssPeak: process.resourceUsage().maxRSS * 1024, heapPeak });
  const audit = () => auditHtml(html, 'bench', { today: TODAY });
  const floor = () => load(html);
  if (task === 'time') {
    // Warm-up of both, then blocks A B A B (audit, load): steady state for each, each paying for its own
    // garbage, and a drift of the machine's load over the runs weighs on both alike.
    for (let i = 0; i < size.warmup; i++) {
      audit();
      floor();
    }
    const a: number[] = [];
    const l: number[] = [];
    let last: ReturnType<typeof auditHtml> | undefined;
    const block = (n: number) => {
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        last = audit();
        a.push(performance.now() - started);
      }
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        floor();
        l.push(performance.now() - started);
      }
    };
    block(Math.ceil(size.runs / 2));
    block(Math.floor(size.runs / 2));
    return { task, bytes, audit: median(a), load: median(l), auditMin: Math.min(...a), loadMin: Math.min(...l), ...peak(), findings: last!.findings.length, cells: Object.keys(last!.report?.cells ?? {}).length };
  }
  if (task === 'phases') {
    const phases: Record<string, number[]> = { parse5: [], walk: [], recognise: [], rules: [] };
    for (let i = 0; i < size.warmup + size.runs; i++) {
      let t = performance.now();
      parse(html);
      const p = performance.now() - t;
      t = performance.now();
      const page = pageFromHtml(html);
      const w = performance.now() - t;
      t = performance.now();
      const rec = recognise(page);
      const r = performance.now() - t;
      t = performance.now();
      if (rec.ok) {
        const ctx = makeContext(rec.recognition, 'zh', TODAY);
        for (const rule of RULES) rule.run(ctx);
      }
      const rules = performance.now() - t;
      if (i < size.warmup) continue;
      phases.parse5!.push(p);
      phases.walk!.push(Math.max(0, w - p));
      phases.recognise!.push(r);
      phases.rules!.push(rules);
    }
    return { task, bytes, ...peak(), phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])) };
  }
  // Memory of one task alone: a few runs after one warm-up.
  const f = task === 'audit' ? audit : floor;
  for (let i = 0; i < 1 + Math.min(3, size.runs); i++) {
    f();
    sample();
  }
  return { task, bytes, ...peak() };
}

// ---- Main ---------------------------------------------------------------------------------------------

const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function runChild(task: Task, size: Size): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', task, size.label], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.trim().split('\n').pop()!;
  return JSON.parse(line) as ChildResult;
}

function pad(s: string, n: number, right = false): string {
  const w = [...s].reduce((a, c) => a + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return right ? ' '.repeat(Math.max(0, n - w)) + s : s + ' '.repeat(Math.max(0, n - w));
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const size = SIZES.find((s) => s.label === argv[2])!;
    process.stdout.write(`${JSON.stringify(child(argv[1] as Task, size))}\n`);
    return;
  }
  const only = argv.length ? SIZES.filter((s) => argv.includes(s.label.replace(' ', '').toLowerCase())) : SIZES;
  const load1 = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`Gouji bench — node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${load1()}; median of warm runs (warm-up runs not counted).`);
  console.log('Page: a format-2021 report exported from Word inside a site layout table, plus site filler.\n');
  const header = ['page', 'bytes', 'runs', 'audit ms', 'load ms', 'ratio', 'min ratio', 'audit RSS peak (+Δ)', 'load RSS peak (+Δ)', 'audit heap', 'load heap'];
  const widths = [8, 8, 6, 9, 9, 6, 9, 22, 22, 10, 10];
  console.log(header.map((h, i) => pad(h, widths[i]!, i > 0)).join('  '));
  const phaseRows: string[] = [];
  for (const size of only) {
    const time = runChild('time', size);
    const audit = runChild('audit', size);
    const floor = runChild('load', size);
    const phases = runChild('phases', size);
    console.log(
      [
        size.label,
        mb(time.bytes),
        `${size.warmup}+${size.runs}`,
        ms(time.audit!),
        ms(time.load!),
        (time.audit! / time.load!).toFixed(2),
        (time.auditMin! / time.loadMin!).toFixed(2),
        `${mb(audit.rssPeak)} (+${mb(audit.rssPeak - audit.rssBefore)})`,
        `${mb(floor.rssPeak)} (+${mb(floor.rssPeak - floor.rssBefore)})`,
        mb(audit.heapPeak),
        mb(floor.heapPeak),
      ]
        .map((c, i) => pad(c, widths[i]!, i > 0))
        .join('  '),
    );
    const p = phases.phases!;
    phaseRows.push(
      [size.label, ms(p.parse5!), ms(p.walk!), ms(p.recognise!), ms(p.rules!), ms(p.parse5! + p.walk! + p.recognise! + p.rules!), `${time.cells} cells, ${time.findings} findings`]
        .map((c, i) => pad(c, [8, 9, 9, 10, 9, 9, 24][i]!, i > 0 && i < 6))
        .join('  '),
    );
  }
  console.log('\nratio = median audit ms / median cheerio.load ms (target ≤ 1.30); min ratio = fastest / fastest. Runs in blocks audit, load, audit, load. heap: largest heapUsed between runs. RSS peak: the child process\'s maxRSS; +Δ over its RSS before the first run.');
  console.log('\nWhere the audit time goes (medians, ms): parse5 alone, the page walk on top of it, recognition, rules + messages.');
  console.log(['page', 'parse5', 'walk', 'recognise', 'rules', 'sum', 'audit result'].map((h, i) => pad(h, [8, 9, 9, 10, 9, 9, 24][i]!, i > 0 && i < 6)).join('  '));
  for (const r of phaseRows) console.log(r);
  console.log('');
  for (const line of compareBench()) console.log(line);
  console.log(`\nload average at the end: ${load1()} (figures from a busy machine are noisy: compare ratios, not times).`);
}

main();
