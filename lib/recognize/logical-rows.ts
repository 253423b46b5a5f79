/**
 * Physical table rows → logical rows (labels followed by values), whatever the page did to them.
 * Rows of all tables are read in document order, so a table split in two, one table per article item
 * or a report nested in a layout table read as one sequence. A row's own cells (not those spanning
 * into it from above) are its tokens. In a row whose boundaries are reliable (HTML, ` | ` dumps) the
 * leading text cells are labels and everything after the first number or blank is a value; a row of
 * values alone continues the label-only row before it. In a streamed table (one cell a line) a label
 * after values starts the next logical row.
 */
import { buildGrid, MAX_GRID_SLOTS } from '../extract/grid';
import type { PageDoc, RawCell } from '../extract/page';
import { LABEL_NUMBERING } from '../model/statutory';
import { parseCellValue, type CellValue } from './numbers';

/** A 序号 cell: 1, 1., (1). */
const SERIAL = /^\(?\d{1,2}\)?[.、]?$/;
/**
 * A cell holding only a label's numbering (1. (1) 一、), the label's first part when text follows it; a bare
 * 1 (① after NFKC) only after another label cell, where a value cannot stand before text.
 */
const NUMBERING_ONLY = new RegExp(`^(?:${LABEL_NUMBERING.filter((n) => !n.includes('(?=')).join('|')})$`);
const BARE_NUMBERING = /^\d{1,2}$/;

export interface Token {
  cell: RawCell;
  text: string;
  parsed: CellValue;
  /** Grid column of the cell, and the table it sits in: to place values when a row has too few. */
  x: number;
  table: number;
}

export interface LogicalRow {
  labels: Token[];
  values: Token[];
  /** Values came from one physical row whose boundaries are reliable. */
  hard: boolean;
}

export function logicalRows(page: PageDoc): LogicalRow[] {
  const physical: { order: number; tokens: Token[]; streamed: boolean }[] = [];
  for (const table of page.tables) {
    const grid = buildGrid(table, page.mode);
    if (grid.tooLarge) page.limits.truncated.push(`table ${table.index}: spans beyond ${MAX_GRID_SLOTS} slots, later cells placed one after another`);
    grid.rows.forEach((placed, r) => {
      const tokens = placed.map((p) => ({ cell: p.cell, text: p.cell.text, parsed: parseCellValue(p.cell.text), x: p.x, table: table.index }));
      physical.push({ order: table.rows[r]!.order, tokens, streamed: table.streamed === true });
    });
  }
  physical.sort((a, b) => a.order - b.order);

  const out: LogicalRow[] = [];
  let current: LogicalRow | null = null;
  for (const row of physical) {
    if (row.streamed) {
      if (current?.hard) current = null;
      for (const token of row.tokens) {
        const kind = token.parsed.kind;
        if (kind === 'text') {
          if (current && current.values.length === 0 && !current.hard) current.labels.push(token);
          else out.push((current = { labels: [token], values: [], hard: false }));
        } else if (current && (kind === 'number' || current.labels.length > 0 || current.values.length > 0)) {
          current.values.push(token);
        } else if (kind === 'number') {
          out.push((current = { labels: [], values: [token], hard: false }));
        }
      }
      continue;
    }
    let tokens = row.tokens;
    // A 序号 column (1, 2, 3 … before each label) is not a value.
    if (tokens.length > 2 && tokens[0]!.parsed.kind === 'number' && tokens[1]!.parsed.kind === 'text' && SERIAL.test(tokens[0]!.text)) tokens = tokens.slice(1);
    let start = 0;
    const hasLabel = tokens.some((t) => t.parsed.kind === 'text');
    // Spacer cells before the first label (an empty first column under a rowspan) are not values.
    if (hasLabel) while (start < tokens.length && tokens[start]!.parsed.kind === 'blank') start++;
    let split = start;
    const labelPart = (i: number) => {
      if (tokens[i]!.parsed.kind === 'text') return true;
      if (tokens[i + 1]?.parsed.kind !== 'text') return false;
      const t = tokens[i]!.text.replace(/\s+/g, '');
      return NUMBERING_ONLY.test(t) || (i > start && BARE_NUMBERING.test(t));
    };
    while (split < tokens.length && labelPart(split)) split++;
    const labels = tokens.slice(start, split);
    const values = tokens.slice(split);
    if (labels.length === 0 && values.length === 0) {
      current = null;
      continue;
    }
    if (labels.length === 0 && current && current.hard && current.values.length === 0 && current.labels.length > 0) {
      current.values.push(...values);
      continue;
    }
    out.push((current = { labels, values, hard: true }));
  }
  return out;
}
