/**
 * Documents made from fixture pages whose true cells are known (scripts/make-documents.ts, committed):
 * LibreOffice's .docx, its PDF and .doc, and Chromium's printed PDF read as the same cells, with the
 * same findings as the page. And the WPS template's merged cells reach the HTML path intact (as mammoth reads them).
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../lib/document/index';
import { readDocx } from '../../lib/document/word/read-docx';

const DIR = new URL('../fixtures/documents/', import.meta.url).pathname;
const read = (name: string) => new Uint8Array(readFileSync(DIR + name));
const TODAY = new Date('2025-06-01');

interface Truth {
  format: string;
  year: number;
  cells: Record<string, number | null>;
}

describe.each([
  // report-2021's narrative states the 复议 count its terms add up to, beside a wrong printed 总计: the total
  // is at fault (an error), the narrative finding is info.
  ['report-2021', ['appeals.group-total'], ['text.table-mismatch']],
  ['report-2019', [], []],
])('%s', (name, expectedRules, expectedInfoRules) => {
  const truth = JSON.parse(readFileSync(`${DIR}generated/${name}.truth.json`, 'utf8')) as Truth;
  it.each(['.docx', '-lo.pdf', '-chromium.pdf', '.doc'])(`${name}%s reads every true cell, with the page's findings`, async (suffix) => {
    const { result } = await auditFile(read(`generated/${name}${suffix}`), name + suffix, { today: TODAY });
    const report = result.report!;
    expect(report.format).toBe(truth.format);
    expect(report.year).toBe(truth.year);
    const read_ = Object.fromEntries(Object.keys(truth.cells).map((id) => [id, report.cells[id]?.value ?? null]));
    expect(read_).toEqual(truth.cells);
    expect(result.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(expectedRules);
    for (const rule of expectedInfoRules) expect(result.findings.some((f) => f.rule === rule && f.severity === 'info')).toBe(true);
    if (suffix.endsWith('.pdf')) {
      expect(Object.values(report.cells).every((c) => typeof c.page === 'number')).toBe(true);
      for (const f of result.findings.filter((x) => x.cells.length)) expect(f.page).toBeGreaterThanOrEqual(1);
    } else expect(Object.values(report.cells).some((c) => c.page !== undefined)).toBe(false);
  });
});

describe('the WPS 2021 template (.docx): merged cells reach the HTML path', async () => {
  const bytes = read('template-2021-wps.docx');
  const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  const docx = await readDocx(bytes);
  const html = docx.ok ? docx.html : '';

  it('keeps every horizontal merge (gridSpan → colspan)', () => {
    // A cell continuing a vertical merge repeats its gridSpan: it is not a cell of its own.
    const cells = xml.split(/<w:tc>|<w:tc /).slice(1);
    const continuing = (tc: string) => /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc.split('</w:tcPr>')[0]!);
    const spans = cells.filter((tc) => !continuing(tc)).map((tc) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc.split('</w:tcPr>')[0]!)?.[1] ?? 1)).filter((n) => n > 1).sort();
    const colspans = [...html.matchAll(/colspan="(\d+)"/g)].map((m) => Number(m[1])).sort();
    expect(spans.length).toBeGreaterThan(10);
    expect(colspans).toEqual(spans);
  });

  it('keeps every vertical merge (vMerge restart → rowspan)', () => {
    const restarts = [...xml.matchAll(/<w:vMerge w:val="restart"\/>/g)].length;
    const rowspans = [...html.matchAll(/rowspan="(\d+)"/g)].map((m) => Number(m[1]));
    expect(restarts).toBeGreaterThan(5);
    expect(rowspans).toHaveLength(restarts);
    // 三、本年度办理结果 spans the 22 result rows; (三)不予公开 its 8 items.
    expect(rowspans).toContain(22);
    expect(rowspans).toContain(8);
  });

  it('reads the same merges as mammoth (which keeps vMerge too, at twice the cost)', async () => {
    const mammoth = ((await import('mammoth')) as unknown as { default: typeof import('mammoth') }).default;
    const theirs = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) } as unknown as { arrayBuffer: ArrayBuffer })).value;
    const spans = (h: string) => [...h.matchAll(/(colspan|rowspan)="(\d+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(spans(html)).toEqual(spans(theirs));
  });

  it('is recognised as the 2021 format with every statutory row, all cells blank', async () => {
    const { result } = await auditFile(bytes, 'template-2021-wps.docx', { today: TODAY });
    expect(result.report?.format).toBe('2021');
    expect(result.findings.filter((f) => f.rule === 'structure.missing-row' || f.rule === 'structure.missing-section')).toEqual([]);
    expect(Object.values(result.report!.cells).every((c) => c.value === null)).toBe(true);
  });
});
