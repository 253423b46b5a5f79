/**
 * gouji compare [options] OLD NEW — two years of one agency's report: text repetition per section,
 * table cells equal in both years, and the cross-year findings. The order of OLD and NEW does not
 * matter (they are ordered by report year). Exit codes as `gouji audit`: 0, 1 error findings, 2 an
 * input could not be read or audited.
 */
import { writeFile } from 'node:fs/promises';
import { compareReports, comparisonJson, type ComparedInput } from '../lib/compare/compare';
import { comparisonHtml } from '../lib/compare/html';
import { comparisonText } from '../lib/compare/text';
import type { Lang } from '../lib/i18n/messages';
import { auditOne } from './batch';
import { DEFAULT_FETCH } from './read-input';
import { startCommand } from './help';

const USAGE = `用法 / usage: gouji compare [options] OLD NEW
  --json        one JSON object: { old, new, sections, tables, findings, repeated, notices }
  --html FILE   also write a self-contained side-by-side HTML page
  --lang en     messages in English (default: Chinese)
  OLD and NEW may be given in either order: they are ordered by report year.`;

interface Options {
  json: boolean;
  html?: string;
  lang: Lang;
  inputs: string[];
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { json: false, lang: 'zh', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--html') {
      const file = argv[++i];
      if (!file) return `--html takes a file name\n${USAGE}`;
      o.html = file;
    } else if (a === '--lang') {
      const l = argv[++i];
      if (l !== 'zh' && l !== 'en') return `--lang takes zh or en\n${USAGE}`;
      o.lang = l;
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else o.inputs.push(a);
  }
  return o.inputs.length === 2 ? o : `gouji compare takes exactly two reports: OLD NEW\n${USAGE}`;
}

/** One input audited as `gouji audit` would, its narrative lines kept. */
export async function readCompared(source: string, lang: Lang): Promise<ComparedInput> {
  let lines: readonly string[] = [];
  const result = await auditOne(source, lang, DEFAULT_FETCH, { onPage: (page) => (lines = page.lines) });
  return { result, lines };
}

export async function compareCommand(argv: string[]): Promise<number> {
  const options = startCommand(argv, 'compare', parseArgs);
  if (typeof options === 'number') return options;
  const [a, b] = await Promise.all(options.inputs.map((s) => readCompared(s, options.lang)));
  const comparison = compareReports(a!, b!, options.lang);
  for (const r of [a!, b!]) {
    if (!r.result.report) process.stderr.write(`${r.result.source}: ${r.result.findings.map((f) => f.message).join('; ')}\n`);
  }
  process.stdout.write(options.json ? `${JSON.stringify(comparisonJson(comparison), null, 2)}\n` : comparisonText(comparison, options.lang));
  let ok = true;
  if (options.html) {
    try {
      await writeFile(options.html, comparisonHtml(comparison, options.lang), 'utf8');
    } catch (error) {
      process.stderr.write(`cannot write ${options.html}: ${(error as Error)?.message ?? error}\n`);
      ok = false;
    }
  }
  if (!ok || !a!.result.report || !b!.result.report) return 2;
  return comparison.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
