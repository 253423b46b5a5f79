/**
 * A plain-text dump of a report page → PageDoc, so that text goes through the one recogniser. The dumps
 * seen in the wild (shared/seeds):
 *   - cells separated by ` | `, one table row a line, padded with `|` to the grid width;
 *   - one cell a line ending in `|` (a line of pipes only: empty cells or padding) — row boundaries lost;
 *   - Word text: one cell a tab-indented line, rows separated by blank lines (not reliably);
 *   - one cell a paragraph, paragraphs separated by blank lines — tables indistinguishable from text
 *     but for their short lines and numbers.
 * Where row boundaries are lost, each cell becomes a row of its own and the table is marked `streamed`.
 */
import { unitPattern } from '../model/units';
import { normalizeLine } from './normalize-text';
import type { PageDoc, RawCell, RawRow, RawTable } from './page';

const PAGE_NUMBER = /^\s*(?:[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;
const HEADING = /^[一二三四五六七八九十]+[、.]/;
const NUMERIC = new RegExp(`^[+\\-－−]?\\s*[\\d０-９][\\d０-９,，.．]*\\s*(?:${unitPattern()}|%)?$`);

type LineKind = 'pipe' | 'tab' | 'blank' | 'plain';

function kindOf(line: string): LineKind {
  // A line holding only a tab is an empty cell of a Word table, not a separator.
  if (line.startsWith('\t')) return 'tab';
  if (!line.trim()) return 'blank';
  const t = line.trimEnd();
  if (t.endsWith('|') || t.includes(' | ')) return 'pipe';
  return 'plain';
}

/** A short line without sentence punctuation: a table cell when it stands among numbers. */
function cellLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 64 && !/[。；;！!？?]/.test(t);
}

class TableBuilder {
  private tables: RawTable[] = [];
  private order = 0;

  add(rows: string[][], streamed: boolean): void {
    const index = this.tables.length;
    const rawRows: RawRow[] = rows.map((cells, r) => ({
      group: 0,
      order: this.order++,
      cells: cells.map((text, c): RawCell => ({ text: normalizeLine(text), tag: 'td', rowspan: null, colspan: null, source: { table: index, row: r, cell: c } })),
    }));
    this.tables.push({ index, depth: 0, rows: rawRows, ...(streamed ? { streamed: true } : {}) });
  }

  result(): RawTable[] {
    return this.tables;
  }
}

function pipeCells(line: string): string[] {
  const parts = line.split('|');
  if (line.trimEnd().endsWith('|')) parts.pop();
  return parts.map((p) => p.trim());
}

export function pageFromText(text: string): PageDoc {
  // Word-to-text converters leave bookmark markers: [bookmark: OLE_LINK1]一、总体情况
  // Page numbers of the printed document (- 3 -, 第 3 页 共 5 页) are not cells.
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .split('\n')
    .filter((l) => !PAGE_NUMBER.test(l));
  const kinds = lines.map(kindOf);
  const builder = new TableBuilder();
  const narrative: string[] = [];

  let i = 0;
  while (i < lines.length) {
    const kind = kinds[i]!;
    if (kind === 'pipe') {
      const run: string[][] = [];
      while (i < lines.length && (kinds[i] === 'pipe' || kinds[i] === 'blank')) {
        if (kinds[i] === 'pipe') run.push(pipeCells(lines[i]!));
        i++;
      }
      // One cell a line means the dump lost the row boundaries.
      const multi = run.filter((r) => r.filter(Boolean).length >= 2).length;
      if (multi >= run.length / 2) builder.add(run, false);
      else builder.add(run.flatMap((r) => r.map((c) => [c])), true);
      continue;
    }
    if (kind === 'tab') {
      const cells: string[][] = [];
      while (i < lines.length && (kinds[i] === 'tab' || kinds[i] === 'blank')) {
        if (kinds[i] === 'tab') cells.push([lines[i]!.trim()]);
        i++;
      }
      builder.add(cells, true);
      continue;
    }
    if (kind === 'plain') {
      // A run of short lines with numbers among them is a table dumped one cell a paragraph.
      let j = i;
      const run: string[] = [];
      let numbers = 0;
      while (j < lines.length && (kinds[j] === 'blank' || (kinds[j] === 'plain' && cellLike(lines[j]!)))) {
        if (kinds[j] === 'plain') {
          run.push(lines[j]!);
          if (NUMERIC.test(lines[j]!.trim())) numbers++;
        }
        j++;
      }
      if (run.length >= 6 && numbers >= 3) {
        builder.add(run.map((c) => [c]), true);
        // Headings and dates inside such a run are narrative too (section 五 often follows table 四 directly).
        for (const l of run) if (!NUMERIC.test(l.trim())) narrative.push(l);
        i = j;
        continue;
      }
      narrative.push(lines[i]!);
    }
    i++;
  }

  const normalized = narrative.map(normalizeLine).filter(Boolean);
  const title = normalized.slice(0, 12).find((l) => /年度报告/.test(l) && l.length <= 80) ?? '';
  return {
    meta: { title, meta: {} },
    lines: normalized,
    tables: builder.result(),
    links: [],
    mode: 'standards',
    limits: { truncated: [] },
  };
}

export const __test = { kindOf, pipeCells, HEADING };
