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
 * Under the ids, a row of the cells' Chinese (or English) labels, as the CLI and the memo name them;
 * `ids: true` (the CLI's --ids) leaves it out for a machine reader.
 *
 * A cell holds its number (a blank stays blank; text that is no number stays as printed). An amount
 * (元, 万元) has its unit in its own column after it, so the number pastes and sums as a number and
 * 42.21 万元 beside 2913705 元 still reads right.
 */
import { cellLabel } from '../format/cell-label';
import { isCountUnit } from '../model/units';
import { t, type Lang } from '../i18n/messages';
import type { AuditResult, Cell } from '../model/schema';
import { FORMAT_IDS, TABLE_IDS, statutoryCells } from '../model/statutory';
import { placedCells, tableFormat } from './layout';
import { guardFormula, numberText, writeDelimited } from './spreadsheet';

export interface WideOptions {
  lang?: Lang;
  /** Only the ids as column names, no label row. */
  ids?: boolean;
}

/** The column after an amount's, holding its unit. */
const UNIT_SUFFIX = '#unit';
const hasAmountUnit = (cell: Cell | undefined) => cell?.unit !== undefined && !isCountUnit(cell.unit);


/** The text of a cell in the wide sheet: its number, else what was printed (—, 不适用), blank blank. */
export function wideCellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.value !== null) return numberText(cell.value);
  return cell.raw;
}

/** The unit of an amount, for the unit column ('' for a count). */
export const wideUnitText = (cell: Cell | undefined): string => (hasAmountUnit(cell) ? cell!.unit! : '');

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
  // An amount somewhere in the batch: a unit column right after that cell's.
  const amounts = new Set(reports.flatMap((r) => Object.entries(r.cells).filter(([, c]) => hasAmountUnit(c)).map(([id, c]) => columnKey(id, c))));
  return keys.flatMap((k) => (amounts.has(k) ? [k, `${k}${UNIT_SUFFIX}`] : [k]));
}

/** The label row's text for a column: the cell's label, or 单位 for a unit column. */
function columnLabelText(key: string, lang: Lang): string {
  if (key.endsWith(UNIT_SUFFIX)) return t('export_col_unit', {}, lang);
  const [id = key, extra] = /^(\S+)(?: \((.*)\))?$/.exec(key)?.slice(1) ?? [];
  return cellLabel(id, lang, extra);
}

const META = ['source', 'agency', 'year', 'format', 'published'] as const;

export function wideRows(results: readonly AuditResult[], options: WideOptions = {}): string[][] {
  const lang = options.lang ?? 'zh';
  const columns = wideColumns(results);
  const header = [...META.map((m) => t(`export_col_${m}`, {}, lang)), ...columns];
  const labels = [...META.map(() => ''), ...columns.map((k) => columnLabelText(k, lang))];
  const rows = results.map((result) => {
    const r = result.report;
    const byKey = new Map<string, Cell>();
    for (const [id, cell] of Object.entries(r?.cells ?? {})) byKey.set(columnKey(id, cell), cell);
    const text = (k: string) => (k.endsWith(UNIT_SUFFIX) ? wideUnitText(byKey.get(k.slice(0, -UNIT_SUFFIX.length))) : wideCellText(byKey.get(k)));
    return [result.source, r?.agency ?? '', numberText(r?.year), r?.format ?? '', r?.published ?? '', ...columns.map(text)];
  });
  return [header, ...(options.ids ? [] : [labels]), ...rows].map((row) => row.map(guardFormula));
}

export function wideCsv(results: readonly AuditResult[], options: WideOptions = {}): string {
  return writeDelimited(wideRows(results, options), { delimiter: ',', bom: true });
}
