/**
 * gouji audit [options] PATH|FOLDER|GLOB|URL…  (dispatched by cli/main.ts)
 * Exit codes: 0 no error finding; 1 error findings; 2 some input could not be audited (2 wins over 1).
 */
import { access, constants, mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlReportBuilder } from '../lib/batch/html-report';
import { SummaryBuilder } from '../lib/batch/summary';
import { summaryJson } from '../lib/batch/summary-json';
import { summaryText } from '../lib/batch/summary-text';
import { WorkbookBuilder } from '../lib/batch/workbook';
import { repetitionSummary, yearOrder, notConsecutive } from '../lib/compare/compare';
import { comparisonHtml } from '../lib/compare/html';
import { YearPairTexts } from '../lib/compare/pairs';
import { compareYears, consecutivePairs, slimForCrossYear } from '../lib/cross-year';
import { memoDocx } from '../lib/export/docx';
import { isOutputFormat, OUTPUT_FORMATS, renderResults, type OutputFormat } from '../lib/export/index';
import { t, type Lang } from '../lib/i18n/messages';
import type { AuditResult, Finding } from '../lib/model/schema';
import { parseYears } from '../lib/roster/coverage';
import { coverageText } from '../lib/roster/coverage-text';
import { RegionTracker, type RegionOutcome } from '../lib/roster/region';
import { defaultWorkers, runBatch } from './batch';
import { crawlSites } from './crawl';
import { bothLanguages, CRAWL_DEFAULTS, parses } from './crawl-command';
import { Progress } from './progress';
import { expandInputs, isUrl } from './read-input';
import { loadRoster, readResume } from './region-input';
import { SpillStore } from './spill-store';
import { startCommand } from './help';

const USAGE = `用法 / usage: gouji audit [options] PATH|FOLDER|GLOB|URL…
  inputs: saved pages (HTML, MHTML, text), PDF, Word (.docx; .doc/.wps best effort), by content
  --json            one JSON array, every finding included (the spec's shape); same as --format json
  --format F        text (default) | json | csv | tsv (one row per cell, for pivot tables) |
                    wide-csv (one row per report, a column per cell) | memo (审核意见) |
                    docx (审核意见 as a Word document; with --out FILE.docx, or piped)
                    xlsx (workbook for a 通报: problems, coverage, ratios; needs --out)
  --ids             wide-csv: cell ids only as column names (no label row)
  --ndjson          one JSON result a line, as each input finishes
  --out FILE        write to FILE instead of standard output
  --list FILE       also audit the paths and URLs listed in FILE, one a line
  --crawl URL       also audit the reports a 年报 list page lists (its pagination followed, as gouji crawl)
  --max-pages N     --crawl: list pages read at most per start URL (default 50)
  --delay S         one input at a time per host, S seconds between two (default with --crawl: 1, for its
                    list pages and the reports found; otherwise URLs are fetched --concurrency at once)
  --html FILE       write a self-contained HTML report of the batch
  --roster FILE.csv the units that must report (header 单位,上级, optional 别名, 网址): coverage per
                    unit and year (published / late / missing) and the whole-area roll-up
  --years 2023-2025 the report years coverage is given for (default: every year in the batch)
  --summary-json F  write the batch summary, with coverage, as JSON to F
  --resume FILE     skip the inputs a broken --ndjson run already wrote to FILE (append to it: >> FILE)
  --workers N       worker threads to parse on (default: one per core for 16 inputs or more)
  --compare OLD NEW apply the cross-year rules to exactly these two reports (in either order: ordered by year)
  --summary         print the batch summary (to stderr) whatever the output format
  --concurrency N   inputs audited at once (default 4); --timeout S per fetch (default 30)
  --lang en         messages in English (default: Chinese)
  --verbose         also list info findings`;

/** Formats written as bytes rather than text. */
const BINARY_FORMATS = ['docx', 'xlsx'] as const;
type BinaryFormat = (typeof BINARY_FORMATS)[number];

