/**
 * PDF pages → the neutral PageDoc. Each ruled table's cells become a RawTable (rowspan/colspan
 * counted on the grid of its distinct rule positions); characters are placed in the cell that holds
 * their centre, so digits centred in wide cells and labels wrapped over lines or printed one character
 * a line read as one text. A table that runs on at the top of the next page (nothing but a page number
 * between) is one table: a repeated header is dropped, and an empty cell that continues a label of the
 * part above widens that label. Text outside tables becomes lines, wrapped lines joined into their
 * paragraph; printed page numbers ("- 3 -") are dropped. Text aligned in columns with no rules at all
 * becomes a table row by row (best effort).
 */
import { normalizeLine } from '../../extract/normalize-text';
import type { PageDoc, RawCell, RawRow, RawTable } from '../../extract/page';
import { boundsOf, type Box, type PageContent, type TextRun } from './content';
import { findTables } from './find-tables';

const PAGE_NUMBER = /^\s*(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f\u2018-\u201d]/;
const WORD_CHAR = /[A-Za-z0-9.%]/;
const NUMBER_ONLY = /^[+\-−]?\d[\d,，.]*$/;

/** A stretch of one run that falls in one place (one cell, or outside every table). */
type Piece = TextRun;

interface PlacedCell extends Box {
  page: number;
  pieces: Piece[];
  text: string;
}

interface PageTable {
  page: number;
  box: Box;
  cells: PlacedCell[];
}

interface TextLine extends TextRun {
  page: number;
  pieces: Piece[];
}

type Block = { kind: 'table'; table: PageTable } | { kind: 'line'; line: TextLine };

const contains = (b: Box, x: number, y: number) => x >= b.x0 - 0.5 && x <= b.x1 + 0.5 && y >= b.top - 0.5 && y <= b.bottom + 0.5;
const overlaps = (a: Box, b: { x0: number; x1: number; top: number; bottom: number }) => a.x0 < b.x1 && b.x0 < a.x1 && a.top < b.bottom && b.top < a.bottom;

/** Splits a run into pieces by the cell each character's centre falls in (a wide character counts twice a narrow one). */
function place(run: TextRun, tables: PageTable[], outside: Piece[]): void {
  const hit = tables.filter((t) => overlaps(t.box, run));
  if (!hit.length) {
    outside.push({ text: run.text, x0: run.x0, x1: run.x1, top: run.top, bottom: run.bottom, size: run.size });
    return;
  }
  const chars = [...run.text];
  const vertical = chars.length > 1 && run.bottom - run.top > (run.x1 - run.x0) * 1.5;
  const weights = chars.map((c) => (WIDE.test(c) ? 1 : 0.5));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const span = vertical ? run.bottom - run.top : run.x1 - run.x0;
  let at = 0;
  let current: { target: PlacedCell | null; piece: Piece } | null = null;
  chars.forEach((ch, k) => {
    const from = (at / total) * span;
    at += weights[k]!;
    const to = (at / total) * span;
    const box = vertical
      ? { x0: run.x0, x1: run.x1, top: run.top + from, bottom: run.top + to }
      : { x0: run.x0 + from, x1: run.x0 + to, top: run.top, bottom: run.bottom };
    const cx = (box.x0 + box.x1) / 2, cy = (box.top + box.bottom) / 2;
    let target: PlacedCell | null = null;
    for (const t of hit) {
      if (!contains(t.box, cx, cy)) continue;
      target = t.cells.find((c) => contains(c, cx, cy)) ?? null;
      if (target) break;
    }
    if (current && current.target === target) {
      const p = current.piece;
      p.text += ch;
      p.x0 = Math.min(p.x0, box.x0);
      p.x1 = Math.max(p.x1, box.x1);
      p.top = Math.min(p.top, box.top);
      p.bottom = Math.max(p.bottom, box.bottom);
    } else {
      current = { target, piece: { text: ch, ...box, size: run.size } };
      (target ? target.pieces : outside).push(current.piece);
    }
  });
}

