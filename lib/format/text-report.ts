/** The CLI's human-readable output: a header per input, then one line per finding with its cells and numbers. */
import { t, type Lang } from '../i18n/messages';
import { findingNumbers } from './finding-numbers';
import type { AuditResult } from '../model/schema';

export interface TextReportOptions {
  lang: Lang;
  verbose: boolean;
}

const MARK = { error: '✖', warning: '▲', info: '·' } as const;

export function textReport(result: AuditResult, opts: TextReportOptions): string {
  const { lang } = opts;
  const out: string[] = [`== ${result.source}`];
  const r = result.report;
  if (r) {
    const unknown = t('cli_unknown', {}, lang);
    out.push(
      [
        `${t('cli_agency', {}, lang)}: ${r.agency ?? unknown}`,
        `${t('cli_year', {}, lang)}: ${r.year ?? unknown}`,
        `${t('cli_format', {}, lang)}: ${r.format ? t('cli_formatName', { format: r.format }, lang) : unknown}`,
        `${t('cli_published', {}, lang)}: ${r.published ?? unknown}`,
      ].join('  '),
    );
  }
  const shown = result.findings.filter((f) => opts.verbose || f.severity !== 'info');
  for (const f of shown) {
    const worded = findingNumbers(f, (key, params) => t(key, params, lang));
    const numbers = worded ? ` [${worded}]` : '';
    out.push(`  ${MARK[f.severity]} ${t(`severity_${f.severity}`, {}, lang)} ${f.rule}: ${f.message}${numbers}`);
    if (opts.verbose && f.stack) out.push(...f.stack.split('\n').map((line) => `      ${line.trim()}`));
  }
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  if (result.findings.length === 0) out.push(`  ${t('cli_noFindings', {}, lang)}`);
  else out.push(`  ${t('cli_summary', { errors: count('error'), warnings: count('warning'), infos: count('info') }, lang)}`);
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) out.push(`  ${t('cli_infoHidden', { count: hidden }, lang)}`);
  return out.join('\n');
}
