/**
 * Batch benchmark (issue 6): 1,000 generated report pages in varied real-world layouts, audited end to
 * end through the CLI's pipeline (read file → decode → parse → recognise → rules → summary), against
 * `cheerio.load` alone over the same pages. Prints pages per second, peak memory and the ratio, then the
 * same batch on worker threads (one per core, startup included) and its speed-up over one thread.
 * Run: npm run bench:batch [-- COUNT [WORKERS]]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { runBatch } from '../cli/batch';
import { SummaryBuilder } from '../lib/batch/summary';
import { cleanReport } from '../test/fixtures/report-data';
import { LAYOUT_FLAGS, renderPage, type LayoutOptions } from '../test/fixtures/render';

const COUNT = Number(process.argv[2] ?? 1000);
const WORKERS = Number(process.argv[3] ?? availableParallelism());
const dir = mkdtempSync(join(tmpdir(), 'gouji-bench-'));

function layoutFor(i: number): LayoutOptions {
  // A deterministic mix of the layouts real sites use.
  return Object.fromEntries(LAYOUT_FLAGS.filter((_, k) => ((i * 2654435761) >>> k) % 3 === 0).map((f) => [f, true]));
}

const files: string[] = [];
let bytes = 0;
for (let i = 0; i < COUNT; i++) {
  const year = 2019 + (i % 6);
  const html = renderPage(cleanReport(year >= 2021 ? '2021' : '2019', { seed: i + 1, year }), layoutFor(i));
  const file = join(dir, `page-${String(i).padStart(4, '0')}.html`);
  writeFileSync(file, html);
  files.push(file);
  bytes += Buffer.byteLength(html);
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const summary = new SummaryBuilder();
const t0 = performance.now();
await runBatch(files, { lang: 'zh', concurrency: 4, fetch: { timeoutMs: 30_000, retries: 0 } }, (result, index) => summary.add(result, index));
const auditMs = performance.now() - t0;
const auditPeak = peakRss;

clearInterval(sampler);

peakRss = 0;
const sampler2 = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const threaded = new SummaryBuilder();
const t2 = performance.now();
let firstAt = 0;
await runBatch(files, { lang: 'zh', concurrency: 4, fetch: { timeoutMs: 30_000, retries: 0 }, workers: WORKERS }, (result, index) => {
  firstAt ||= performance.now();
  threaded.add(result, index);
});
const workerMs = performance.now() - t2;
// Once loaded (a worker takes a moment to load the TypeScript): the rate over the results after the first.
const steadyRate = (COUNT - 1) / ((performance.now() - firstAt) / 1000);
clearInterval(sampler2);

// cheerio.load last, so the one-thread and worker runs are measured back to back (a shared machine's load changes).
const t1 = performance.now();
for (const file of files) load(readFileSync(file, 'utf8'));
const loadMs = performance.now() - t1;

const s = summary.finish();
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
console.log(`pages: ${COUNT} (${mb(bytes)} of HTML, ${(bytes / COUNT / 1024).toFixed(0)} KB each), reports found: ${s.reports}, findings: ${Object.values(s.findingsByRule).reduce((a, c) => a + c.error + c.warning, 0)} errors+warnings`);
console.log(`audit end to end: ${(auditMs / 1000).toFixed(2)} s, ${(COUNT / (auditMs / 1000)).toFixed(0)} pages/s, peak RSS ${mb(auditPeak)}`);
console.log(`cheerio.load alone (read + parse): ${(loadMs / 1000).toFixed(2)} s, ${(COUNT / (loadMs / 1000)).toFixed(0)} pages/s`);
console.log(`ratio audit / cheerio.load: ${(auditMs / loadMs).toFixed(2)}`);
const same = JSON.stringify(threaded.finish()) === JSON.stringify(s);
console.log(`audit on ${WORKERS} worker threads: ${(workerMs / 1000).toFixed(2)} s, ${(COUNT / (workerMs / 1000)).toFixed(0)} pages/s (main thread peak RSS ${mb(peakRss)}), ${(auditMs / workerMs).toFixed(2)}× one thread, same summary: ${same}`);
console.log(`  after the workers loaded (${((firstAt - t2) / 1000).toFixed(2)} s to the first result): ${steadyRate.toFixed(0)} pages/s, ${(steadyRate / (COUNT / (auditMs / 1000))).toFixed(2)}× one thread`);
rmSync(dir, { recursive: true, force: true });
