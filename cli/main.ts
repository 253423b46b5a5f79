/**
 * gouji audit [--json | --format F] [--out FILE] [--lang zh|en] [--verbose] PATH|URL…
 * Exit codes: 0 no error finding; 1 error findings; 2 some input could not be audited (2 wins over 1).
 */
import { writeFile } from 'node:fs/promises';
import { auditBytes, tooLargeResult, unreadableResult } from '../lib/audit';
import type { Lang } from '../lib/i18n/messages';
import type { AuditResult } from '../lib/model/schema';
import { isOutputFormat, OUTPUT_FORMATS, renderResults, textBlock, type OutputFormat } from '../lib/export/index';
import { expandInputs, readInput } from './read-input';

const USAGE = `用法 / usage: gouji audit [--json | --format F] [--out FILE] [--lang zh|en] [--verbose] PATH|URL…
  --json        one JSON array, every finding included (the spec's shape); same as --format json
  --format F    text (default) | json | csv | tsv (one row per cell, for pivot tables) |
                wide-csv (one row per report, a column per cell) | memo (审核意见)
  --out FILE    write to FILE instead of standard output
  --lang en     messages in English (default: Chinese)
  --verbose     also list info findings`;

interface Options {
  format: OutputFormat;
  out?: string;
  lang: Lang;
  verbose: boolean;
  inputs: string[];
}

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'audit') return USAGE;
  const o: Options = { format: 'text', lang: 'zh', verbose: false, inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') o.format = 'json';
    else if (a === '--format') {
      const f = rest[++i];
      if (!isOutputFormat(f)) return `--format takes ${OUTPUT_FORMATS.join('|')}, not ${f ?? '(nothing)'}\n${USAGE}`;
      o.format = f;
    } else if (a === '--out' || a === '-o') {
      const file = rest[++i];
      if (!file) return `--out takes a file name\n${USAGE}`;
      o.out = file;
    } else if (a === '--lang') {
      const l = rest[++i];
      if (l !== 'zh' && l !== 'en') return `--lang takes zh or en\n${USAGE}`;
      o.lang = l;
    } else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else o.inputs.push(a);
  }
  return o.inputs.length ? o : USAGE;
}

export async function auditOne(source: string, lang: Lang): Promise<AuditResult> {
  const input = await readInput(source);
  if (input.ok) return auditBytes(input.bytes, source, { lang });
  return input.rule === 'input.too-large' ? tooLargeResult(source, input.size, { lang }) : unreadableResult(source, input.detail, { lang });
}

export function exitCode(results: AuditResult[]): number {
  if (results.some((r) => r.report === null)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  const render = { lang: options.lang, verbose: options.verbose };
  // Text to the terminal streams, one report as soon as it is audited; every other output is whole.
  const stream = options.format === 'text' && !options.out;
  const results: AuditResult[] = [];
  for (const source of await expandInputs(options.inputs)) {
    const result = await auditOne(source, options.lang);
    results.push(result);
    if (stream) process.stdout.write(textBlock(result, render));
  }
  if (!stream) {
    const output = renderResults(results, options.format, render);
    if (!options.out) process.stdout.write(output);
    else {
      try {
        await writeFile(options.out, output, 'utf8');
      } catch (error) {
        process.stderr.write(`cannot write ${options.out}: ${(error as Error)?.message ?? error}\n`);
        return 2;
      }
    }
  }
  return exitCode(results);
}
