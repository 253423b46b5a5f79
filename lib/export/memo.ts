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
import { cellLabel, cellRowLabel, rowsList, tableName } from '../format/cell-label';
import { findingNumbers } from '../format/finding-numbers';
import { namedTerms } from '../format/relation-terms';
import type { AuditResult, Finding, Report, Severity } from '../model/schema';
import { ruleMeta } from '../rules/catalogue';
import { splitCellId, TABLE_IDS, type TableId } from '../model/statutory';
import { numberText } from './spreadsheet';

export interface MemoOptions {
  lang?: Lang;
  includeInfo?: boolean;
}

/** More blanks than this in one table are one sentence (the count and the rows), not a list. */
const BLANKS_LISTED = 4;

const isBlank = (report: Report | null, id: string) => report?.cells[id]?.raw.trim() === '';

/** A cell with what the page printed there, named as everywhere else (lib/format/cell-label). */
export function describeCell(id: string, report: Report | null, lang: Lang): string {
  const cell = report?.cells[id];
  const name = cellLabel(id, lang, cell?.label);
  if (!cell) return `${name} ${t('export_memo_absent', {}, lang)}`;
  let shown: string;
  if (cell.raw.trim() !== '') shown = cell.raw;
  else if (cell.implied !== undefined) shown = t('export_memo_blankImplied', { implied: numberText(cell.implied) }, lang);
  else shown = t('export_memo_blank', {}, lang);
  return `${name} = ${shown}`;
}

/** Many blanks of one table: 表三有 130 个空白单元格（按勾稽关系均应为 0），在以下各行：…. */
function blanksSentence(table: string, ids: string[], report: Report | null, lang: Lang): string {
  const labelOf = (id: string) => report?.cells[id]?.label;
  const implied = new Set(ids.map((id) => report?.cells[id]?.implied));
  const value = implied.size === 1 ? [...implied][0] : undefined;
  const key = value !== undefined ? 'export_memo_blanksImplied' : 'export_memo_blanks';
  const rowCount = new Set(ids.map((id) => cellRowLabel(id, lang, labelOf(id)))).size;
  return t(key, { table: tableName(table, lang), count: ids.length, implied: value !== undefined ? numberText(value) : '', rowCount, rows: rowsList(ids, lang, labelOf) }, lang);
}

/** The cells a finding is about, short: figures named, zero terms counted, many blanks summed up per table. */
function describeCells(f: Finding, report: Report | null, lang: Lang): string {
  const sep = t('export_memo_separator', {}, lang);
  const blanks = f.cells.filter((id) => isBlank(report, id));
  const parts: string[] = [];
  const summed = new Set<string>();
  if (blanks.length > BLANKS_LISTED) {
    const byTable = new Map<string, string[]>();
    for (const id of blanks) byTable.set(splitCellId(id).table, [...(byTable.get(splitCellId(id).table) ?? []), id]);
    for (const [table, ids] of byTable) {
      if (ids.length <= BLANKS_LISTED) continue;
      parts.push(blanksSentence(table, ids, report, lang));
      ids.forEach((id) => summed.add(id));
    }
  }
  const { named, zeros } = namedTerms(f, report, summed);
  const listed = named.map((id) => describeCell(id, report, lang));
  if (listed.length) parts.unshift(listed.join(sep));
  if (zeros) parts.push(t('export_memo_zeros', { count: zeros }, lang));
  return parts.join(sep);
}

/** A finding as memo lines: `n. message`, then indented lines (quote, cells with their values, numbers…). */
export function findingLines(f: Finding, n: number, report: Report | null, lang: Lang): string[] {
  const indent = '   ';
  const lines = [`${n}. ${f.message}`];
  // Most messages already quote the sentence: the quote is said once.
  if (f.quote && !f.message.includes(f.quote)) lines.push(`${indent}${t('export_memo_quote', { quote: f.quote }, lang)}`);
  const grouped = f.rule === 'cell.missing' && f.cells.length > BLANKS_LISTED;
  if (f.cells.length && !grouped) lines.push(`${indent}${t('export_memo_cells', { cells: describeCells(f, report, lang) }, lang)}`);
  const numbers = findingNumbers(f, (key, params) => t(key, params, lang), numberText);
  if (numbers) lines.push(`${indent}${numbers}`);
  if (f.deadline) lines.push(`${indent}${t('export_memo_deadline', { deadline: f.deadline }, lang)}`);
  if (f.previous) lines.push(`${indent}${t('export_memo_previous', { source: f.previous.source, cells: f.previous.cells.map((id) => cellLabel(id, lang)).join(t('export_memo_separator', {}, lang)) }, lang)}`);
  return lines;
}

/** The opening lines of a report's memo: title, source, year/format/published, the counts. */
export function memoHeading(result: AuditResult, options: MemoOptions = {}): string[] {
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
  const summary = t('export_memo_summary', { errors: count('error'), warnings: count('warning') }, lang);
  const hiddenInfo = options.includeInfo ? 0 : count('info');
  out.push(hiddenInfo ? `${summary}${t('export_memo_infoOmitted', { count: hiddenInfo }, lang)}` : summary);
  return out;
}

/** The severities a memo lists: errors and warnings, info too with `includeInfo`. */
export const memoSeverities = (options: MemoOptions = {}): Severity[] => (options.includeInfo ? ['error', 'warning', 'info'] : ['error', 'warning']);

/** The statutory table a finding is about (its first cell's), null for findings about text or metadata. */
export function findingTable(f: Finding): TableId | null {
  // A rule about one table (the catalogue's `tables`) belongs there; a rule about any table, by its first cell.
  const declared = ruleMeta(f.rule)?.tables ?? [];
  if (declared.length === 1) return declared[0]!;
  const table = f.cells.length ? splitCellId(f.cells[0]!).table : null;
  return table && (TABLE_IDS as readonly string[]).includes(table) ? table : null;
}

/** The listed findings by table (表二, 三, 四, then the rest), worst first within each; empty groups left out. */
export function groupByTable(findings: readonly Finding[], options: MemoOptions = {}): { table: TableId | null; findings: Finding[] }[] {
  const severities = memoSeverities(options);
  const listed = findings.filter((f) => severities.includes(f.severity)).sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity));
  return [...TABLE_IDS, null].map((table) => ({ table, findings: listed.filter((f) => findingTable(f) === table) })).filter((g) => g.findings.length > 0);
}

/** The memo of one report. */
export function reportMemo(result: AuditResult, options: MemoOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const r = result.report;
  const out = memoHeading(result, options);
  for (const severity of memoSeverities(options)) {
    const findings = result.findings.filter((f) => f.severity === severity);
    if (!findings.length) continue;
    out.push('', t('export_memo_section', { severity: t(`severity_${severity}`, {}, lang), count: findings.length }, lang));
    findings.forEach((f, i) => out.push(...findingLines(f, i + 1, r, lang)));
  }
  return out.join('\n');
}

/** The memo of several reports, one after another. Ends with a newline. */
export function memo(results: readonly AuditResult[], options: MemoOptions = {}): string {
  return `${results.map((r) => reportMemo(r, options)).join('\n\n————————————————\n\n')}\n`;
}
