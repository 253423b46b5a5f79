/**
 * The year-over-year comparison (lib/compare) in process, warm: two reports whose narrative is 100, 200
 * and 400 KB of real prose (sentences of the seed reports, or of the fixture generator when the seeds are
 * absent, made distinct), next year rewritten with a third of its sentences kept; and two unrelated texts
 * (the alignment's worst case). Target: ≤ 50 ms for two 100 KB reports, and linear in their length.
 * Run alone with `npm run bench:compare`; `npm run bench` prints it after the audit figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditHtml } from '../lib/audit';
import { compareReports, type ComparedInput } from '../lib/compare/compare';
import { renderPage } from '../test/fixtures/render';
import { cleanReport, followingYear } from '../test/fixtures/report-data';

const SEEDS = process.env.GOUJI_SEEDS_DIR ?? '/work/shared/seeds';
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

function prose(): string[] {
  let text = '';
  try {
    text = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${SEEDS}/${f}`, 'utf8')).join('\n');
  } catch {
    const r = cleanReport('2021', { seed: 5 });
    text = [...r.narrative.overview, ...r.narrative.problems].join('\n');
  }
  return text.split('\n').filter((l) => !l.includes('|') && !l.startsWith('\t')).flatMap((l) => l.split(/(?<=[。；;])/)).map((s) => s.trim()).filter((s) => s.length > 12);
}

const SENTENCES = prose();
/** A distinct two-character tag, so that repeated seed sentences stay distinct sentences. */
const tag = (i: number) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000)) + String.fromCharCode(0x4e00 + ((i * 104_729) % 20_000));

function narrative(bytes: number, offset: number, keep?: { from: string[]; every: number }): string[] {
  const lines: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    if (i % Math.ceil(SENTENCES.length / 2) === 0) lines.push(HEADINGS[Math.min(5, Math.floor((size / bytes) * 6))]!);
    const kept = keep && i % keep.every === 0 ? keep.from[i] : undefined;
    const line = kept ?? `${tag(i + offset)}${SENTENCES[(i + offset) % SENTENCES.length]}`;
    lines.push(line);
    size += Buffer.byteLength(line, 'utf8');
    i++;
  }
  return lines;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(a: ComparedInput, b: ComparedInput, runs: number): number {
  for (let i = 0; i < 20; i++) compareReports(a, b);
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    compareReports(a, b);
    t.push(performance.now() - start);
  }
  return median(t);
}

export function compareBench(): string[] {
  const first = cleanReport('2021', { seed: 12, year: 2022 });
  const older = auditHtml(renderPage(first), 'old.html', { today: new Date('2030-01-01') });
  const newer = auditHtml(renderPage(followingYear(first)), 'new.html', { today: new Date('2030-01-01') });
  const out = ['Year-over-year comparison (compareReports, warm, median of 21 runs; target ≤ 50 ms for two 100 KB reports, linear):'];
  out.push('  narrative   rewritten (a third kept)   per 100 KB   unrelated texts');
  for (const kb of [100, 200, 400]) {
    const oldLines = narrative(kb * 1024, 0);
    const rewritten = narrative(kb * 1024, 50_000, { from: oldLines, every: 3 });
    const unrelated = narrative(kb * 1024, 90_000);
    const a = { result: older, lines: oldLines };
    const t = time(a, { result: newer, lines: rewritten }, 21);
    const u = time(a, { result: newer, lines: unrelated }, 21);
    out.push(`  ${`${kb} KB`.padEnd(10)}  ${`${t.toFixed(1)} ms`.padStart(24)}   ${`${((t * 100) / kb).toFixed(1)} ms`.padStart(10)}   ${`${u.toFixed(1)} ms`.padStart(15)}`);
  }
  // A batch: the comparison of a consecutive pair against the audits of its two pages (target ≤ 1.2×).
  const pageA = renderPage(first, { word: true });
  const pageB = renderPage(followingYear(first), { word: true });
  let linesA: readonly string[] = [];
  let linesB: readonly string[] = [];
  const ra = auditHtml(pageA, 'a', { onPage: (p) => (linesA = p.lines) });
  const rb = auditHtml(pageB, 'b', { onPage: (p) => (linesB = p.lines) });
  const audits: number[] = [];
  for (let i = 0; i < 41; i++) {
    const start = performance.now();
    auditHtml(pageA, 'a');
    auditHtml(pageB, 'b');
    audits.push(performance.now() - start);
  }
  const pair = time({ result: ra, lines: linesA }, { result: rb, lines: linesB }, 41);
  const audit = median(audits.slice(10));
  out.push(`  a batch pair (two ${Math.round(pageA.length / 1024)} K-character pages): audits ${audit.toFixed(1)} ms, comparison ${pair.toFixed(2)} ms → ${((audit + pair) / audit).toFixed(3)}× the batch without comparison (target ≤ 1.2×)`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) for (const line of compareBench()) console.log(line);
