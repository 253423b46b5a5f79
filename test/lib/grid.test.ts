/**
 * The WHATWG table model over a RawTable (lib/extract/grid.ts): span attributes parsed as the HTML
 * standard parses them (rules for parsing non-negative integers; colspan 0/junk → 1, clamped to 1000;
 * rowspan junk → 1, clamped to 65534; rowspan 0 grows to the end of the row group in standards mode and
 * is 1 in quirks mode), cells placed at the first free slot, rowspans clipped at their row group,
 * overlapping slots counted, and a size guard. Also the same model reached through a parsed page.
 */
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../lib/extract/from-html';
import { MAX_GRID_SLOTS, buildGrid, parseColspan, parseNonNegativeInteger, parseRowspan, type Grid } from '../../lib/extract/grid';
import type { RawTable } from '../../lib/extract/page';

type C = string | { t: string; rs?: string; cs?: string };

/** A RawTable from rows of cells; `groups` gives each row's row group (default: all in group 0). */
function table(rows: C[][], groups?: number[]): RawTable {
  return {
    index: 0,
    depth: 0,
    rows: rows.map((cells, r) => ({
      group: groups?.[r] ?? 0,
      order: r,
      cells: cells.map((c, i) => {
        const o = typeof c === 'string' ? { t: c } : c;
        return { text: o.t, tag: 'td' as const, rowspan: o.rs ?? null, colspan: o.cs ?? null, source: { table: 0, row: r, cell: i } };
      }),
    })),
  };
}

/** Placement as text: per row, `text@x:w×h`. */
function layout(g: Grid): string[] {
  return g.rows.map((row) => row.map((p) => `${p.cell.text}@${p.x}:${p.width}x${p.height}`).join(' '));
}

describe('rules for parsing non-negative integers', () => {
  it.each([
    ['3', 3],
    ['007', 7],
    [' 3', 3],
    ['\t\n\f\r 3', 3],
    ['3px', 3],
    ['3.9', 3],
    ['1e3', 1],
    ['+3', 3],
    ['65535', 65535],
  ])('%j → %d', (v, n) => expect(parseNonNegativeInteger(v)).toBe(n));

  it.each([null, '', ' ', 'x3', '-1', '\u00a03', '\u30003', '３'])('%j → null (not ASCII white space or digits)', (v) => expect(parseNonNegativeInteger(v)).toBeNull());
});

describe('colspan', () => {
  it.each([
    [null, 1],
    ['', 1],
    ['0', 1],
    ['abc', 1],
    ['-2', 1],
    ['2', 2],
    [' 4 ', 4],
    ['1000', 1000],
    ['1001', 1000],
    ['99999999999999999999999', 1000],
  ])('%j → %d', (v, n) => expect(parseColspan(v)).toBe(n));
});

describe('rowspan', () => {
  it.each([
    [null, 1],
    ['', 1],
    ['abc', 1],
    ['-1', 1],
    ['2', 2],
    ['65534', 65534],
    ['65535', 65534],
    ['1e9', 1],
    ['99999999999999999999999', 65534],
  ])('%j → %d in both modes', (v, n) => {
    expect(parseRowspan(v, 'standards')).toBe(n);
    expect(parseRowspan(v, 'quirks')).toBe(n);
  });

  it('0 grows to the end of the row group in standards mode (0), and is 1 in quirks mode', () => {
    expect(parseRowspan('0', 'standards')).toBe(0);
    expect(parseRowspan(' 0', 'standards')).toBe(0);
    expect(parseRowspan('0', 'quirks')).toBe(1);
  });
});

