/**
 * Plain-text dumps of a fixture report in the four forms the seeds show (shared/seeds), written from the
 * fixture data alone (independent of lib/):
 *   - 'pipe'       one table row a line, cells separated by ` | `, padded with `|` to the grid width (seed 000);
 *   - 'cellLine'   one cell a line ending in ` |`, a line of pipes closing each row (seeds 001, 002);
 *   - 'tab'        Word text: one cell a tab-indented line, rows separated by blank lines (seed 003);
 *   - 'paragraph'  one cell a paragraph, paragraphs separated by blank lines (seed 004).
 */
import {
  ACTIVE_SPEC,
  APPEAL_GROUPS,
  APPEAL_SUBCOLUMNS,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  APPLICATIONS_CORNER,
  SECTION_HEADINGS,
  cellId,
  chineseDate,
  reportTitle,
  type FixtureReport,
} from '../../fixtures/report-data';

export type DumpForm = 'pipe' | 'cellLine' | 'tab' | 'paragraph';
export const DUMP_FORMS: DumpForm[] = ['pipe', 'cellLine', 'tab', 'paragraph'];

/** A printed table: rows of the cells a row prints (cells covered by a rowspan from above are not repeated). */
type Rows = string[][];

function activeRows(r: FixtureReport): Rows {
  const rows: Rows = [];
  for (const item of ACTIVE_SPEC[r.format]) {
    rows.push([item.heading]);
    rows.push(['信息内容', ...item.columns.map((c) => c.label)]);
    for (const row of item.rows) rows.push([row.label, ...item.columns.map((c) => r.cells[cellId('active', row.id, c.id)] ?? '')]);
  }
  return rows;
}

function applicationRows(r: FixtureReport): Rows {
  const rows: Rows = [
    [APPLICATIONS_CORNER, '申请人情况'],
    ['自然人', '法人或其他组织', '总计'],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  ];
  const printed = new Set<string>();
  for (const spec of APPLICATION_ROWS[r.format]) {
    // Group labels (三、本年度办理结果, (三)不予公开) print once, on the first row they span.
    const labels: string[] = [];
    spec.path.forEach((label, level) => {
      const key = spec.path.slice(0, level + 1).join('>');
      if (level < spec.path.length - 1 && printed.has(key)) return;
      printed.add(key);
      labels.push(label);
    });
    rows.push([...labels, ...APPLICATION_COLUMNS.map((c) => r.cells[cellId('applications', spec.id, c.id)] ?? '')]);
  }
  return rows;
}

function appealRows(r: FixtureReport): Rows {
  const subs = APPEAL_SUBCOLUMNS.map((s) => s.label);
  return [
    ['行政复议', '行政诉讼'],
    [...subs, '未经复议直接起诉', '复议后起诉'],
    [...subs, ...subs],
    APPEAL_GROUPS.flatMap((g) => APPEAL_SUBCOLUMNS.map((s) => r.cells[cellId('appeals', 'counts', `${g.id}.${s.id}`)] ?? '')),
  ];
}

function serialize(rows: Rows, form: DumpForm): string[] {
  const width = Math.max(...rows.map((x) => x.length));
  const out: string[] = [];
  for (const row of rows) {
    const pad = '|'.repeat(Math.max(0, width - row.length));
    if (form === 'pipe') out.push(`${row.join(' | ')} |${pad}`);
    else if (form === 'cellLine') {
      // As seeds 001/002: an empty cell is a line holding only `|`; padding is one line of pipes.
      for (const c of row) out.push(c === '' ? '|' : `${c} |`);
      if (pad) out.push(pad);
    } else if (form === 'tab') {
      out.push('');
      // As seed 003: an empty cell is a line holding only a tab.
      for (const c of row) out.push(`\t${c}`);
    } else {
      for (const c of row) out.push(c, '');
    }
  }
  if (form === 'tab') out.push('', '');
  return out;
}

/** The whole report as a text dump: title, intro, six sections (tables in the given form), signature. */
export function textDump(r: FixtureReport, form: DumpForm): string {
  const lines: string[] = [reportTitle(r), ''];
  const para = (p: string) => (form === 'paragraph' ? [p, ''] : [p]);
  lines.push(...para(`根据《中华人民共和国政府信息公开条例》规定，现公布${r.agency}${r.year}年度政府信息公开工作年度报告。`));
  const text = (id: 'overview' | 'problems' | 'other') => {
    if (r.narrative[id].length === 0) return;
    lines.push(...para(SECTION_HEADINGS[id]));
    for (const p of r.narrative[id]) lines.push(...para(p));
  };
  const table = (id: 'active' | 'applications' | 'appeals', rows: Rows) => {
    lines.push(...para(SECTION_HEADINGS[id]));
    lines.push(...serialize(rows, form));
  };
  text('overview');
  table('active', activeRows(r));
  table('applications', applicationRows(r));
  table('appeals', appealRows(r));
  text('problems');
  text('other');
  lines.push(...para(r.agency), ...para(chineseDate(r.published)));
  return `${lines.join('\n')}\n`;
}
