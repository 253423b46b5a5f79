/**
 * Long CSV: one row per cell, for any number of reports — source, agency, year, table, printed row
 * label, printed column label, canonical cell id, raw text, value, unit, implied value, and the
 * findings that flag the cell (the worst severity; each rule by name and id). The shape a
 * pivot table wants (行: 机关, 列: 列, 值: 数值). UTF-8 with a BOM for Excel/WPS on Chinese Windows.
 *
 * Blanks stay blank (value empty, never 0); raw keeps units and signs as printed (-5项, 42.21万元);
 * value is the number as printed (decimals and sign kept). Formula-like text is guarded (spreadsheet.ts).
 */
import { t, type Lang } from '../i18n/messages';
import type { AuditResult, Finding, Severity } from '../model/schema';
import { cellRowLabel, columnLabel, tableName } from '../format/cell-label';
import { splitCellId } from '../model/statutory';
import { placedCells } from './layout';
import { guardFormula, numberText, writeDelimited } from './spreadsheet';

export const LONG_COLUMNS = ['source', 'agency', 'year', 'table', 'row', 'column', 'cellId', 'raw', 'value', 'unit', 'implied', 'severity', 'rules'] as const;
export type LongColumn = (typeof LONG_COLUMNS)[number];

export interface LongOptions {
  lang?: Lang;
}

/** The header row, in the chosen language (来源, 机关, 年度, 表, 行, 列, 单元格编号, 原文, 数值, 单位, 推定值). */
export function longHeader(lang: Lang = 'zh'): string[] {
  return LONG_COLUMNS.map((c) => t(`export_col_${c}`, {}, lang));
}

/** The column part of a cell's label (表四: the outcome, its group being the row). */
function columnWords(id: string, lang: Lang): string {
  const { table, row, column } = splitCellId(id);
  const label = columnLabel(table, row, column, lang);
  return table === 'appeals' ? (label.split('·').pop() ?? label) : label;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** The rule's name and id: 各申请人之和与总计（applications.row-total）. */
export function ruleNamed(rule: string, lang: Lang): string {
  const key = `ui_rule_${rule.replace(/[.-]/g, '_')}`;
  const name = t(key, {}, lang);
  return name === key ? rule : t('export_ruleNamed', { name, rule }, lang);
}

/** Per cell id: the findings that name it. */
function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) for (const id of f.cells) out.set(id, [...(out.get(id) ?? []), f]);
  return out;
}

/** The severity and rules columns of a cell: the worst severity, each rule once. */
export function flagColumns(findings: readonly Finding[] | undefined, lang: Lang): { severity: string; rules: string } {
  if (!findings?.length) return { severity: '', rules: '' };
  const worst = SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s))!;
  const rules = [...new Set(findings.map((f) => f.rule))].map((r) => ruleNamed(r, lang));
  return { severity: t(`severity_${worst}`, {}, lang), rules: rules.join(lang === 'zh' ? '；' : '; ') };
}

/** One record per cell of every report (a result with no report has no cells, so no rows). */
export function longRecords(results: readonly AuditResult[], options: LongOptions = {}): Record<LongColumn, string>[] {
  const lang = options.lang ?? 'zh';
  const out: Record<LongColumn, string>[] = [];
  for (const result of results) {
    const report = result.report;
    if (!report) continue;
    const flagged = findingsByCell(result.findings);
    for (const c of placedCells(report, { lang })) {
      out.push({
        source: result.source,
        agency: report.agency ?? '',
        year: numberText(report.year),
        table: tableName(c.table, lang),
        // Row and column in the words every other output names the cell with (lib/format/cell-label).
        row: cellRowLabel(c.id, lang, c.cell.label),
        column: columnWords(c.id, lang),
        cellId: c.id,
        raw: c.cell.raw,
        value: numberText(c.cell.value),
        unit: c.cell.unit ?? '',
        implied: numberText(c.cell.implied),
        ...flagColumns(flagged.get(c.id), lang),
      });
    }
  }
  return out;
}

/** Header + records as rows of guarded text. */
export function longRows(results: readonly AuditResult[], options: LongOptions = {}): string[][] {
  const rows = [longHeader(options.lang), ...longRecords(results, options).map((r) => LONG_COLUMNS.map((c) => r[c]))];
  return rows.map((r) => r.map(guardFormula));
}

/** The long CSV file: BOM, header, one row per cell, CRLF. */
export function longCsv(results: readonly AuditResult[], options: LongOptions = {}): string {
  return writeDelimited(longRows(results, options), { delimiter: ',', bom: true });
}
