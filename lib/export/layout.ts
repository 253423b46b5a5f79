/**
 * The printed layout of statutory tables 二, 三 and 四, rebuilt from a report's cells: label cells,
 * value cells and the merged header cells (rowspan/colspan) where the national format prints them.
 * TSV (tsv.ts) and the HTML table (html-table.ts) are two renderings of this one layout, and the
 * long exports (csv.ts) take each cell's printed row and column labels from it.
 *
 * Every cell of the report that belongs to the table is placed exactly once — statutory rows where the
 * format prints them, a local extra row after the rows of its item (table 二) or at the end of the
 * table (三), and anything else (a row of the other format, an unknown column) in a trailing block
 * under its own header — so an export built from the layout never drops a cell.
 *
 * Pure: no DOM, no Node API; runs in the popup and the CLI.
 */
import { t, type Lang } from '../i18n/messages';
import type { Cell, Report } from '../model/schema';
import { isCountUnit } from '../model/units';
import {
  ACTIVE_ITEMS,
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICATION_COLUMNS,
  APPLICATION_GROUP_NAMES,
  APPLICATION_ROWS,
  applicationRowsPrinted,
  FORMAT_IDS,
  RESULT_GROUP,
  SECTIONS,
  STAND_IN_ROWS,
  TABLE_IDS,
  TABLE_NAMES,
  statutoryCells,
  type ColumnDef,
  type FormatId,
  type RowDef,
  type TableId,
} from '../model/statutory';

export type SlotKind = 'heading' | 'header' | 'label' | 'value';

/** One printed cell of the layout: a label, a header or a value slot, possibly merged. */
export interface LayoutSlot {
  kind: SlotKind;
  text: string;
  rowspan: number;
  colspan: number;
  /** Value slots: the canonical cell id (absent for a statutory cell the page did not print). */
  cellId?: string;
}

/** A report cell with the printed labels it has in the layout. */
export interface PlacedCell {
  id: string;
  cell: Cell;
  rowLabel: string;
  columnLabel: string;
}

export interface TableLayout {
  table: TableId;
  /** The format the table is printed in (read from its cells; a report can mix formats). */
  format: FormatId | null;
  /** Number of grid columns. */
  width: number;
  rows: LayoutSlot[][];
  /** Every cell of the report in this table, in printed order. */
  cells: PlacedCell[];
}

export interface LayoutOptions {
  lang?: Lang;
}

const slot = (kind: SlotKind, text: string, span: Partial<Pick<LayoutSlot, 'rowspan' | 'colspan' | 'cellId'>> = {}): LayoutSlot => ({
  kind,
  text,
  rowspan: span.rowspan ?? 1,
  colspan: span.colspan ?? 1,
  ...(span.cellId !== undefined ? { cellId: span.cellId } : {}),
});

/** The section heading of a table as printed: 三、收到和处理政府信息公开申请情况. */
export function tableHeading(table: TableId, lang: Lang = 'zh'): string {
  return SECTIONS.find((s) => s.id === table)?.heading[lang] ?? TABLE_NAMES[table][lang];
}

/** The cells of one table, keyed by id, in the report's order. */
function tableCells(report: Report, table: TableId): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [id, cell] of Object.entries(report.cells)) if (id.split('/')[0] === table) out.set(id, cell);
  return out;
}

/**
 * The format a table is printed in: the one whose statutory cells the table holds most of (a report
 * can mix a 2021 table 二 with a 2019 table 三), else the report's format.
 */