interface Options {
  format: OutputFormat | BinaryFormat;
  roster?: string;
  years?: number[];
  summaryJson?: string;
  resume?: string;
  workers?: number;
  ndjson: boolean;
  out?: string;
  html?: string;
  lists: string[];
  crawl: string[];
  compare: boolean;
  summary: boolean;
  concurrency: number;
  timeoutS: number;
  /** --crawl's page cap, as gouji crawl's. */
  maxPages: number;
  /** Seconds between two requests to one host; given (or --crawl), one input at a time per host. */
  delayS?: number;
  lang: Lang;
  verbose: boolean;
  ids: boolean;
  inputs: string[];
}

function parseArgs(rest: string[]): Options | string {
  const o: Options = { format: 'text', ndjson: false, lists: [], crawl: [], compare: false, summary: false, concurrency: 4, timeoutS: 30, maxPages: CRAWL_DEFAULTS.maxPages, lang: 'zh', verbose: false, ids: false, inputs: [] };
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
      const binary = BINARY_FORMATS.find((b) => b === f);
      if (!isOutputFormat(f) && !binary) return `--format takes ${[...OUTPUT_FORMATS, ...BINARY_FORMATS].join('|')}, not ${f ?? '(nothing)'}\n${USAGE}`;
      o.format = binary ?? (f as OutputFormat);
    } else if (a === '--years') {
      const years = parseYears(rest[++i] ?? '');
      if (!years) return `--years takes years such as 2023-2025 or 2023,2024, not ${rest[i] ?? '(nothing)'}\n${USAGE}`;
      o.years = years;
    } else if (a === '--roster' || a === '--summary-json' || a === '--resume') {
      const file = value(++i, `${a} takes a file name`);
      if (file instanceof Error) return file.message;
      if (a === '--roster') o.roster = file;
      else if (a === '--resume') o.resume = file;
      else o.summaryJson = file;
    } else if (a === '--crawl') {
      const url = value(++i, '--crawl takes the URL of a 年报 list page');
      if (url instanceof Error) return url.message;
      if (!isUrl(url)) return `--crawl takes the URL of a 年报 list page, not ${url}\n${USAGE}`;
      if (!parses(url)) return `${bothLanguages('crawl_badUrl', url)}\n${USAGE}`;
      o.crawl.push(url);
    } else if (a === '--out' || a === '-o' || a === '--html' || a === '--list') {
      const file = value(++i, `${a} takes a file name`);
      if (file instanceof Error) return file.message;
      if (a === '--html') o.html = file;
      else if (a === '--list') o.lists.push(file);
      else o.out = file;
    } else if (a === '--concurrency' || a === '--timeout' || a === '--workers') {
      const n = Number(rest[++i]);
      if (!Number.isFinite(n) || n <= 0) return `${a} takes a positive number\n${USAGE}`;
      if (a === '--concurrency') o.concurrency = Math.min(64, Math.floor(n));
      else if (a === '--workers') o.workers = Math.min(64, Math.floor(n));
      else o.timeoutS = n;
    } else if (a === '--max-pages' || a === '--delay') {
      const n = Number(rest[++i]);
      if (!Number.isFinite(n) || n < 0 || (a === '--max-pages' && n < 1)) return `${a} takes a positive number\n${USAGE}`;
      if (a === '--max-pages') o.maxPages = Math.floor(n);
      else o.delayS = n;
    } else if (a === '--lang') {
      const l = rest[++i];
      if (l !== 'zh' && l !== 'en') return `--lang takes zh or en\n${USAGE}`;
      o.lang = l;
    } else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else o.inputs.push(a);
  }
  if (o.format === 'docx' && o.ndjson) return `--format docx writes one document; it cannot be combined with --ndjson\n${USAGE}`;
  if (o.format === 'docx' && !o.out && process.stdout.isTTY) return `--format docx is a binary Word file: give --out FILE.docx (or pipe the output)\n${USAGE}`;
  if (o.years && !o.roster) return `--years gives the years of the roster's coverage: it needs --roster FILE.csv\n${USAGE}`;
  if (o.ndjson && o.out) return `--ndjson streams to standard output; redirect it instead of --out\n${USAGE}`;
  if (o.format === 'xlsx' && (!o.out || o.ndjson)) return `--format xlsx writes a workbook: give --out FILE.xlsx (not with --ndjson)\n${USAGE}`;
  return o.inputs.length || o.lists.length || o.crawl.length ? o : USAGE;
}