/** Pieces → lines, top to bottom: a piece joins the line whose vertical extent holds its middle. */
function toLines(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines: { top: number; bottom: number; pieces: Piece[] }[] = [];
  for (const p of sorted) {
    const middle = (p.top + p.bottom) / 2;
    const line = lines.find((l) => middle >= l.top && middle <= l.bottom);
    if (line) {
      line.pieces.push(p);
      line.top = Math.min(line.top, p.top);
      line.bottom = Math.max(line.bottom, p.bottom);
    } else lines.push({ top: p.top, bottom: p.bottom, pieces: [p] });
  }
  return lines.map((l) => l.pieces.sort((a, b) => a.x0 - b.x0));
}

/** Joins texts: a space only between two word characters (Latin, digits) — Chinese wraps and justifies without one. */
function joinTexts(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    const t = part.trim();
    if (!t) continue;
    if (out && WORD_CHAR.test(out.at(-1)!) && WORD_CHAR.test(t[0]!)) out += ' ';
    out += t;
  }
  return out;
}

function lineText(pieces: Piece[]): string {
  let out = '';
  let last: Piece | null = null;
  for (const p of pieces) {
    const t = p.text.trim();
    if (!t) continue;
    // Runs of one line far apart (a justified or tabbed gap) keep a space between word characters.
    if (last && out && p.x0 - last.x1 > 0.25 * p.size && WORD_CHAR.test(out.at(-1)!) && WORD_CHAR.test(t[0]!)) out += ' ';
    else if (last && out && WORD_CHAR.test(out.at(-1)!) && WORD_CHAR.test(t[0]!) && p.x0 - last.x1 > 0.1 * p.size) out += ' ';
    out += t;
    last = p;
  }
  return out;
}

function pageTables(page: PageContent): { tables: PageTable[]; lines: TextLine[] } {
  const tables: PageTable[] = findTables(page.segments)
    // A ruled box around a heading or a one-row frame is not a table of figures.
    .filter((t) => t.cells.length >= 2)
    .map((t) => ({ page: page.number, box: t.box, cells: t.cells.map((c) => ({ ...c, page: page.number, pieces: [], text: '' })) }));
  const outside: Piece[] = [];
  for (const run of page.runs) place(run, tables, outside);
  for (const t of tables) for (const c of t.cells) c.text = normalizeLine(joinTexts(toLines(c.pieces).map(lineText)));
  const lines: TextLine[] = toLines(outside).map((pieces) => ({
    page: page.number,
    text: normalizeLine(lineText(pieces)),
    ...boundsOf(pieces),
    size: Math.max(...pieces.map((p) => p.size)),
    pieces,
  }));
  return { tables: tables.filter((t) => t.cells.some((c) => c.text)), lines: lines.filter((l) => l.text && !PAGE_NUMBER.test(l.text)) };
}

// ---- tables across page breaks -------------------------------------------------------------------

const near = (a: number, b: number, tolerance = 2.5) => Math.abs(a - b) <= tolerance;

/** Distinct positions, values within 2 points taken as one. */
function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out.at(-1)! > 2) out.push(v);
  return out;
}
const indexOf = (list: number[], v: number) => {
  let best = 0;
  for (let i = 1; i < list.length; i++) if (Math.abs(list[i]! - v) < Math.abs(list[best]! - v)) best = i;
  return best;
};

function rowTexts(cells: PlacedCell[], top: number): string {
  return cells.filter((c) => near(c.top, top)).sort((a, b) => a.x0 - b.x0).map((c) => c.text).join('|');
}

