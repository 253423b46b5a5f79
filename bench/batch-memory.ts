/**
 * Memory of a streamed batch (issue 14, "10,000 inputs with flat memory under --ndjson"): the real CLI,
 * `node bin/gouji.mjs audit --ndjson --workers 2 --list FILE`, as a child process over 10,000 and then 20,000
 * generated small pages (agencies in consecutive-year pairs, so the year-over-year texts are kept too),
 * output to /dev/null. The child's peak RSS is read from /proc/PID/status (VmHWM: the whole process, its
 * worker threads included), sampled with VmRSS while it runs. Flat: the 20,000 peak ≤ 1.2 × the 10,000 peak —
 * both past the first few thousand inputs, in which each worker's young generation grows to its fixed cap
 * (cli/worker-pool.ts): a short run's peak is below that plateau, so comparing it would count the cap as growth,
 * while anything kept per input would show twice over between 10,000 and 20,000.
 * Run: npm run bench:memory [-- SMALL LARGE]   (default 10000 20000; Linux only, /proc is read)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPage } from '../test/fixtures/render';
import { cleanReport, followingYear } from '../test/fixtures/report-data';

const SMALL = Number(process.argv[2] ?? 10_000);
const LARGE = Number(process.argv[3] ?? 20_000);
const BIN = new URL('../bin/gouji.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gouji-memory-'));
const PLACEHOLDER = '模板县政务服务管理局';
// Plain JavaScript shared by the CLI and its workers (no types): whether bin/gouji.mjs will run dist/.
const { freshBuild } = (await import(new URL('../bin/fresh-build.mjs', import.meta.url).href)) as { freshBuild: (name: string) => URL | null };

// A dozen pairs of pages rendered once; each input is one of them under its own agency (rendering 10,000
// pages would take longer than auditing them).
const templates = Array.from({ length: 12 }, (_, k) => {
  const first = cleanReport('2021', { seed: k + 1, year: 2022, agency: PLACEHOLDER });
  return [renderPage(first, {}), renderPage(followingYear(first), {})] as const;
});

function writeInputs(count: number): { list: string; bytes: number } {
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const html = templates[Math.floor(i / 2) % templates.length]![i % 2]!.replaceAll(PLACEHOLDER, `第${Math.floor(i / 2)}号县政务服务管理局`);
    const file = join(dir, `${count}-${i}.html`);
    writeFileSync(file, html);
    files.push(file);
    bytes += Buffer.byteLength(html);
  }
  const list = join(dir, `${count}.txt`);
  writeFileSync(list, `${files.join('\n')}\n`);
  return { list, bytes };
}

/** The kB figure of one line of /proc/PID/status, or null once the process is gone. */
function statusKb(pid: number, key: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

interface Run {
  seconds: number;
  peakKb: number;
  /** VmRSS over the run, sampled every 50 ms. */
  rss: number[];
}

function run(list: string): Promise<Run> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, 'audit', '--ndjson', '--workers', '2', '--list', list], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peakKb = 0;
    const rss: number[] = [];
    const sample = () => {
      peakKb = Math.max(peakKb, statusKb(child.pid!, 'VmHWM') ?? 0);
      const now = statusKb(child.pid!, 'VmRSS');
      if (now !== null) rss.push(now);
    };
    const timer = setInterval(sample, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0 && code !== 1) fail(new Error(`gouji exited ${code}: ${stderr.slice(0, 500)}`));
      else done({ seconds: (performance.now() - start) / 1000, peakKb, rss });
    });
  });
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
try {
  console.log(`gouji runs ${freshBuild('cli.mjs') ? 'the fresh build (dist/)' : 'the sources through tsx (dist/ is missing or older: npm run build:cli)'}`);
  const peaks: number[] = [];
  for (const count of [SMALL, LARGE]) {
    const { list, bytes } = writeInputs(count);
    const r = await run(list);
    peaks.push(r.peakKb);
    const at = (f: number) => mb(r.rss[Math.min(r.rss.length - 1, Math.floor(f * r.rss.length))] ?? 0);
    console.log(`${count} inputs (${(bytes / count / 1024).toFixed(0)} KB each), --ndjson --workers 2: ${r.seconds.toFixed(1)} s, ${(count / r.seconds).toFixed(0)} pages/s, peak RSS ${mb(r.peakKb)}; RSS at 25/50/75/100% of the run: ${[0.25, 0.5, 0.75, 1].map(at).join(' / ')}`);
  }
  const ratio = peaks[1]! / peaks[0]!;
  console.log(`flat: ${ratio <= 1.2 ? 'yes' : 'NO'} (peak ${LARGE} / ${SMALL} inputs = ${ratio.toFixed(2)}, target ≤ 1.20)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
