/**
 * Batch benchmark (issue 6): 1,000 generated report pages in varied real-world layouts, audited end to
 * end through the CLI's pipeline (read file → decode → parse → recognise → rules → summary), against
 * `cheerio.load` alone over the same pages. Prints pages per second, peak memory and the ratio, then the
 * same batch on worker threads (one per core) and its speed-up over one thread (issue 14: ≥ 1.7× on 2 cores).
 * The two are compared alike: cold (each thread's first batch, as a CLI run: the one thread's code not yet
 * optimised; the workers' start-up and theirs included) and warm (the same threads again, twice each, the
 * faster kept: another job on a shared machine only ever slows a run down). The order is one, workers,
 * workers, one, one, workers, so a load drifting weighs on both alike; the CPU time a page costs (all
 * threads) is printed too, which the machine's load hardly changes: the workers' own overhead.
 * Run: npm run bench:batch [-- COUNT [WORKERS]]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import { runBatch } from '../cli/batch';
import { WorkerPool } from '../cli/worker-pool';
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

const FETCH = { timeoutMs: 30_000, retries: 0 };
const load0 = loadavg()[0]!;

interface Timed {
  ms: number;
  /** CPU time of the whole process (every thread), user + system. */
  cpuMs: number;
  peakRss: number;
  summary: string;
  reports: number;
  findings: number;
}

/** One batch over all the pages, on this thread or on `pool`: its time, the peak RSS and its summary. */
async function timed(pool?: () => WorkerPool): Promise<Timed> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const summary = new SummaryBuilder();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // Started inside the timing: a cold pool's start-up counts.
  await runBatch(files, { lang: 'zh', concurrency: 4, fetch: FETCH, ...(pool ? { pool: pool() } : {}) }, (result, index) => summary.add(result, index));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const s = summary.finish();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss, summary: JSON.stringify(s), reports: s.reports, findings: Object.values(s.findingsByRule).reduce((a, c) => a + c.error + c.warning, 0) };
}

let workers: WorkerPool | undefined;
const pool = () => (workers ??= new WorkerPool(WORKERS, 'zh', FETCH));
const coldOne = await timed();
const coldWorkers = await timed(pool);
const faster = (a: Timed, b: Timed) => (a.ms <= b.ms ? a : b);
let warmWorkers = await timed(pool);
let warmOne = await timed();
warmOne = faster(warmOne, await timed());
warmWorkers = faster(warmWorkers, await timed(pool));
await workers?.close();

// cheerio.load last, so the one-thread and worker runs are measured back to back (a shared machine's load changes).
const t1 = performance.now();
for (const file of files) load(readFileSync(file, 'utf8'));
const loadMs = performance.now() - t1;

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const rate = (r: Timed) => `${(r.ms / 1000).toFixed(2)} s, ${(COUNT / (r.ms / 1000)).toFixed(0)} pages/s`;
const same = [coldWorkers, warmWorkers, warmOne].every((r) => r.summary === coldOne.summary);
console.log(`pages: ${COUNT} (${mb(bytes)} of HTML, ${(bytes / COUNT / 1024).toFixed(0)} KB each), reports found: ${coldOne.reports}, findings: ${coldOne.findings} errors+warnings`);
console.log(`audit end to end: ${rate(coldOne)}, peak RSS ${mb(coldOne.peakRss)}`);
console.log(`cheerio.load alone (read + parse): ${(loadMs / 1000).toFixed(2)} s, ${(COUNT / (loadMs / 1000)).toFixed(0)} pages/s`);
console.log(`ratio audit / cheerio.load: ${(coldOne.ms / loadMs).toFixed(2)}`);
console.log(`audit on ${WORKERS} worker threads, cold (start-up included): ${rate(coldWorkers)} (peak RSS ${mb(coldWorkers.peakRss)}), ${(coldOne.ms / coldWorkers.ms).toFixed(2)}× one thread cold`);
console.log(`warm (the same threads again, the faster of two): one thread ${rate(warmOne)}; ${WORKERS} workers ${rate(warmWorkers)}, ${(warmOne.ms / warmWorkers.ms).toFixed(2)}×`);
const perPage = (r: Timed) => `${(r.cpuMs / COUNT).toFixed(1)} ms`;
console.log(`CPU time a page costs (all threads): cold ${perPage(coldOne)} one thread, ${perPage(coldWorkers)} on workers; warm ${perPage(warmOne)}, ${perPage(warmWorkers)} (workers ${warmWorkers.cpuMs >= warmOne.cpuMs ? '+' : ''}${((warmWorkers.cpuMs / warmOne.cpuMs - 1) * 100).toFixed(0)}%)`);
// The CLI as a user runs it: one process per run, the built code in both modes (the runs above load the one
// thread's code through tsx, which is slower than the build the workers run, so their ratio flatters the workers).
const BIN = fileURLToPath(new URL('../bin/gouji.mjs', import.meta.url));
function cliRun(threads: number): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'audit', '--ndjson', '--workers', String(threads), dir], { stdio: ['ignore', 'ignore', 'ignore'] });
  if (run.status !== 0 && run.status !== 1) throw new Error(`gouji audit --workers ${threads} exited ${run.status}`);
  return performance.now() - t;
}
const cli: Record<'one' | 'workers', number[]> = { one: [], workers: [] };
for (const mode of ['one', 'workers', 'workers', 'one'] as const) cli[mode].push(cliRun(mode === 'one' ? 1 : WORKERS));
const best = (xs: number[]) => Math.min(...xs);
const cliRate = (ms: number) => `${(ms / 1000).toFixed(2)} s, ${(COUNT / (ms / 1000)).toFixed(0)} pages/s`;
console.log(`the CLI (gouji audit --ndjson, built code, start-up included; the faster of two runs each): --workers 1 ${cliRate(best(cli.one))}; --workers ${WORKERS} ${cliRate(best(cli.workers))}`);
console.log(`speed-up on ${WORKERS} worker threads (issue 14: ≥ 1.7× on 2 cores): the CLI ${(best(cli.one) / best(cli.workers)).toFixed(2)}×; in process (sources through tsx) cold ${(coldOne.ms / coldWorkers.ms).toFixed(2)}×, warm ${(warmOne.ms / warmWorkers.ms).toFixed(2)}×; same summary: ${same}; load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores${load0 > 1 || loadavg()[0]! > 1 ? ' (a busy machine: the figures are low)' : ''}`);
rmSync(dir, { recursive: true, force: true });
