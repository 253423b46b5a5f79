/**
 * Wide CSV: one row per report, a column per canonical cell id — the sheet a disclosure office keeps
 * to compile a region's figures, one agency per line. UTF-8 with a BOM.
 *
 * Columns: source, agency, year, format, published, then every statutory cell of the formats the
 * reports use (printed order, table by table), then local extra rows. An extra row's column is named by
 * its id and printed label (`active/20_1.extra.1/made (其他主动公开文件)`), since extra.1 of one agency
 * is not extra.1 of another. A report that could not be read keeps its row (source only), so a missing
 * agency shows as a missing line's blanks, not as a gap.
 *
 * A cell holds its number when it is a count (no unit, or 个 件 项…), so the column sums; otherwise
 * its printed text (42.21万元 beside 2913705元 must not be summed as numbers), and a blank stays blank.
 */
import { isCountUnit } from '../model/units';
import { t, type Lang } from '../i18n/messages';
import type { AuditResult, Cell } from '../model/schema';
import { FORMAT_IDS, TABLE_IDS, statutoryCells } from '../model/statutory';
import { placedCells, tableFormat } from './layout';
import { guardFormula, numberText, writeDelimited } from './spreadsheet';

export interface WideOptions {
  lang?: Lang;
}


/** The text of a cell in the wide sheet. */
export function wideCellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.value !== null && (cell.unit === undefined || isCountUnit(cell.unit))) return numberText(cell.value);
  return cell.raw;
}

const columnKey = (id: string, cell: Cell): string => (cell.label ? `${id} (${cell.label})` : id);

/** Cell columns for these results, in printed order. */
export function wideColumns(results: readonly AuditResult[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  const add = (k: string) => {
    if (!seen.has(k)) {
      seen.add(k);
      keys.push(k);
    }
  };
  const reports = results.flatMap((r) => (r.report ? [r.report] : []));
  const placed = reports.map((r) => placedCells(r));
  for (const table of TABLE_IDS) {
    const formats = new Set(reports.map((r) => tableFormat(r, table)));
    for (const f of FORMAT_IDS) if (formats.has(f)) for (const c of statutoryCells(table, f)) add(c.id);
    for (const cells of placed) for (const c of cells) if (c.table === table) add(columnKey(c.id, c.cell));
  }
  for (const cells of placed) for (const c of cells) add(columnKey(c.id, c.cell));
  return keys;
}

const META = ['source', 'agency', 'year', 'format', 'published'] as const;

export function wideRows(results: readonly AuditResult[], options: WideOptions = {}): string[][] {
  const lang = options.lang ?? 'zh';
  const columns = wideColumns(results);
  const header = [...META.map((m) => t(`export_col_${m}`, {}, lang)), ...columns];
  const rows = results.map((result) => {
    const r = result.report;
    const byKey = new Map<string, Cell>();
    for (const [id, cell] of Object.entries(r?.cells ?? {})) byKey.set(columnKey(id, cell), cell);
    return [result.source, r?.agency ?? '', numberText(r?.year), r?.format ?? '', r?.published ?? '', ...columns.map((k) => wideCellText(byKey.get(k)))];
  });
  return [header, ...rows].map((row) => row.map(guardFormula));
}

export function wideCsv(results: readonly AuditResult[], options: WideOptions = {}): string {
  return writeDelimited(wideRows(results, options), { delimiter: ',', bom: true });
}