export function tableFormat(report: Report, table: TableId): FormatId | null {
  const ids = Object.fromEntries(FORMAT_IDS.map((f) => [f, new Set(statutoryCells(table, f).map((c) => c.id))])) as Record<FormatId, Set<string>>;
  // A stand-in row ((六)其他处理 as one row) is printed in both formats' tables: no sign of either.
  const standIns = new Set(FORMAT_IDS.flatMap((f) => STAND_IN_ROWS[f].map((s) => s.row.id)));
  const score = (f: FormatId) => {
    // Cells only this format has weigh most (20_1.rules/issued says 2021).
    let n = 0;
    for (const id of Object.keys(report.cells)) {
      if (standIns.has(id.split('/')[1]!)) n += 1;
      else if (ids[f].has(id)) n += FORMAT_IDS.some((g) => g !== f && ids[g].has(id)) ? 1 : 1000;
    }
    return n;
  };
  const scores = FORMAT_IDS.map((f) => [f, score(f)] as const);
  const top = Math.max(...scores.map(([, n]) => n));
  if (top === 0) return report.format;
  // A tie (a table of shared rows only) is the report's own format.
  return scores.some(([f, n]) => f === report.format && n === top) ? report.format : scores.find(([, n]) => n === top)![0];
}

/** An amount (元, 万元), not a count: pasted as a number, its unit in a column of its own. */
export const isAmount = (cell: Cell | undefined): boolean => cell?.unit !== undefined && !isCountUnit(cell.unit) && cell.value !== null;

/** A value slot's text: what was printed, except an amount, which is its number (the unit beside it). */
function valueText(cell: Cell | undefined): string {
  if (!cell) return '';
  return isAmount(cell) ? String(cell.value) : cell.raw;
}

/** Builds rows and tracks which cells were placed. */
class Builder {
  readonly rows: LayoutSlot[][] = [];
  readonly placed: PlacedCell[] = [];
  private readonly used = new Set<string>();

  constructor(
    readonly table: TableId,
    readonly cells: Map<string, Cell>,
  ) {}

  /** A value slot for cell `id` (blank if the page did not print it), recording its labels. */
  value(id: string, rowLabel: string, columnLabel: string, colspan = 1): LayoutSlot {
    const cell = this.cells.get(id);
    if (cell && !this.used.has(id)) {
      this.used.add(id);
      this.placed.push({ id, cell, rowLabel, columnLabel });
    }
    return slot('value', valueText(cell), { colspan, ...(cell ? { cellId: id } : {}) });
  }

  /** The unit of an amount cell, for the unit column beside it. */
  unit(id: string, colspan = 1): LayoutSlot {
    const cell = this.cells.get(id);
    return slot('label', isAmount(cell) ? cell!.unit! : '', { colspan });
  }

  /** Cells of this table not placed yet, grouped by row id in the report's order. */
  leftoverRows(accept: (rowId: string) => boolean = () => true): Map<string, string[]> {
    const rows = new Map<string, string[]>();
    for (const id of this.cells.keys()) {
      if (this.used.has(id)) continue;
      const [, row = '', column = ''] = id.split('/');
      if (!accept(row)) continue;
      rows.set(row, [...(rows.get(row) ?? []), column]);
    }
    return rows;
  }
}

/**
 * The printed label of an extra or unknown row: its printed label if the page gave one, else the
 * statutory label of a row of the other format (政府集中采购 on a 2021 page), else its id.
 */
function extraRowLabel(b: Builder, rowId: string, columns: string[], lang: Lang = 'zh'): string {
  for (const c of columns) {
    const label = b.cells.get(`${b.table}/${rowId}/${c}`)?.label;
    if (label) return label;
  }
  for (const f of FORMAT_IDS) {
    const rows = b.table === 'active' ? ACTIVE_ITEMS[f].flatMap((i) => i.rows) : b.table === 'applications' ? APPLICATION_ROWS[f] : [];
    const row = rows.find((r) => r.id === rowId);
    if (row) return rowLabelOf(row, lang);
  }
  return rowId;
}

/** A column's label: from the definitions given, else 第N列 for the recogniser's c1…cN, else the id. */
function columnName(columnId: string, defs: readonly ColumnDef[], lang: Lang): string {
  const def = defs.find((d) => d.id === columnId);
  if (def) return def.label[lang];
  const n = /^c(\d+)$/.exec(columnId);
  return n ? t('export_layout_columnN', { n: n[1]! }, lang) : columnId;
}