/** Appends `next` (the top of the following page) to `table`, in the coordinates of one tall page. */
function continueTable(table: PageTable, next: PageTable): void {
  const shift = table.box.bottom - next.box.top;
  let incoming = next.cells.map((c) => ({ ...c, top: c.top + shift, bottom: c.bottom + shift }));
  // A header repeated at the top of the next page: its rows equal the first rows of the table.
  const ownRows = positions(table.cells.map((c) => c.top));
  const nextRows = positions(incoming.map((c) => c.top));
  let repeated = 0;
  while (repeated < nextRows.length - 1 && repeated < ownRows.length && rowTexts(incoming, nextRows[repeated]!) === rowTexts(table.cells, ownRows[repeated]!)) repeated++;
  if (repeated) {
    const cut = nextRows[repeated]!;
    const removed = cut - table.box.bottom;
    incoming = incoming.filter((c) => c.top >= cut - 0.5).map((c) => ({ ...c, top: c.top - removed, bottom: c.bottom - removed }));
  }
  // An empty cell under a label that ends at the break is that label's merged cell, cut by the page.
  const seam = table.box.bottom;
  const kept: PlacedCell[] = [];
  for (const c of incoming) {
    const above = !c.text && near(c.top, seam) ? table.cells.find((a) => near(a.bottom, seam) && near(a.x0, c.x0) && near(a.x1, c.x1) && a.text && !NUMBER_ONLY.test(a.text)) : undefined;
    if (above) above.bottom = c.bottom;
    else kept.push(c);
  }
  table.cells.push(...kept);
  table.box = { ...table.box, bottom: Math.max(table.box.bottom, ...kept.map((c) => c.bottom), ...table.cells.map((c) => c.bottom)) };
}

function toRawTable(table: PageTable, index: number, order: { next: number }): RawTable {
  const xs = positions(table.cells.flatMap((c) => [c.x0, c.x1]));
  const ys = positions(table.cells.flatMap((c) => [c.top, c.bottom]));
  const rows: RawRow[] = [];
  for (let r = 0; r < ys.length - 1; r++) rows.push({ cells: [], group: 0, order: order.next++ });
  const sorted = [...table.cells].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  for (const c of sorted) {
    const r = indexOf(ys, c.top), r2 = indexOf(ys, c.bottom);
    const k = indexOf(xs, c.x0), k2 = indexOf(xs, c.x1);
    const row = rows[Math.min(r, rows.length - 1)];
    if (!row || r2 <= r || k2 <= k) continue;
    const cell: RawCell = {
      text: c.text,
      tag: 'td',
      rowspan: r2 - r > 1 ? String(r2 - r) : null,
      colspan: k2 - k > 1 ? String(k2 - k) : null,
      source: { table: index, row: rows.indexOf(row), cell: row.cells.length, page: c.page },
    };
    row.cells.push(cell);
  }
  return { index, depth: 0, rows };
}

// ---- text outside tables -------------------------------------------------------------------------

/** Body margins of a page: the left edge most lines start at, the right edge long lines reach. */
function margins(lines: TextLine[]): { left: number; right: number } {
  const lefts = lines.map((l) => Math.round(l.x0));
  const counts = new Map<number, number>();
  for (const x of lefts) counts.set(x, (counts.get(x) ?? 0) + 1);
  const left = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  return { left, right };
}

/** Text aligned in columns with no rules: consecutive lines of several far-apart pieces, some of them numbers. */
function tabular(line: TextLine): string[] | null {
  const cells: string[] = [];
  let last: Piece | null = null;
  for (const p of line.pieces) {
    const t = p.text.trim();
    if (!t) continue;
    if (last && p.x0 - last.x1 < 1.5 * p.size) cells[cells.length - 1] += t;
    else cells.push(t);
    last = p;
  }
  return cells.length >= 3 && cells.filter((c) => NUMBER_ONLY.test(c)).length >= 2 ? cells.map(normalizeLine) : null;
}

export interface DocumentLayout {
  page: PageDoc;
  /** The page each entry of `page.lines` was printed on. */
  linePages: number[];
}