describe('buildGrid: placing cells', () => {
  it('each cell at the first slot its row leaves free', () => {
    const g = buildGrid(table([[{ t: 'A', rs: '2' }, 'B', 'C'], ['D', 'E']]), 'standards');
    expect(layout(g)).toEqual(['A@0:1x2 B@1:1x1 C@2:1x1', 'D@1:1x1 E@2:1x1']);
    expect(g.width).toBe(3);
    expect(g.height).toBe(2);
    expect(g.overlaps).toBe(0);
    expect(g.clipped).toBe(0);
  });

  it('colspans move the next cell along; a rowspan in the middle leaves a hole the next row skips', () => {
    const g = buildGrid(table([[{ t: 'A', cs: '2' }, { t: 'B', rs: '3' }, 'C'], ['D', 'E', 'F'], [{ t: 'G', cs: '2' }, 'H']]), 'standards');
    expect(layout(g)).toEqual(['A@0:2x1 B@2:1x3 C@3:1x1', 'D@0:1x1 E@1:1x1 F@3:1x1', 'G@0:2x1 H@3:1x1']);
    expect(g.width).toBe(4);
  });

  it('the header pattern of table 三: a corner spanning three rows and three columns', () => {
    const g = buildGrid(
      table([
        [{ t: 'corner', rs: '3', cs: '3' }, { t: '申请人情况', cs: '7' }],
        [{ t: '自然人', rs: '2' }, { t: '法人或其他组织', cs: '5' }, { t: '总计', rs: '2' }],
        ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
        ['一、本年新收', { t: '', cs: '2' }, '1', '2', '3', '4', '5', '6', '21'],
      ]),
      'standards',
    );
    expect(g.rows[2]!.map((p) => p.x)).toEqual([4, 5, 6, 7, 8]);
    expect(g.rows[1]!.map((p) => p.x)).toEqual([3, 4, 9]);
    expect(g.rows[3]!.map((p) => p.x)).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9]);
    expect(g.width).toBe(10);
    expect(g.overlaps).toBe(0);
  });

  it('a slot covered twice is counted as an overlap, never thrown', () => {
    const g = buildGrid(table([['A', { t: 'B', rs: '2' }], [{ t: 'C', cs: '3' }]]), 'standards');
    expect(layout(g)).toEqual(['A@0:1x1 B@1:1x2', 'C@0:3x1']);
    expect(g.overlaps).toBe(1);
  });

  it('overlaps from two rowspans and a wide cell below are each counted', () => {
    const g = buildGrid(table([[{ t: 'A', rs: '2' }, 'B', { t: 'C', rs: '2' }], [{ t: 'D', cs: '4' }]]), 'standards');
    expect(g.rows[1]![0]!.x).toBe(1);
    expect(g.overlaps).toBe(1);
  });
});

describe('buildGrid: row groups and rowspan 0', () => {
  it('a rowspan is clipped at the end of its row group (thead / tbody / tfoot), and counted', () => {
    const g = buildGrid(table([[{ t: 'A', rs: '5' }, 'B'], ['C'], ['D', 'E']], [0, 0, 1]), 'standards');
    expect(layout(g)).toEqual(['A@0:1x2 B@1:1x1', 'C@1:1x1', 'D@0:1x1 E@1:1x1']);
    expect(g.clipped).toBe(1);
  });

  it('rowspan="65534" at the last row of a table is clipped to what is left', () => {
    const g = buildGrid(table([['A', 'B'], [{ t: 'C', rs: '65534' }, 'D']]), 'standards');
    expect(g.rows[1]![0]!.height).toBe(1);
    expect(g.height).toBe(2);
  });

  it('rowspan="0" in standards mode grows to the end of the row group (not beyond)', () => {
    const g = buildGrid(table([[{ t: 'A', rs: '0' }, 'B'], ['C'], ['D'], ['E', 'F']], [0, 0, 0, 1]), 'standards');
    expect(layout(g)).toEqual(['A@0:1x3 B@1:1x1', 'C@1:1x1', 'D@1:1x1', 'E@0:1x1 F@1:1x1']);
    expect(g.clipped).toBe(0);
  });

  it('rowspan="0" in quirks mode is 1', () => {
    const g = buildGrid(table([[{ t: 'A', rs: '0' }, 'B'], ['C', 'D']]), 'quirks');
    expect(layout(g)).toEqual(['A@0:1x1 B@1:1x1', 'C@0:1x1 D@1:1x1']);
  });
});