/** Orders a row's columns: those of the definitions first, in their order, then the rest as found. */
function orderColumns(columns: string[], defs: readonly ColumnDef[]): string[] {
  const known = defs.map((d) => d.id).filter((id) => columns.includes(id));
  return [...known, ...columns.filter((c) => !known.includes(c))];
}

/**
 * Trailing block for cells the format does not print: for each row, a header row of its column labels
 * and the row itself, label in the first `labelWidth` columns.
 */
function leftoverBlock(b: Builder, width: number, labelWidth: number, defs: readonly ColumnDef[], lang: Lang): void {
  for (const [rowId, cols] of b.leftoverRows()) {
    const columns = orderColumns(cols, defs);
    const label = extraRowLabel(b, rowId, columns, lang);
    const span = (i: number) => (i === columns.length - 1 ? Math.max(1, width - labelWidth - columns.length + 1) : 1);
    b.rows.push([slot('header', '', { colspan: labelWidth }), ...columns.map((c, i) => slot('header', columnName(c, defs, lang), { colspan: span(i) }))]);
    b.rows.push([slot('label', label, { colspan: labelWidth }), ...columns.map((c, i) => b.value(`${b.table}/${rowId}/${c}`, label, columnName(c, defs, lang), span(i)))]);
  }
}

function widthNeeded(b: Builder, labelWidth: number, minWidth: number): number {
  let width = minWidth;
  for (const cols of b.leftoverRows().values()) width = Math.max(width, labelWidth + cols.length);
  return width;
}

// ---- Table 二 -----------------------------------------------------------------------------------

function activeLayout(b: Builder, format: FormatId, lang: Lang): number {
  const items = ACTIVE_ITEMS[format];
  const width = widthNeeded(b, 1, 4);
  const allColumns = items.flatMap((i) => i.rows.flatMap((r) => r.columns));
  for (const item of items) {
    const columns = item.rows[0]?.columns ?? [];
    // An item with amounts (采购总金额, 收费金额) gets a 单位 column after its own, when the page gave a unit.
    const amountIds = item.rows.flatMap((r) => r.columns.filter((c) => c.id === 'amount').map((c) => `active/${r.id}/${c.id}`));
    const unitColumn = amountIds.some((id) => isAmount(b.cells.get(id)));
    const extra = unitColumn ? 1 : 0;
    const span = (i: number, n: number) => (i === n - 1 ? width - n - extra : 1);
    b.rows.push([slot('heading', t('export_layout_item', { numeral: item.numeral }, lang), { colspan: width })]);
    b.rows.push([slot('header', t('export_layout_content', {}, lang)), ...columns.map((c, i) => slot('header', c.label[lang], { colspan: span(i, columns.length) })), ...(unitColumn ? [slot('header', t('export_col_unit', {}, lang))] : [])]);
    for (const row of item.rows) {
      const label = row.label[lang];
      const amount = row.columns.find((c) => c.id === 'amount');
      b.rows.push([
        slot('label', label),
        ...row.columns.map((c, i) => b.value(`active/${row.id}/${c.id}`, label, c.label[lang], span(i, row.columns.length))),
        ...(unitColumn ? [b.unit(amount ? `active/${row.id}/${amount.id}` : '')] : []),
      ]);
    }
    // Local extra rows of this item (湖北: 其他主动公开文件 under item (一)), under the item's columns.
    for (const [rowId, cols] of b.leftoverRows((r) => r.startsWith(`${item.id}.`))) {
      if (!cols.every((c) => columns.some((d) => d.id === c))) continue;
      const label = extraRowLabel(b, rowId, cols, lang);
      b.rows.push([slot('label', label), ...columns.map((c, i) => b.value(`active/${rowId}/${c.id}`, label, c.label[lang], span(i, columns.length)))]);
    }
  }
  leftoverBlock(b, width, 1, allColumns, lang);
  return width;
}

