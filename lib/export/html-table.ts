/**
 * The statutory tables as a clean HTML table — the clipboard's text/html flavour, which Excel and WPS
 * prefer over the TSV: merged header cells keep their rowspan/colspan, nothing from the host page
 * (no styles, classes or scripts) comes along, every text is escaped. An in-cell line break is
 * `<br style="mso-data-placement:same-cell">` (a bare <br> makes Excel start a new row), and a text
 * Excel would read as a formula is marked as text (mso-number-format:'\@') instead of altered.
 * Value cells carry their canonical id in data-cell.
 */
import type { Lang } from '../i18n/messages';
import type { Report } from '../model/schema';
import { TABLE_IDS, type TableId } from '../model/statutory';
import { tableHeading, tableLayout, type LayoutSlot } from './layout';
import { looksLikeFormula } from './spreadsheet';

export interface TableHtmlOptions {
  lang?: Lang;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Escaped text, line breaks kept inside the cell. */
export function cellContent(text: string): string {
  return text.split(/\r\n|\r|\n/).map(escapeHtml).join('<br style="mso-data-placement:same-cell">');
}

function slotHtml(s: LayoutSlot): string {
  const tag = s.kind === 'header' || s.kind === 'heading' ? 'th' : 'td';
  const attrs = [
    s.rowspan > 1 ? ` rowspan="${s.rowspan}"` : '',
    s.colspan > 1 ? ` colspan="${s.colspan}"` : '',
    s.cellId ? ` data-cell="${escapeHtml(s.cellId)}"` : '',
    looksLikeFormula(s.text) ? ` style="mso-number-format:'\\@'"` : '',
  ].join('');
  return `<${tag}${attrs}>${cellContent(s.text)}</${tag}>`;
}

/** One table as printed. */
export function tableHtml(report: Report, table: TableId, options: TableHtmlOptions = {}): string {
  const layout = tableLayout(report, table, { lang: options.lang ?? 'zh' });
  const rows = layout.rows.map((row) => `<tr>${row.map(slotHtml).join('')}</tr>`);
  return `<table border="1" cellspacing="0" data-table="${table}">${rows.join('')}</table>`;
}

/** Several tables, each under its section heading. */
export function tablesHtml(report: Report, tables: readonly TableId[] = TABLE_IDS, options: TableHtmlOptions = {}): string {
  const lang = options.lang ?? 'zh';
  return tables.map((table) => `<p><b>${escapeHtml(tableHeading(table, lang))}</b></p>${tableHtml(report, table, { lang })}`).join('<br>');
}
