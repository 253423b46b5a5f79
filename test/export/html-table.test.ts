/** The text/html flavour: the printed table with its merged cells, clean and escaped. */
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cellContent, escapeHtml, tableHtml, tablesHtml } from '../../lib/export/html-table';
import { layoutGrid, tableLayout } from '../../lib/export/layout';
import { tableTsv } from '../../lib/export/tsv';
import type { Report } from '../../lib/model/schema';
import { statutoryCells, type FormatId } from '../../lib/model/statutory';
import { readDelimited } from './helpers';

function report(format: FormatId, overrides: Record<string, Report['cells'][string]> = {}): Report {
  const cells: Report['cells'] = {};
  for (const table of ['active', 'applications', 'appeals'] as const) for (const c of statutoryCells(table, format)) cells[c.id] = { raw: '1', value: 1 };
  return { year: format === '2019' ? 2020 : 2023, format, agency: '某县交通运输局', published: null, cells: { ...cells, ...overrides } };
}

const parse = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.querySelector('table')!;
};

describe('tableHtml', () => {
  it('keeps the merged headers of table 三 (rowspan/colspan as printed)', () => {
    const table = parse(tableHtml(report('2021'), 'applications'));
    const first = table.rows[0]!.cells;
    expect([first[0]!.rowSpan, first[0]!.colSpan, first[1]!.colSpan, first[1]!.textContent]).toEqual([3, 3, 7, '申请人情况']);
    const legal = [...table.rows[1]!.cells].find((c) => c.textContent === '法人或其他组织')!;
    expect(legal.colSpan).toBe(5);
    const result = [...table.querySelectorAll('td')].find((c) => c.textContent === '三、本年度办理结果')!;
    expect(result.rowSpan).toBe(22); // 2021: (一)…(七), with (六) split into three
    const withheld = [...table.querySelectorAll('td')].find((c) => c.textContent === '(三)不予公开')!;
    expect(withheld.rowSpan).toBe(8);
    expect(table.querySelectorAll('td[data-cell]')).toHaveLength(statutoryCells('applications', '2021').length);
  });

  it('table 四: 行政复议 over five columns, 行政诉讼 over ten, outcomes under each', () => {
    const table = parse(tableHtml(report('2019'), 'appeals'));
    expect([...table.rows[0]!.cells].map((c) => [c.textContent, c.colSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(table.rows[3]!.cells).toHaveLength(15);
  });

  it('a 2021 table 二 value that spans the row sits in the first slot only in the TSV, and spans in the HTML', () => {
    const r = report('2021', { 'active/20_5.licensing/decisions': { raw: '1998件', value: 1998, unit: '件' } });
    const html = parse(tableHtml(r, 'active'));
    const td = html.querySelector('td[data-cell="active/20_5.licensing/decisions"]') as HTMLTableCellElement;
    expect([td.textContent, td.colSpan]).toEqual(['1998件', 3]);
    const grid = readDelimited(tableTsv(r, 'active'), '\t');
    expect(grid.find((row) => row[0] === '行政许可')).toEqual(['行政许可', '1998件', '', '']);
    expect(grid.find((row) => row[0] === '信息内容' && row[1] === '本年收费金额（单位：万元）')).toEqual(['信息内容', '本年收费金额（单位：万元）', '', '']);
  });

  it('escapes everything: markup from the page stays text', () => {
    const r = report('2021', { 'applications/new/commercial': { raw: '<img src=x onerror=alert(1)>', value: null } });
    const html = tableHtml(r, 'applications');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(parse(html).querySelector('td[data-cell="applications/new/commercial"]')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('an in-cell line break stays in the cell for Excel; formula-like text is marked as text', () => {
    expect(cellContent('其他\n主动公开文件')).toBe('其他<br style="mso-data-placement:same-cell">主动公开文件');
    const r = report('2019', { 'active/20_5.licensing/change': { raw: '-5项', value: -5, unit: '项' } });
    expect(tableHtml(r, 'active')).toContain(`<td data-cell="active/20_5.licensing/change" style="mso-number-format:'\\@'">-5项</td>`);
  });

  it('all three tables, each under its printed heading', () => {
    const html = tablesHtml(report('2019'));
    expect(html.match(/<table/g)).toHaveLength(3);
    expect(html).toContain('<p><b>三、收到和处理政府信息公开申请情况</b></p>');
  });
});

describe('the layout keeps every cell, wherever the format does not print it', () => {
  it('a row of the other format and an unknown column get a trailing block with their labels', () => {
    const r = report('2021', {
      'active/20_9.procurement/count': { raw: '3个', value: 3, unit: '个' }, // a 2019 row on a 2021 page
      'active/20_x.extra.1/c1': { raw: '7', value: 7, label: '其他文件' },
    });
    const layout = tableLayout(r, 'active');
    expect(layout.format).toBe('2021');
    expect(layout.cells.map((c) => c.id)).toEqual(expect.arrayContaining(['active/20_9.procurement/count', 'active/20_x.extra.1/c1']));
    expect(layout.cells).toHaveLength(Object.keys(r.cells).filter((id) => id.startsWith('active/')).length);
    const grid = layoutGrid(layout);
    expect(grid).toContainEqual(['其他文件', '7', '', '']);
    expect(grid).toContainEqual(['', '第1列', '', '']);
    expect(grid).toContainEqual(['政府集中采购', '3个', '', '']);
  });

  it('a 2021 table 三 printing (六)其他处理 as one row: that row in place of its three items, among the results', () => {
    const r = report('2021');
    for (const id of Object.keys(r.cells)) if (/^applications\/result\.other\.\d\//.test(id)) delete r.cells[id];
    for (const c of statutoryCells('applications', '2019')) if (c.row.id === 'result.other') r.cells[c.id] = { raw: '4', value: 4 };
    const layout = tableLayout(r, 'applications');
    expect(layout.format).toBe('2021');
    const grid = layoutGrid(layout);
    const labels = grid.map((row) => row.slice(0, 3).join('|'));
    const other = labels.findIndex((l) => l.includes('（六）其他处理') || l.includes('(六)其他处理'));
    const total = labels.findIndex((l) => l.includes('总计'));
    expect(other).toBeGreaterThan(0);
    expect(other).toBe(total - 1);
    expect(grid[other]!.slice(3)).toEqual(Array(7).fill('4'));
    expect(labels.some((l) => l.includes('逾期不补正'))).toBe(false);
  });

  it('reads each table’s own format: a 2021 table 二 beside a 2019 table 三', () => {
    const mixed = report('2019');
    for (const id of Object.keys(mixed.cells)) if (id.startsWith('active/')) delete mixed.cells[id];
    for (const c of statutoryCells('active', '2021')) mixed.cells[c.id] = { raw: '2', value: 2 };
    expect(tableLayout(mixed, 'active').format).toBe('2021');
    expect(tableLayout(mixed, 'applications').format).toBe('2019');
  });
});