// ---- Table 三 -----------------------------------------------------------------------------------


function applicationsLayout(b: Builder, format: FormatId, lang: Lang): number {
  const cols = APPLICATION_COLUMNS;
  const width = 3 + cols.length;
  // 自然人 and 总计 stand alone; the organisations sit under their parent header (法人或其他组织).
  const orgs = cols.filter((c) => c.parent);
  const [natural, total] = [cols[0]!, cols[cols.length - 1]!];
  b.rows.push([slot('header', t('export_layout_balanceNote', {}, lang), { rowspan: 3, colspan: 3 }), slot('header', t('export_layout_applicant', {}, lang), { colspan: cols.length })]);
  b.rows.push([slot('header', natural.label[lang], { rowspan: 2 }), slot('header', orgs[0]!.parent![lang], { colspan: orgs.length }), slot('header', total.label[lang], { rowspan: 2 })]);
  b.rows.push(orgs.map((c) => slot('header', c.label[lang])));

  // Rows as the page printed them: (六)其他处理 as one row stands in place of its items (STAND_IN_ROWS).
  const printedRows = new Set([...b.cells.keys()].filter((id) => id.startsWith('applications/')).map((id) => id.split('/')[1]!));
  const { rows } = applicationRowsPrinted(format, (rowId) => printedRows.has(rowId));
  const inResult = (r: RowDef) => r.group !== undefined;
  const resultCount = rows.filter(inResult).length;
  const groupSize = (g: string) => rows.filter((r) => r.group === g).length;
  const groupName = (g: string) => APPLICATION_GROUP_NAMES[g]?.[lang] ?? g;
  const values = (rowId: string, label: string) => cols.map((c) => b.value(`applications/${rowId}/${c.id}`, label, columnLabelOf(c, lang)));
  let seenResult = false;
  let lastGroup: string | undefined;
  for (const row of rows) {
    const label = row.label[lang];
    const printed = rowLabelOf(row, lang);
    if (!inResult(row)) {
      b.rows.push([slot('label', label, { colspan: 3 }), ...values(row.id, printed)]);
      continue;
    }
    const lead: LayoutSlot[] = [];
    if (!seenResult) {
      lead.push(slot('label', groupName(RESULT_GROUP), { rowspan: resultCount }));
      seenResult = true;
    }
    if (row.group === RESULT_GROUP) lead.push(slot('label', label, { colspan: 2 }));
    else {
      if (row.group !== lastGroup) lead.push(slot('label', groupName(row.group!), { rowspan: groupSize(row.group!) }));
      lead.push(slot('label', label));
    }
    lastGroup = row.group;
    b.rows.push([...lead, ...values(row.id, printed)]);
  }
  // Local extra rows (the recogniser names them applications/extra.N/<column>).
  for (const [rowId, found] of b.leftoverRows((r) => r.startsWith('extra.'))) {
    if (!found.every((c) => cols.some((d) => d.id === c))) continue;
    const label = extraRowLabel(b, rowId, found, lang);
    b.rows.push([slot('label', label, { colspan: 3 }), ...values(rowId, label)]);
  }
  leftoverBlock(b, width, 3, cols, lang);
  return width;
}

/** A row's printed label with its group, as a reviewer names it: (三)不予公开 1.属于国家秘密. */
function rowLabelOf(row: RowDef, lang: Lang): string {
  const own = row.label[lang];
  if (!row.group || row.group === RESULT_GROUP) return own;
  const group = APPLICATION_GROUP_NAMES[row.group]?.[lang] ?? row.group;
  return lang === 'zh' ? `${group} ${own}` : `${group}: ${own}`;
}

/** 商业企业 is printed under 法人或其他组织; the long exports name the column with its parent. */
function columnLabelOf(c: ColumnDef, lang: Lang): string {
  return c.parent ? `${c.parent[lang]}·${c.label[lang]}` : c.label[lang];
}

// ---- Table 四 -----------------------------------------------------------------------------------

