/**
 * Batch benchmark (issue 6): 1,000 generated report pages in varied real-world layouts, audited end to
 * end through the CLI's pipeline (read file → decode → parse → recognise → rules → summary), against
 * `cheerio.load` alone over the same pages: pages per second, peak memory and the ratio.
 * Then the speed-up of worker threads (issue 14: ≥ 1.7× the pages per second of one thread on 2 cores), three ways:
 * - throughput: one worker thread against WORKERS worker threads, the same built code and limits, both warm
 *   (a province's 10⁵ reports are a long run: start-up and warm-up are paid once); ROUNDS rounds taking turns,
 *   each side's median — a shared machine's speed drifts by a third from minute to minute;
 * - cold: each pool's first batch, its start-up and warm-up included;
 * - the CLI from start, one process per run (`--workers 1`, the main thread, against `--workers N`), and this
 *   machine's own ceiling: two `--workers 1` runs at once, each over every page — nothing shared, so no design of
 *   worker threads can beat that speed-up on the same pages.
 * The CPU time a page costs (all threads) is printed too, which the machine's load hardly changes.
 * Run: npm run bench:batch [-- COUNT [WORKERS]]   (BENCH_ROUNDS=5)
 */
import { spawn } from 'node:child_process';
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

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const byMs = (runs: Timed[]) => runs.find((r) => r.ms === median(runs.map((x) => x.ms)))!;

// One thread in this process (the sources through tsx): the figure against cheerio.load, as in issue 6.
const inProcess = await timed();
// The same built code on one worker thread and on WORKERS: cold, then warm in turns.
const pools = { one: new WorkerPool(1, 'zh', FETCH), many: new WorkerPool(WORKERS, 'zh', FETCH) };
const cold = { one: await timed(() => pools.one), many: await timed(() => pools.many) };
const warmRuns: Record<'one' | 'many', Timed[]> = { one: [], many: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const side of round % 2 ? (['many', 'one'] as const) : (['one', 'many'] as const)) warmRuns[side].push(await timed(() => pools[side]));
}
await Promise.all([pools.one.close(), pools.many.close()]);
const warm = { one: byMs(warmRuns.one), many: byMs(warmRuns.many) };

