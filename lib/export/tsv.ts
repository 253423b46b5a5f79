/**
 * TSV for Excel and WPS.
 *
 * `tableTsv` / `tablesTsv`: a statutory table laid out as printed (the clipboard's text/plain flavour):
 * labels and values in their printed places, a merged cell's text in its first slot only (what Excel
 * itself does on a merged paste), cells with a tab, line break or quote quoted Excel-style. Values are
 * the printed text (raw), so units and signs read as printed; a blank stays empty.
 *
 * `longTsv`: the long format of csv.ts (one row per cell) with tabs, for the CLI's `--format tsv`.
 */
import type { Lang } from '../i18n/messages';
import type { AuditResult, Report } from '../model/schema';
import { TABLE_IDS, type TableId } from '../model/statutory';
import { longRows, type LongOptions } from './csv';
import { layoutGrid, tableHeading, tableLayout } from './layout';
import { guardFormula, writeDelimited } from './spreadsheet';

export interface TableTsvOptions {
  lang?: Lang;
}

function gridRows(report: Report, table: TableId, lang: Lang): string[][] {
  return layoutGrid(tableLayout(report, table, { lang })).map((row) => row.map(guardFormula));
}

/** One table as printed, no heading: paste it where the table goes. No BOM (the clipboard is text). */
export function tableTsv(report: Report, table: TableId, options: TableTsvOptions = {}): string {
  return writeDelimited(gridRows(report, table, options.lang ?? 'zh'), { delimiter: '\t' });
}

/** Several tables, each under its section heading (二、主动公开政府信息情况), a blank row between. */
export function tablesTsv(report: Report, tables: readonly TableId[] = TABLE_IDS, options: TableTsvOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const rows: string[][] = [];
  tables.forEach((table, i) => {
    if (i > 0) rows.push(['']);
    rows.push([guardFormula(tableHeading(table, lang))], ...gridRows(report, table, lang));
  });
  return writeDelimited(rows, { delimiter: '\t' });
}

/** Long TSV file: one row per cell of every report, with a BOM like the CSV (Excel opens it as UTF-8). */
export function longTsv(results: readonly AuditResult[], options: LongOptions = {}): string {
  return writeDelimited(longRows(results, options), { delimiter: '\t', bom: true });
}
