/**
 * word/document.xml → HTML for the one HTML path, read in one pass of a tokenizer (no XML DOM): paragraphs,
 * line breaks and tabs, and tables with their merged cells — gridSpan → colspan, and vMerge (a cell that
 * restarts a merge, then cells that continue it in the same grid column) → rowspan. Deleted text, field
 * codes and the fallback copy of alternate content are left out; text boxes read as paragraphs.
 */

interface CellBuild {
  html: string;
  col: number;
  span: number;
  merge: 'restart' | 'continue' | null;
  rowspan: number;
}

interface TableBuild {
  rows: CellBuild[][];
  row: CellBuild[] | null;
  col: number;
  cell: CellBuild | null;
}

const TOKEN = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
const VAL = /\bw:val\s*=\s*["']([^"']*)["']/;
/** Elements whose text is not the document's: deleted runs, field instructions, alternate copies. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:fldData']);

function renderTable(t: TableBuild): string {
  // Rowspans: each restart counts the rows below that continue it in its grid column.
  t.rows.forEach((row, r) => {
    for (const cell of row) {
      if (cell.merge !== 'restart') continue;
      let below = r + 1;
      while (below < t.rows.length && t.rows[below]!.some((c) => c.col === cell.col && c.merge === 'continue')) below++;
      cell.rowspan = below - r;
    }
  });
  const rows = t.rows.map((row) => {
    const cells = row.filter((c) => c.merge !== 'continue');
    return `<tr>${cells.map((c) => `<td${c.span > 1 ? ` colspan="${c.span}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${c.html}</td>`).join('')}</tr>`;
  });
  return `<table>${rows.join('')}</table>`;
}

export function docxToHtml(xml: string): string {
  const out: string[] = [];
  const tables: TableBuild[] = [];
  let skip = 0;
  let inTcPr = false;
  let inTrPr = false;
  let inText = false;
  let paragraph: string | null = null;
  const emit = (html: string) => {
    const t = tables.at(-1);
    if (t?.cell) t.cell.html += html;
    else if (!t) out.push(html);
  };
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs = '', selfClose, text] = m;
    if (text !== undefined) {
      if (!skip && paragraph !== null && inText) paragraph += text;
      continue;
    }
    if (!name) continue;
    if (SKIPPED.has(name)) {
      if (!selfClose) skip += close ? -1 : 1;
      continue;
    }
    if (skip) continue;
    const table = tables.at(-1);
    if (close) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p' && paragraph !== null) {
        emit(`<p>${paragraph}</p>`);
        paragraph = null;
      } else if (name === 'w:tcPr') inTcPr = false;
      else if (name === 'w:trPr') inTrPr = false;
      else if (name === 'w:tc' && table?.cell) {
        table.row?.push(table.cell);
        table.col += table.cell.span;
        table.cell = null;
      } else if (name === 'w:tr' && table?.row) {
        table.rows.push(table.row);
        table.row = null;
      } else if (name === 'w:tbl' && table) {
        tables.pop();
        emit(renderTable(table));
      }
      continue;
    }
    switch (name) {
      case 'w:p':
        if (!selfClose) paragraph = '';
        else emit('<p></p>');
        break;
      case 'w:t':
        if (!selfClose) inText = true;
        break;
      case 'w:tab':
        if (paragraph !== null && !inTcPr) paragraph += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph !== null) paragraph += '<br>';
        break;
      case 'w:tbl':
        if (!selfClose) tables.push({ rows: [], row: null, col: 0, cell: null });
        break;
      case 'w:tr':
        if (table && !selfClose) {
          table.row = [];
          table.col = 0;
        }
        break;
      case 'w:trPr':
        inTrPr = !selfClose;
        break;
      case 'w:gridBefore':
        if (table && inTrPr) table.col += Number(VAL.exec(attrs)?.[1] ?? 0) || 0;
        break;
      case 'w:tc':
        if (table && !selfClose) table.cell = { html: '', col: table.col, span: 1, merge: null, rowspan: 1 };
        break;
      case 'w:tcPr':
        inTcPr = !selfClose;
        break;
      case 'w:gridSpan':
        if (table?.cell && inTcPr) table.cell.span = Math.max(1, Math.min(1000, Number(VAL.exec(attrs)?.[1] ?? 1) || 1));
        break;
      case 'w:vMerge':
        if (table?.cell && inTcPr) table.cell.merge = VAL.exec(attrs)?.[1] === 'restart' ? 'restart' : 'continue';
        break;
    }
  }
  // Unclosed tables of a cut file: what was read is kept.
  while (tables.length) emit(renderTable(tables.pop()!));
  return out.join('');
}