describe('buildGrid: hostile sizes', () => {
  it('colspan="1000" makes a row 1000 wide, no more', () => {
    const g = buildGrid(table([[{ t: 'A', cs: '1000' }, 'B'], [{ t: 'C', cs: '5000' }]]), 'standards');
    expect(layout(g)).toEqual(['A@0:1000x1 B@1000:1x1', 'C@0:1000x1']);
    expect(g.width).toBe(1001);
  });

  it('rows of colspan=1000 beyond MAX_GRID_SLOTS stop placement: tooLarge, later cells placed one slot each', () => {
    const rows = Math.ceil(MAX_GRID_SLOTS / 1000) + 100;
    const g = buildGrid(table(Array.from({ length: rows }, () => [{ t: 'x', cs: '1000', rs: '65534' }, 'y'])), 'standards');
    expect(g.tooLarge).toBe(true);
    expect(g.rows).toHaveLength(rows);
    expect(g.rows.at(-1)!.map((p) => p.width)).toEqual([1, 1]);
  });
});

describe('the grid of a parsed page', () => {
  const cells = (html: string, t = 0) => {
    const page = pageFromHtml(html);
    return { page, grid: buildGrid(page.tables[t]!, page.mode) };
  };
  const body = '<table><tr><td rowspan="0">A</td><td>B</td></tr><tr><td>C</td></tr></table>';

  it('a page with a doctype is in standards mode: rowspan="0" spans the group', () => {
    const { page, grid } = cells(`<!DOCTYPE html><html><body>${body}</body></html>`);
    expect(page.mode).toBe('standards');
    expect(layout(grid)).toEqual(['A@0:1x2 B@1:1x1', 'C@1:1x1']);
  });

  it('a page without a doctype (Word, old CMS) is in quirks mode: rowspan="0" is 1', () => {
    const { page, grid } = cells(`<html><body>${body}</body></html>`);
    expect(page.mode).toBe('quirks');
    expect(layout(grid)).toEqual(['A@0:1x1 B@1:1x1', 'C@0:1x1']);
  });

  it('thead / tbody / tfoot are row groups: a rowspan in thead stops at its end', () => {
    const { grid } = cells('<!DOCTYPE html><table><thead><tr><th rowspan="9">H</th><th>I</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>3</td></tr></tfoot></table>');
    expect(layout(grid)).toEqual(['H@0:1x1 I@1:1x1', '1@0:1x1 2@1:1x1', '3@0:1x1']);
    expect(grid.clipped).toBe(1);
  });

  it('a nested table is a table of its own; the outer row keeps its own cells', () => {
    const { page } = cells('<!DOCTYPE html><table><tr><td><table><tr><td>inner</td><td>1</td></tr></table></td><td>outer</td></tr></table>');
    expect(page.tables.map((t) => [t.index, t.depth, t.rows.length])).toEqual([
      [0, 0, 1],
      [1, 1, 1],
    ]);
    expect(page.tables[0]!.rows[0]!.cells.map((c) => c.source.cell)).toEqual([0, 1]);
    expect(page.tables[0]!.rows[0]!.cells[1]!.text).toBe('outer');
    expect(page.tables[1]!.rows[0]!.cells.map((c) => c.text)).toEqual(['inner', '1']);
  });

  it('span attributes reach the grid as printed (junk, white space, huge values)', () => {
    const { grid } = cells('<!DOCTYPE html><table><tr><td colspan=" 2x">A</td><td colspan="0">B</td><td rowspan="junk">C</td></tr><tr><td colspan="99999">D</td></tr></table>');
    expect(layout(grid)).toEqual(['A@0:2x1 B@2:1x1 C@3:1x1', 'D@0:1000x1']);
  });
});