// cheerio.load last, so the thread runs are measured back to back (a shared machine's load changes).
const t1 = performance.now();
for (const file of files) load(readFileSync(file, 'utf8'));
const loadMs = performance.now() - t1;

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const rate = (ms: number, pages = COUNT) => `${(ms / 1000).toFixed(2)} s, ${(pages / (ms / 1000)).toFixed(0)} pages/s`;
const same = [cold.one, cold.many, ...warmRuns.one, ...warmRuns.many].every((r) => r.summary === inProcess.summary);
console.log(`pages: ${COUNT} (${mb(bytes)} of HTML, ${(bytes / COUNT / 1024).toFixed(0)} KB each), reports found: ${inProcess.reports}, findings: ${inProcess.findings} errors+warnings`);
console.log(`audit end to end: ${rate(inProcess.ms)}, peak RSS ${mb(inProcess.peakRss)}`);
console.log(`cheerio.load alone (read + parse): ${rate(loadMs)}`);
console.log(`ratio audit / cheerio.load: ${(inProcess.ms / loadMs).toFixed(2)}`);
console.log(`worker threads, warm (median of ${ROUNDS} rounds each, in turns): one ${rate(warm.one.ms)}; ${WORKERS} ${rate(warm.many.ms)} (peak RSS ${mb(warm.many.peakRss)}): ${(warm.one.ms / warm.many.ms).toFixed(2)}× (rounds: ${warmRuns.one.map((r, k) => (r.ms / warmRuns.many[k]!.ms).toFixed(2)).join(', ')})`);
console.log(`cold (each pool's first batch, start-up included): one ${rate(cold.one.ms)}; ${WORKERS} ${rate(cold.many.ms)}: ${(cold.one.ms / cold.many.ms).toFixed(2)}×`);
const perPage = (r: Timed) => `${(r.cpuMs / COUNT).toFixed(1)} ms`;
console.log(`CPU time a page costs (all threads), warm: ${perPage(warm.one)} on one worker, ${perPage(warm.many)} on ${WORKERS} (${warm.many.cpuMs >= warm.one.cpuMs ? '+' : ''}${((warm.many.cpuMs / warm.one.cpuMs - 1) * 100).toFixed(0)}%); one worker keeps ${(warm.one.cpuMs / warm.one.ms).toFixed(2)} cores busy (its collector and this thread beside it), so ${Math.min(WORKERS, availableParallelism())} cores allow at most ${((Math.min(WORKERS, availableParallelism()) * warm.one.ms) / warm.one.cpuMs).toFixed(2)}×`);
// The CLI as a user runs it: one process per run, modes in turns for ROUNDS rounds, each mode's median.
const BIN = fileURLToPath(new URL('../bin/gouji.mjs', import.meta.url));
const cliArgs = (threads: number) => [BIN, 'audit', '--ndjson', '--workers', String(threads), dir];
function settle(run: ReturnType<typeof spawn>, threads: number): Promise<void> {
  return new Promise((done, fail) =>
    run.on('exit', (code) => (code === 0 || code === 1 ? done() : fail(new Error(`gouji audit --workers ${threads} exited ${code}`)))),
  );
}
async function cliRun(threads: number, processes = 1): Promise<number> {
  const t = performance.now();
  await Promise.all(Array.from({ length: processes }, () => settle(spawn(process.execPath, cliArgs(threads), { stdio: 'ignore' }), threads)));
  return performance.now() - t;
}
const modes = { one: 1, workers: WORKERS, more: WORKERS + 1 } as const;
const cli: Record<keyof typeof modes | 'twoProcesses', number[]> = { one: [], workers: [], more: [], twoProcesses: [] };
for (let round = 0; round < ROUNDS; round++) {
  // Each round in another order, so a drifting load weighs on every mode alike.
  const order = round % 2 ? (['twoProcesses', 'more', 'workers', 'one'] as const) : (['one', 'workers', 'more', 'twoProcesses'] as const);
  for (const mode of order) cli[mode].push(mode === 'twoProcesses' ? await cliRun(1, 2) : await cliRun(modes[mode]));
}
const cliRate = (xs: number[]) => `${(median(xs) / 1000).toFixed(2)} s, ${(COUNT / (median(xs) / 1000)).toFixed(0)} pages/s`;
const speedUp = (xs: number[]) => ((xs === cli.twoProcesses ? 2 : 1) * median(cli.one) / median(xs)).toFixed(2);
console.log(`the CLI (gouji audit --ndjson, built code, start-up included; median of ${ROUNDS} rounds): --workers 1 ${cliRate(cli.one)}; --workers ${WORKERS} ${cliRate(cli.workers)}; --workers ${WORKERS + 1} ${cliRate(cli.more)}`);
console.log(`this machine's ceiling: two --workers 1 runs at once, each over every page: ${(median(cli.twoProcesses) / 1000).toFixed(2)} s for twice the pages, ${((2 * COUNT) / (median(cli.twoProcesses) / 1000)).toFixed(0)} pages/s: ${speedUp(cli.twoProcesses)}×`);
console.log(`speed-up on ${WORKERS} worker threads (issue 14: ≥ 1.7× on 2 cores): throughput (warm) ${(warm.one.ms / warm.many.ms).toFixed(2)}×; cold ${(cold.one.ms / cold.many.ms).toFixed(2)}×; the CLI from start ${speedUp(cli.workers)}× (--workers ${WORKERS + 1}: ${speedUp(cli.more)}×; this machine's ceiling for it ${speedUp(cli.twoProcesses)}×); same summary: ${same}; load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores${load0 > 1 || loadavg()[0]! > 1 ? ' (a busy machine: the figures are low)' : ''}`);
rmSync(dir, { recursive: true, force: true });