function appealsLayout(b: Builder, lang: Lang): number {
  const outcomes = APPEAL_OUTCOMES.length;
  const width = APPEAL_COLUMNS.length;
  const [review, ...suits] = APPEAL_GROUPS;
  const subgroup = (g: (typeof APPEAL_GROUPS)[number]) => (lang === 'zh' ? (g.label.zh.split('·').pop() ?? g.label.zh) : g.label.en);
  b.rows.push([slot('header', review!.label[lang], { colspan: outcomes }), slot('header', t('export_layout_suit', {}, lang), { colspan: outcomes * suits.length })]);
  b.rows.push([...APPEAL_OUTCOMES.map((o) => slot('header', o.label[lang], { rowspan: 2 })), ...suits.map((g) => slot('header', subgroup(g), { colspan: outcomes }))]);
  b.rows.push(suits.flatMap(() => APPEAL_OUTCOMES.map((o) => slot('header', o.label[lang]))));
  b.rows.push(
    APPEAL_GROUPS.flatMap((g) =>
      APPEAL_OUTCOMES.map((o) => b.value(`appeals/counts/${g.id}.${o.id}`, lang === 'zh' ? g.label.zh : g.label.en, o.label[lang])),
    ),
  );
  // Anything else (no known page prints more than the one row): a trailing block.
  const w = widthNeeded(b, 1, width);
  leftoverBlock(b, w, 1, APPEAL_COLUMNS, lang);
  return w;
}

// ---- Entry points -------------------------------------------------------------------------------

/** The printed layout of one table of a report, with every cell of the report in that table. */
export function tableLayout(report: Report, table: TableId, options: LayoutOptions = {}): TableLayout {
  const lang = options.lang ?? 'zh';
  const b = new Builder(table, tableCells(report, table));
  const format = tableFormat(report, table);
  let width: number;
  if (table === 'appeals') width = appealsLayout(b, lang);
  else if (format === null) {
    // A pre-2019 report (format not modelled): only whatever cells there are, each under its header.
    width = widthNeeded(b, 1, 2);
    leftoverBlock(b, width, 1, [], lang);
  } else width = table === 'active' ? activeLayout(b, format, lang) : applicationsLayout(b, format, lang);
  return { table, format, width, rows: b.rows, cells: b.placed };
}

/** True when the report has at least one cell in the table. */
export function hasTable(report: Report | null, table: TableId): boolean {
  return !!report && Object.keys(report.cells).some((id) => id.split('/')[0] === table);
}

/**
 * Every cell of a report with its printed labels: tables 二 三 四 in printed order, then any cell whose
 * id names no statutory table (none today; kept so that nothing can be dropped).
 */
export function placedCells(report: Report, options: LayoutOptions = {}): (PlacedCell & { table: string })[] {
  const out: (PlacedCell & { table: string })[] = [];
  for (const table of TABLE_IDS) for (const c of tableLayout(report, table, options).cells) out.push({ ...c, table });
  const seen = new Set(out.map((c) => c.id));
  for (const [id, cell] of Object.entries(report.cells)) {
    if (seen.has(id)) continue;
    const [table = '', row = '', column = ''] = id.split('/');
    out.push({ id, cell, table, rowLabel: cell.label ?? row, columnLabel: column });
  }
  return out;
}

/**
 * The layout as a rectangular grid (the WHATWG table model, simplified: the layout never overlaps):
 * a merged cell's text in its first (top-left) slot, the slots it covers empty.
 */
export function layoutGrid(layout: TableLayout): string[][] {
  const grid: (string | undefined)[][] = layout.rows.map(() => new Array<string | undefined>(layout.width).fill(undefined));
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const s of row) {
      while (c < layout.width && grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < s.rowspan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < s.colspan && c + dc < layout.width; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? s.text : '';
      }
      c += s.colspan;
    }
  });
  return grid.map((row) => row.map((s) => s ?? ''));
}
