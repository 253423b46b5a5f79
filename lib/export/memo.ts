/**
 * The audit memo (审核意见): for each report, the agency and year, then each finding — its message, the
 * cells it is about named by their printed labels with the values printed there, and its numbers
 * (expected / as printed). Chinese by default; `lang: 'en'` for English labels. The findings' messages
 * are in the language the audit ran in (the CLI uses the same --lang for both).
 *
 * Errors and warnings are listed; info findings (label variants, extra rows kept) are counted, and
 * listed with `includeInfo`.
 */
import { t, type Lang } from '../i18n/messages';
import { cellLabel, tableName } from '../format/cell-label';
import { findingNumbers } from '../format/finding-numbers';
import type { AuditResult, Finding, Report, Severity } from '../model/schema';
import { placedCells } from './layout';
import { numberText } from './spreadsheet';

export interface MemoOptions {
  lang?: Lang;
  includeInfo?: boolean;
}

/** Printed names of a report's cells: 表三“(七)总计”×“自然人”. */
function cellNames(report: Report | null, lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  if (!report) return names;
  for (const c of placedCells(report, { lang })) {
    names.set(c.id, t('cli_tableCell', { table: tableName(c.table, lang), row: c.rowLabel, column: c.columnLabel }, lang));
  }
  return names;
}

/** A cell with what the page printed there. */
function describeCell(id: string, report: Report | null, names: Map<string, string>, lang: Lang): string {
  const cell = report?.cells[id];
  const name = names.get(id) ?? cellLabel(id, lang);
  if (!cell) return `${name} ${t('export_memo_absent', {}, lang)}`;
  let shown: string;
  if (cell.raw.trim() !== '') shown = cell.raw;
  else if (cell.implied !== undefined) shown = t('export_memo_blankImplied', { implied: numberText(cell.implied) }, lang);
  else shown = t('export_memo_blank', {}, lang);
  return `${name} = ${shown}`;
}

function findingLines(f: Finding, n: number, report: Report | null, names: Map<string, string>, lang: Lang): string[] {
  const indent = '   ';
  const lines = [`${n}. ${f.message}`];
  if (f.quote) lines.push(`${indent}${t('export_memo_quote', { quote: f.quote }, lang)}`);
  if (f.cells.length) lines.push(`${indent}${t('export_memo_cells', { cells: f.cells.map((id) => describeCell(id, report, names, lang)).join(t('export_memo_separator', {}, lang)) }, lang)}`);
  const numbers = findingNumbers(f, (key, params) => t(key, params, lang), numberText);
  if (numbers) lines.push(`${indent}${numbers}`);
  if (f.deadline) lines.push(`${indent}${t('export_memo_deadline', { deadline: f.deadline }, lang)}`);
  if (f.previous) lines.push(`${indent}${t('export_memo_previous', { source: f.previous.source, cells: f.previous.cells.map((id) => cellLabel(id, lang)).join(t('export_memo_separator', {}, lang)) }, lang)}`);
  return lines;
}

/** The memo of one report. */
export function reportMemo(result: AuditResult, options: MemoOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const r = result.report;
  const unknown = t('cli_unknown', {}, lang);
  const colon = lang === 'zh' ? '：' : ': ';
  const out: string[] = [
    t('export_memo_title', { agency: r?.agency ?? t('export_memo_unknownAgency', {}, lang), year: r?.year ?? unknown }, lang),
    t('export_memo_source', { source: result.source }, lang),
  ];
  if (r) {
    out.push(
      [
        `${t('cli_year', {}, lang)}${colon}${r.year ?? unknown}`,
        `${t('cli_format', {}, lang)}${colon}${r.format ? t('cli_formatName', { format: r.format }, lang) : unknown}`,
        `${t('cli_published', {}, lang)}${colon}${r.published ?? unknown}`,
      ].join(lang === 'zh' ? '　' : '  '),
    );
  } else out.push(t('export_memo_unaudited', {}, lang));

  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const shownSeverities: Severity[] = options.includeInfo ? ['error', 'warning', 'info'] : ['error', 'warning'];
  const summary = t('export_memo_summary', { errors: count('error'), warnings: count('warning') }, lang);
  const hiddenInfo = options.includeInfo ? 0 : count('info');
  out.push(hiddenInfo ? `${summary}${t('export_memo_infoOmitted', { count: hiddenInfo }, lang)}` : summary);

  const names = cellNames(r, lang);
  for (const severity of shownSeverities) {
    const findings = result.findings.filter((f) => f.severity === severity);
    if (!findings.length) continue;
    out.push('', t('export_memo_section', { severity: t(`severity_${severity}`, {}, lang), count: findings.length }, lang));
    findings.forEach((f, i) => out.push(...findingLines(f, i + 1, r, names, lang)));
  }
  return out.join('\n');
}

/** The memo of several reports, one after another. Ends with a newline. */
export function memo(results: readonly AuditResult[], options: MemoOptions = {}): string {
  return `${results.map((r) => reportMemo(r, options)).join('\n\n————————————————\n\n')}\n`;
}