export function layoutPages(pages: readonly PageContent[], title: string): DocumentLayout {
  const blocks: Block[] = [];
  const pageMargins = new Map<number, { left: number; right: number }>();
  for (const page of pages) {
    const { tables, lines } = pageTables(page);
    pageMargins.set(page.number, margins(lines));
    const items: (Block & { top: number })[] = [
      ...tables.map((table) => ({ kind: 'table' as const, table, top: table.box.top })),
      ...lines.map((line) => ({ kind: 'line' as const, line, top: line.top })),
    ];
    items.sort((a, b) => a.top - b.top);
    blocks.push(...items);
  }

  const tables: PageTable[] = [];
  const streamed: { rows: string[][]; page: number }[] = [];
  const lines: string[] = [];
  const linePages: number[] = [];
  let previous: Block | null = null;
  let paragraph: TextLine | null = null;
  const flush = () => {
    if (paragraph) {
      lines.push(paragraph.text);
      linePages.push(paragraph.page);
    }
    paragraph = null;
  };
  let rowsRun: { rows: string[][]; page: number } | null = null;
  for (const block of blocks) {
    if (block.kind === 'table') {
      flush();
      rowsRun = null;
      const last: PageTable | undefined = previous?.kind === 'table' ? previous.table : undefined;
      const t = block.table;
      if (last && t.page === last.page + 1 && near(t.box.x0, last.box.x0, 6) && near(t.box.x1, last.box.x1, 6)) continueTable(last, t);
      else tables.push(t);
      previous = block;
      continue;
    }
    const line = block.line;
    const cells = tabular(line);
    if (cells) {
      flush();
      if (!rowsRun || rowsRun.page !== line.page) streamed.push((rowsRun = { rows: [], page: line.page }));
      rowsRun.rows.push(cells);
      previous = block;
      continue;
    }
    rowsRun = null;
    const m = pageMargins.get(line.page)!;
    const prev = paragraph as TextLine | null;
    const prevMargins = prev ? pageMargins.get(prev.page)! : m;
    // A wrapped line: the one before ran to the right margin and this one starts at the left margin.
    const continues =
      prev !== null &&
      previous?.kind === 'line' &&
      prev.x1 >= prevMargins.right - 1.5 * prev.size &&
      line.x0 <= m.left + 0.6 * line.size &&
      near(line.size, prev.size, 1) &&
      !/[。：:；;！？]$/.test(prev.text);
    if (continues && prev) {
      prev.text = joinTexts([prev.text, line.text]);
      prev.x1 = line.x1;
      prev.page = prev.page;
    } else {
      flush();
      paragraph = { ...line };
    }
    previous = block;
  }
  flush();

  const order = { next: 0 };
  const raw = tables.map((t, i) => toRawTable(t, i, order));
  for (const run of streamed) {
    if (run.rows.length < 2) {
      for (const r of run.rows) {
        lines.push(r.join(' '));
        linePages.push(run.page);
      }
      continue;
    }
    const index = raw.length;
    raw.push({
      index,
      depth: 0,
      rows: run.rows.map((cells, r) => ({
        group: 0,
        order: order.next++,
        cells: cells.map((text, c): RawCell => ({ text, tag: 'td', rowspan: null, colspan: null, source: { table: index, row: r, cell: c, page: run.page } })),
      })),
    });
  }
  return {
    page: { meta: { title, meta: {} }, lines, tables: raw, links: [], mode: 'standards', limits: { truncated: [] } },
    linePages,
  };
}

/** The document's title as printed: the large lines at the top of its first page, joined (agency, then 年度报告). */
export function printedTitle(pages: readonly PageContent[]): string {
  const first = pages.find((p) => p.runs.length);
  if (!first) return '';
  const { lines } = pageTables({ ...first, segments: [] });
  const body = [...lines].sort((a, b) => a.size - b.size)[Math.floor(lines.length / 2)]?.size ?? 0;
  const head: string[] = [];
  for (const l of lines.slice(0, 6)) {
    if (l.size > body + 1) head.push(l.text);
    else if (head.length) break;
  }
  const title = head.join('');
  return /年度报告|年报/.test(title) ? title : lines.slice(0, 6).find((l) => /年度报告/.test(l.text) && l.text.length <= 80)?.text ?? title;
}
