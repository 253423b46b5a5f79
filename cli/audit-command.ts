/**
 * gouji audit [options] PATH|FOLDER|GLOB|URL…  (dispatched by cli/main.ts)
 * Exit codes: 0 no error finding; 1 error findings; 2 some input could not be audited (2 wins over 1).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlReportBuilder } from '../lib/batch/html-report';
import { SummaryBuilder } from '../lib/batch/summary';
import { summaryText } from '../lib/batch/summary-text';
import { repetitionSummary, yearOrder, notConsecutive } from '../lib/compare/compare';
import { comparisonHtml } from '../lib/compare/html';
import { YearPairTexts } from '../lib/compare/pairs';
import { compareYears, consecutivePairs, slimForCrossYear } from '../lib/cross-year';
import { isOutputFormat, OUTPUT_FORMATS, renderResults, type OutputFormat } from '../lib/export/index';
import { t, type Lang } from '../lib/i18n/messages';
import type { AuditResult, Finding } from '../lib/model/schema';
import { runBatch } from './batch';
import { crawlSites } from './crawl';
import { Progress } from './progress';
import { expandInputs, isUrl } from './read-input';
import { answerHelp } from './help';

const USAGE = `用法 / usage: gouji audit [options] PATH|FOLDER|GLOB|URL…
  --json            one JSON array, every finding included (the spec's shape); same as --format json
  --format F        text (default) | json | csv | tsv (one row per cell, for pivot tables) |
                    wide-csv (one row per report, a column per cell) | memo (审核意见)
  --ids             wide-csv: cell ids only as column names (no label row)
  --ndjson          one JSON result a line, as each input finishes
  --out FILE        write to FILE instead of standard output
  --list FILE       also audit the paths and URLs listed in FILE, one a line
  --crawl URL       also audit the reports a 年报 list page lists (its pagination followed, as gouji crawl)
  --html FILE       write a self-contained HTML report of the batch
  --compare OLD NEW apply the cross-year rules to exactly these two reports (in either order: ordered by year)
  --summary         print the batch summary (to stderr) whatever the output format
  --concurrency N   inputs audited at once (default 4); --timeout S per fetch (default 30)
  --lang en         messages in English (default: Chinese)
  --verbose         also list info findings`;

interface Options {
  format: OutputFormat;
  ndjson: boolean;
  out?: string;
  html?: string;
  lists: string[];
  crawl: string[];
  compare: boolean;
  summary: boolean;
  concurrency: number;
  timeoutS: number;
  lang: Lang;
  verbose: boolean;
  ids: boolean;
  inputs: string[];
}

function parseArgs(rest: string[]): Options | string {
  const o: Options = { format: 'text', ndjson: false, lists: [], crawl: [], compare: false, summary: false, concurrency: 4, timeoutS: 30, lang: 'zh', verbose: false, ids: false, inputs: [] };
  const value = (i: number, what: string): string | Error => rest[i] ?? new Error(`${what}\n${USAGE}`);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') o.format = 'json';
    else if (a === '--ndjson') o.ndjson = true;
    else if (a === '--ids') o.ids = true;
    else if (a === '--compare') o.compare = true;
    else if (a === '--summary') o.summary = true;
    else if (a === '--format') {
      const f = rest[++i];
      if (!isOutputFormat(f)) return `--format takes ${OUTPUT_FORMATS.join('|')}, not ${f ?? '(nothing)'}\n${USAGE}`;
      o.format = f;
    } else if (a === '--crawl') {
      const url = value(++i, '--crawl takes the URL of a 年报 list page');
      if (url instanceof Error) return url.message;
      if (!isUrl(url)) return `--crawl takes the URL of a 年报 list page, not ${url}\n${USAGE}`;
      o.crawl.push(url);
    } else if (a === '--out' || a === '-o' || a === '--html' || a === '--list') {
      const file = value(++i, `${a} takes a file name`);
      if (file instanceof Error) return file.message;
      if (a === '--html') o.html = file;
      else if (a === '--list') o.lists.push(file);
      else o.out = file;
    } else if (a === '--concurrency' || a === '--timeout') {
      const n = Number(rest[++i]);
      if (!Number.isFinite(n) || n <= 0) return `${a} takes a positive number\n${USAGE}`;
      if (a === '--concurrency') o.concurrency = Math.min(64, Math.floor(n));
      else o.timeoutS = n;
    } else if (a === '--lang') {
      const l = rest[++i];
      if (l !== 'zh' && l !== 'en') return `--lang takes zh or en\n${USAGE}`;
      o.lang = l;
    } else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else o.inputs.push(a);
  }
  if (o.ndjson && o.out) return `--ndjson streams to standard output; redirect it instead of --out\n${USAGE}`;
  return o.inputs.length || o.lists.length || o.crawl.length ? o : USAGE;
}

async function write(file: string | undefined, text: string): Promise<boolean> {
  if (!file) {
    process.stdout.write(text);
    return true;
  }
  try {
    await writeFile(file, text, 'utf8');
    return true;
  } catch (error) {
    process.stderr.write(`cannot write ${file}: ${(error as Error)?.message ?? error}\n`);
    return false;
  }
}

/** `gouji audit …`: argv without the command word. */
export async function auditCommand(argv: string[]): Promise<number> {
  const answered = answerHelp(argv, 'audit');
  if (answered !== null) return answered;
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  let inputs: string[];
  try {
    inputs = await expandInputs(options.inputs, options.lists);
    if (options.crawl.length) {
      const found = await crawlSites(options.crawl, { maxPages: 50, delayMs: 1000, fetch: { timeoutMs: options.timeoutS * 1000, retries: 1 }, lang: options.lang, onReport: () => {}, onNote: (m) => process.stderr.write(`${m}\n`) });
      inputs = [...new Set([...inputs, ...found.reports.map((r) => r.url)])];
    }
  } catch (error) {
    process.stderr.write(`${(error as Error)?.message ?? error}\n`);
    return 2;
  }
  if (inputs.length === 0) {
    process.stderr.write(`没有可审核的输入 / no input to audit: ${[...options.inputs, ...options.lists].join(' ')}\n`);
    return 2;
  }
  if (options.compare && inputs.length !== 2) {
    process.stderr.write(`--compare takes exactly two different reports: OLD NEW\n${USAGE}\n`);
    return 2;
  }
  const render = { lang: options.lang, verbose: options.verbose, ids: options.ids };
  const summary = new SummaryBuilder();
  const html = options.html ? new HtmlReportBuilder(options.lang, (source) => (isUrl(source) ? source : pathToFileURL(resolve(source)).href)) : null;
  const progress = new Progress(inputs.length);
  // NDJSON streams as inputs finish; every other output, text included, is written whole once the
  // cross-year findings are in, so each report is printed once, in input order (progress is on stderr).
  const results: (AuditResult | undefined)[] = new Array(inputs.length);
  let failed = false;
  let errors = false;
  // The text of each page, until its result arrives: kept only for reports that may have another year.
  const pageLines: (readonly string[] | undefined)[] = [];
  const texts = new YearPairTexts();

  const onPage = (page: { lines: string[] }, index: number) => (pageLines[index] = page.lines);
  await runBatch(inputs, { lang: options.lang, concurrency: options.concurrency, fetch: { timeoutMs: options.timeoutS * 1000, retries: 1 }, onPage }, (result, index) => {
    texts.keep(result, pageLines[index]);
    pageLines[index] = undefined;
    summary.add(result, index);
    // Streamed results are not kept whole: the HTML report takes them now (without cross-year findings).
    if (options.ndjson) html?.add(result, index);
    progress.tick(result.report === null);
    if (result.report === null) failed = true;
    if (result.findings.some((f) => f.severity === 'error')) errors = true;
    // Streamed out: keep only what the cross-year rules read, so memory stays flat over any count.
    results[index] = options.ndjson ? slimForCrossYear(result) : result;
    if (options.ndjson) process.stdout.write(`${JSON.stringify(result)}\n`);
  });
  progress.end();

  const all = results as AuditResult[];
  // Across years: the later report of each pair gets the findings that compare it with the earlier one.
  const before = new Map(all.map((r) => [r, r.findings.length]));
  // --compare: the two in year order, whatever the argument order; a batch: every consecutive pair.
  let pairs = consecutivePairs(all);
  if (options.compare) {
    const [older, newer] = yearOrder(all[0]!, all[1]!);
    const why = notConsecutive(older, newer);
    if (why) process.stderr.write(`${t(why, {}, options.lang)}: ${older.source} · ${newer.source}\n`);
    pairs = why ? [] : [[older, newer]];
  }
  const repetition = new Map<AuditResult, ReturnType<typeof repetitionSummary>>();
  const pagesDir = options.html ? `${options.html.replace(/\.html?$/i, '')}-compare` : null;
  for (const [k, [older, newer]] of pairs.entries()) {
    const comparison = texts.compare(older, newer, options.lang);
    newer.findings.push(...(comparison?.findings ?? compareYears(older, newer, options.lang)));
    if (!comparison) continue;
    repetition.set(newer, repetitionSummary(comparison.old, comparison.text, comparison.tables));
    let href: string | undefined;
    if (pagesDir) {
      await mkdir(pagesDir, { recursive: true }).catch(() => {});
      if (await write(join(pagesDir, `${k + 1}.html`), comparisonHtml(comparison, options.lang))) href = `${basename(pagesDir)}/${k + 1}.html`;
    }
    html?.addPair(comparison, href);
  }
  for (const r of all) {
    const added: Finding[] = r.findings.slice(before.get(r)!);
    const shares = repetition.get(r);
    if (!added.length && !shares) continue;
    summary.addFindings(r.source, added);
    if (added.some((f) => f.severity === 'error')) errors = true;
    if (options.ndjson) process.stdout.write(`${JSON.stringify({ source: r.source, crossYear: added, ...(shares ? { repetition: shares } : {}) })}\n`);
  }

  // The HTML report is built from the final results, cross-year findings included, in input order.
  if (html && !options.ndjson) all.forEach((r, i) => html.add(r, i));
  const batchSummary = summary.finish();
  const many = inputs.length > 1;
  // The text report of a batch ends with its summary, on the terminal or in the --out file alike.
  const textSummary = options.format === 'text' && !options.ndjson && many ? `${summaryText(batchSummary, options.lang)}\n` : '';
  let ok = true;
  if (!options.ndjson) ok = await write(options.out, renderResults(all, options.format, render) + textSummary);
  if (html) ok = (await write(options.html, html.finish(batchSummary))) && ok;
  if (!textSummary && (options.summary || (many && process.stderr.isTTY))) process.stderr.write(`${summaryText(batchSummary, options.lang)}\n`);
  if (!ok || failed) return 2;
  return errors ? 1 : 0;
}
