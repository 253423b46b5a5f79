/**
 * gouji audit [--json] [--lang zh|en] [--verbose] PATH|URL…
 * Exit codes: 0 no error finding; 1 error findings; 2 some input could not be audited (2 wins over 1).
 */
import { auditBytes, tooLargeResult, unreadableResult } from '../lib/audit';
import type { Lang } from '../lib/i18n/messages';
import type { AuditResult } from '../lib/model/schema';
import { textReport } from '../lib/format/text-report';
import { expandInputs, readInput } from './read-input';

const USAGE = `用法 / usage: gouji audit [--json] [--lang zh|en] [--verbose] PATH|URL…
  --json        one JSON array, every finding included (the spec's shape)
  --lang en     messages in English (default: Chinese)
  --verbose     also list info findings`;

interface Options {
  json: boolean;
  lang: Lang;
  verbose: boolean;
  inputs: string[];
}

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'audit') return USAGE;
  const o: Options = { json: false, lang: 'zh', verbose: false, inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--format') {
      const f = rest[++i];
      if (f !== 'json' && f !== 'text') return `unknown --format ${f ?? ''}\n${USAGE}`;
      o.json = f === 'json';
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
  const results: AuditResult[] = [];
  for (const source of await expandInputs(options.inputs)) {
    const result = await auditOne(source, options.lang);
    results.push(result);
    if (!options.json) process.stdout.write(`${textReport(result, { lang: options.lang, verbose: options.verbose })}\n\n`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return exitCode(results);
}