/** The first output file that cannot be written: an existing one (/dev/null too) by itself, a new one by its folder. */
async function firstUnwritable(files: (string | undefined)[]): Promise<string | undefined> {
  const writable = (path: string) => access(path, constants.W_OK).then(() => true, (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : false));
  for (const file of files) {
    if (!file) continue;
    const itself = await writable(file);
    const ok = itself ?? (await writable(dirname(resolve(file))));
    if (!ok) return file;
  }
  return undefined;
}

async function write(file: string | undefined, text: string | Uint8Array): Promise<boolean> {
  if (!file) {
    process.stdout.write(text);
    return true;
  }
  try {
    await writeFile(file, text, typeof text === 'string' ? 'utf8' : undefined);
    return true;
  } catch (error) {
    process.stderr.write(`cannot write ${file}: ${(error as Error)?.message ?? error}\n`);
    return false;
  }
}

/** `gouji audit …`: argv without the command word. */
export async function auditCommand(argv: string[]): Promise<number> {
  const options = startCommand(argv, 'audit', parseArgs);
  if (typeof options === 'number') return options;
  // What can be refused is refused before any page is fetched: a wrong roster or an unwritable output after an hour's crawl loses the hour.
  const roster = options.roster ? await loadRoster(options.roster) : undefined;
  if (typeof roster === 'string') {
    process.stderr.write(`${roster}\n`);
    return 2;
  }
  const unwritable = await firstUnwritable([options.out, options.html, options.summaryJson]);
  if (unwritable) {
    process.stderr.write(`${t('cli_cannotWrite', { file: unwritable }, options.lang)}\n`);
    return 2;
  }
  let inputs: string[];
  // List pages --crawl could not read: the reports they list are unknown, so a unit may show missing that is not.
  let listPagesFailed = 0;
  let hostLastRequestAt: Map<string, number> | undefined;
  try {
    inputs = await expandInputs(options.inputs, options.lists);
    if (options.crawl.length) {
      const crawl = { maxPages: options.maxPages, delayMs: (options.delayS ?? CRAWL_DEFAULTS.delayS) * 1000, fetch: { timeoutMs: options.timeoutS * 1000, retries: 1 }, lang: options.lang };
      const found = await crawlSites(options.crawl, { ...crawl, onReport: () => {}, onNote: (m) => process.stderr.write(`${m}\n`) });
      listPagesFailed = found.pagesFailed;
      hostLastRequestAt = found.lastRequestAt;
      inputs = [...new Set([...inputs, ...found.reports.map((r) => r.url)])];
    }
  } catch (error) {
    process.stderr.write(`${(error as Error)?.message ?? error}\n`);
    return 2;
  }
  if (inputs.length === 0) {
    process.stderr.write(`没有可审核的输入 / no input to audit: ${[...options.inputs, ...options.lists, ...options.crawl].join(' ')}\n`);
    return 2;
  }
  if (options.compare && inputs.length !== 2) {
    process.stderr.write(`--compare takes exactly two different reports: OLD NEW\n${USAGE}\n`);
    return 2;
  }
  const region = roster ? new RegionTracker(roster) : null;
  const render = { lang: options.lang, verbose: options.verbose, ids: options.ids };
  const summary = new SummaryBuilder();
  const hrefOf = (source: string) => (isUrl(source) ? source : pathToFileURL(resolve(source)).href);
  const html = options.html ? new HtmlReportBuilder(options.lang, hrefOf) : null;
  const workbook = options.format === 'xlsx' ? new WorkbookBuilder(options.lang, hrefOf, options.verbose) : null;
  // Streamed out: keep only what the cross-year rules read, so memory stays flat over any count.
  const slim = options.ndjson;
  // NDJSON streams as inputs finish; every other output, text included, is written whole once the
  // cross-year findings are in, so each report is printed once, in input order (progress is on stderr).
  const results: (AuditResult | undefined)[] = new Array(inputs.length);
  let failed = false;
  let errors = false;
  // The text of each page, until its result arrives: kept only for reports that may have another year.
  const pageLines: (readonly string[] | undefined)[] = [];
  // Streamed, the kept texts go to a temporary file: memory stays flat over any count.
  const spill = options.ndjson ? new SpillStore() : null;
  const texts = new YearPairTexts(spill ?? undefined);

  const take = (result: AuditResult, index: number, resumed: boolean) => {
    const kept = texts.keep(result, pageLines[index]);
    pageLines[index] = undefined;
    summary.add(result, index);
    // The roster reads the whole result (the roll-up its tables) before it is slimmed.
    const unit = region?.add(result, index);
    // Streamed results are not kept whole: the HTML report and the workbook take them now (without cross-year findings).
    if (slim) {
      html?.add(result, index);
      workbook?.add(result, index, unit);
    }
    if (result.report === null) failed = true;
    if (result.findings.some((f) => f.severity === 'error')) errors = true;
    // Streamed, a report whose cells are kept on disk for its pair keeps none in memory (10,000 inputs: ~40 MB).
    results[index] = slim ? slimForCrossYear(result, { cells: !(kept && spill) }) : result;
    if (options.ndjson && !resumed) process.stdout.write(`${JSON.stringify(result)}\n`);
  };

  // --resume: what a broken run finished counts in the summary, coverage and reports, and is not audited again.
  let todo = inputs.map((_, i) => i);
  if (options.resume) {
    // A file is the same input however it was spelled (relative, absolute, ./): the broken run may have started elsewhere.
    const sameInput = (source: string) => (isUrl(source) ? source : resolve(source));
    const where = new Map<string, number>();
    inputs.forEach((source, i) => where.has(sameInput(source)) || where.set(sameInput(source), i));
    const done = new Set<number>();
    let others = 0;
    const read = await readResume(options.resume, (result) => {
      const index = where.get(sameInput(result.source));
      if (index === undefined) others++;
      if (index === undefined || done.has(index)) return;
      done.add(index);
      take({ ...result, source: inputs[index]! }, index, true);
    });
    // More than the one line a break cuts short, and no result: not a --ndjson output (a roster, a --json array).
    const why = typeof read === 'string' ? read : read.results === 0 && read.skipped > 1 ? t('cli_resumeNotNdjson', { file: options.resume, lines: read.skipped }, options.lang) : null;
    if (why) {
      process.stderr.write(`${why}\n`);
      spill?.close();
      return 2;
    }
    todo = todo.filter((i) => !done.has(i));
    process.stderr.write(`${t('cli_resumed', { file: options.resume, results: done.size }, options.lang)}\n`);
    if (others) process.stderr.write(`${t('cli_resumedOthers', { file: options.resume, results: others }, options.lang)}\n`);
  }

  // Polite to the sites a crawl found the reports on, as to their list pages.
  const hostDelayMs = options.crawl.length || options.delayS !== undefined ? (options.delayS ?? CRAWL_DEFAULTS.delayS) * 1000 : undefined;
  const progress = new Progress(todo.length);
  const workers = options.workers ?? defaultWorkers(todo.length, availableParallelism());
  await runBatch(
    todo.map((i) => inputs[i]!),
    { lang: options.lang, concurrency: options.concurrency, fetch: { timeoutMs: options.timeoutS * 1000, retries: 1 }, workers, hostDelayMs, ...(hostLastRequestAt ? { hostLastRequestAt } : {}), onLines: (lines, k) => (pageLines[todo[k]!] = lines) },
    (result, k) => {
      progress.tick(result.report === null);
      take(result, todo[k]!, false);
    },
  );
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
    newer.findings.push(...(comparison?.findings ?? compareYears(texts.report(older), texts.report(newer), options.lang)));
    if (!comparison) continue;
    repetition.set(newer, repetitionSummary(comparison.old, comparison.text, comparison.tables));
    let href: string | undefined;
    if (pagesDir) {
      await mkdir(pagesDir, { recursive: true }).catch(() => {});
      if (await write(join(pagesDir, `${k + 1}.html`), comparisonHtml(comparison, options.lang))) href = `${basename(pagesDir)}/${k + 1}.html`;
    }
    html?.addPair(comparison, href);
  }
  const addLater = (r: AuditResult, added: Finding[], key: 'crossYear' | 'rollup', extra: object = {}) => {
    summary.addFindings(r.source, added);
    if (added.some((f) => f.severity === 'error')) errors = true;
    if (options.ndjson) process.stdout.write(`${JSON.stringify({ source: r.source, [key]: added, ...extra })}\n`);
  };
  for (const r of all) {
    const added: Finding[] = r.findings.slice(before.get(r)!);
    const shares = repetition.get(r);
    if (added.length || shares) addLater(r, added, 'crossYear', shares ? { repetition: shares } : {});
  }
  spill?.close();
  // The roster's roll-up: info findings on each whole-area report whose units' sums differ.
  const outcome: RegionOutcome | undefined = region?.finish(options.lang, options.years);
  const crawlIncomplete = listPagesFailed ? t('crawl_incomplete', { failed: listPagesFailed }, options.lang) : null;
  // Said with the roster's remarks (summary, --summary-json, HTML): a unit marked missing may be on a page not read.
  if (crawlIncomplete) outcome?.notes.unshift(crawlIncomplete);
  for (const r of all) {
    const added = outcome?.rollup.get(r.source);
    if (!added?.length) continue;
    r.findings.push(...added);
    addLater(r, added, 'rollup');
  }

  // The HTML report and the workbook are built from the final results, later findings included, in input order.
  if (!slim) {
    all.forEach((r, i) => {
      html?.add(r, i);
      workbook?.add(r, i, region?.unitOf(r.source));
    });
  }
  const batchSummary = summary.finish();
  const many = inputs.length > 1;
  const fullSummary = () => summaryText(batchSummary, options.lang) + (outcome ? `\n\n${coverageText(outcome.coverage, outcome.notes, options.lang)}` : '');
  // The text report of a batch ends with its summary, on the terminal or in the --out file alike.
  const textSummary = options.format === 'text' && !options.ndjson && (many || outcome) ? `${fullSummary()}\n` : '';
  let ok = true;
  if (options.format === 'docx') ok = await write(options.out, await memoDocx(all, { lang: options.lang, includeInfo: options.verbose }));
  else if (workbook) ok = await write(options.out, await workbook.finish(batchSummary, outcome?.coverage));
  else if (!options.ndjson) ok = await write(options.out, renderResults(all, options.format as OutputFormat, render) + textSummary);
  if (html) ok = (await write(options.html, html.finish(batchSummary, outcome && { coverage: outcome.coverage, unitOf: (s) => region?.unitOf(s) }))) && ok;
  if (options.summaryJson) ok = (await write(options.summaryJson, summaryJson(batchSummary, outcome))) && ok;
  if (!textSummary && (options.summary || ((many || outcome) && process.stderr.isTTY))) process.stderr.write(`${fullSummary()}\n`);
  // The roster's remarks are said even when the summary goes to a file.
  else if (outcome?.notes.length && !textSummary) process.stderr.write(`${outcome.notes.join('\n')}\n`);
  // No roster to say it beside: said on its own, whatever else was printed.
  if (crawlIncomplete && !outcome) process.stderr.write(`${crawlIncomplete}\n`);
  // As gouji crawl: a list page not read makes the batch incomplete.
  if (!ok || failed || listPagesFailed) return 2;
  return errors ? 1 : 0;
}
