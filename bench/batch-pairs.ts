/**
 * Year over year in a batch (issue 13): PAIRS agencies with two consecutive years each, audited through the
 * CLI (`gouji audit --ndjson DIR`, one thread), against the same number of pages whose agencies all differ
 * (no pair to compare). Target: the batch with comparison costs ≤ 1.2× the one without.
 * Run: npm run bench:pairs [-- PAIRS]   (default 1,000 pairs = 2,000 pages)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPage } from '../test/fixtures/render';
import { cleanReport, followingYear } from '../test/fixtures/report-data';

const PAIRS = Number(process.argv[2] ?? 1000);
const root = mkdtempSync(join(tmpdir(), 'gouji-pairs-'));
const BIN = new URL('../bin/gouji.mjs', import.meta.url).pathname;

function write(dir: string, paired: boolean): void {
  mkdirSync(dir);
  for (let i = 0; i < PAIRS; i++) {
    const first = cleanReport('2021', { seed: i + 1, year: 2022, agency: `第${i}号县政务服务管理局` });
    const second = paired ? followingYear(first) : followingYear(cleanReport('2021', { seed: i + 1, year: 2022, agency: `另一第${i}号县政务服务管理局` }));
    writeFileSync(join(dir, `${i}-a.html`), renderPage(first, {}));
    writeFileSync(join(dir, `${i}-b.html`), renderPage(second, {}));
  }
}

function time(dir: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'audit', '--ndjson', '--workers', '1', dir], { stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`gouji exited ${r.status}`);
  return performance.now() - start;
}

try {
  write(join(root, 'pairs'), true);
  write(join(root, 'single'), false);
  time(join(root, 'single')); // warm the file cache
  const without = Math.min(time(join(root, 'single')), time(join(root, 'single')));
  const withPairs = Math.min(time(join(root, 'pairs')), time(join(root, 'pairs')));
  console.log(`batch of ${PAIRS * 2} pages: no pairs ${(without / 1000).toFixed(2)} s, ${PAIRS} consecutive-year pairs compared ${(withPairs / 1000).toFixed(2)} s → ${(withPairs / without).toFixed(3)}× (target ≤ 1.2×)`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
