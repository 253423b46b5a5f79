/** Cells named by their printed labels: 表三“一、本年新收政府信息公开申请数量”×“自然人”. */
import { t, type Lang } from '../i18n/messages';
import {
  ACTIVE_ITEMS,
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICATION_COLUMNS,
  APPLICATION_GROUP_NAMES,
  APPLICATION_ROWS,
  FORMAT_IDS,
  RESULT_GROUP,
  TABLE_NAMES,
  rowDisplayLabel,
  splitCellId,
  type RowDef,
} from '../model/statutory';

/** The row definition, from the format whose row has this column (规章 has made/published/total in 2019, issued/… in 2021). */
function findRow(table: string, rowId: string, columnId?: string): RowDef | undefined {
  let found: RowDef | undefined;
  for (const f of FORMAT_IDS) {
    const rows = table === 'active' ? ACTIVE_ITEMS[f].flatMap((i) => i.rows) : table === 'applications' ? APPLICATION_ROWS[f] : [];
    const row = rows.find((r) => r.id === rowId);
    if (row && (!columnId || row.columns.some((c) => c.id === columnId))) return row;
    found ??= row;
  }
  return found;
}

/** A local row of table 二 (20_1.extra.1) is named by its item's columns (本年新制作数量). */
function itemColumn(rowId: string, columnId: string) {
  const item = rowId.split('.')[0];
  const columns = FORMAT_IDS.flatMap((f) => ACTIVE_ITEMS[f].filter((i) => i.id === item).flatMap((i) => i.rows.flatMap((r) => r.columns)));
  return columns.find((c) => c.id === columnId);
}

export function rowLabel(table: string, rowId: string, lang: Lang, extraLabel?: string, columnId?: string): string {
  const row = findRow(table, rowId, columnId);
  return row ? rowDisplayLabel(row, lang) : (extraLabel ?? rowId);
}

export function columnLabel(table: string, rowId: string, columnId: string, lang: Lang): string {
  if (table === 'appeals') {
    const [g, o] = columnId.split('.');
    const group = APPEAL_GROUPS.find((x) => x.id === g);
    const outcome = APPEAL_OUTCOMES.find((x) => x.id === o);
    return group && outcome ? `${group.label[lang]}·${outcome.label[lang]}` : columnId;
  }
  const row = findRow(table, rowId, columnId);
  const col = row?.columns.find((c) => c.id === columnId) ?? (table === 'active' ? itemColumn(rowId, columnId) : APPLICATION_COLUMNS.find((c) => c.id === columnId));
  if (!col) return columnId;
  const label = col.label[lang];
  return lang === 'zh' ? label.replace(/[（(].*$/, '') : label;
}

export function tableName(table: string, lang: Lang): string {
  return TABLE_NAMES[table as keyof typeof TABLE_NAMES]?.[lang] ?? table;
}

/** Full name of a cell for a message or a CLI line. */
export function cellLabel(id: string, lang: Lang, extraLabel?: string): string {
  const { table, row, column } = splitCellId(id);
  const col = columnLabel(table, row, column, lang);
  if (table === 'appeals') return t('cli_tableRow', { table: tableName(table, lang), row: col }, lang);
  return t('cli_tableCell', { table: tableName(table, lang), row: rowLabel(table, row, lang, extraLabel, column), column: col }, lang);
}

/** The short name of a term in an equation: what varies between the terms (a column or a row). */
export function termLabel(id: string, varies: 'row' | 'column', lang: Lang): string {
  const { table, row, column } = splitCellId(id);
  if (varies === 'column' || table === 'appeals') {
    const label = columnLabel(table, row, column, lang);
    return table === 'appeals' ? (label.split('·').pop() ?? label) : label;
  }
  const def = findRow(table, row);
  if (!def) return row;
  if (lang === 'en') return def.label.en;
  const own = def.label.zh.replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)/, '').replace(/\(.*$/, '');
  const group = def.group && def.group !== RESULT_GROUP ? APPLICATION_GROUP_NAMES[def.group]?.zh.replace(/^\([一二三四五六七八九十]+\)/, '') : undefined;
  return group ? `${group}·${own}` : own;
}

/** The row a cell is in, as a reader finds it (表四: its appeal group). */
export function cellRowLabel(id: string, lang: Lang, extraLabel?: string): string {
  const { table, row, column } = splitCellId(id);
  if (table === 'appeals') return columnLabel(table, row, column, lang).split('·').slice(0, -1).join('·');
  return rowLabel(table, row, lang, extraLabel, column);
}

/** The rows these cells are in, each once, quoted, the first `max` named: “一、…”、“二、…” 等 3 行. */
export function rowsList(ids: readonly string[], lang: Lang, labelOf: (id: string) => string | undefined = () => undefined, max = 8): string {
  const rows = [...new Set(ids.map((id) => cellRowLabel(id, lang, labelOf(id))))].map((r) => `“${r}”`);
  const head = rows.slice(0, max).join(lang === 'zh' ? '、' : ', ');
  const more = rows.length - max;
  return more > 0 ? t('cli_rowsMore', { rows: head, count: more }, lang) : head;
}
