/**
 * Issue 3, "Bad input": a page that is not a report, empty and binary files, rowspan="65534",
 * colspan="1000", tables nested 500 deep, the same report twice on one page, a 20 MB page, input beyond
 * the size guard, a pre-2019 report; and the encodings and containers a saved page comes in (GBK with and
 * without a meta charset, MHTML) and the four forms of text dump the seeds show. Each gives a clear
 * input.* finding or a correct audit (one report, the right cells) — never a crash, a hang or OOM.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../lib/document/index';
import { MAX_INPUT_BYTES, auditBytes, auditHtml } from '../../lib/audit';
import type { AuditResult } from '../../lib/model/schema';
import { ACTIVE_ITEMS, APPLICATION_ROWS, FORMAT_IDS } from '../../lib/model/statutory';
import { labelWork } from '../../lib/recognize/labels';
import {
  HOSTILE_CASES,
  bigPage,
  encryptedPdf,
  longPdf,
  scannedPdf,
  zipBombDocx,
  bigPageReport,
  gbkEncode,
  gbkPage,
  gbkPageHtml,
  gbkPageReport,
  hugeSpanPage,
  hugeSpanReport,
  mhtmlPage,
  mhtmlReport,
  nestedTablesPage,
  nestedTablesReport,
  newsPage,
  noTablesPage,
  pre2019Page,
} from '../fixtures/hostile';
import { renderArticle, renderPage, renderTables, type LayoutOptions } from '../fixtures/render';
import { blankCell, breakRowTotal, cellIds, cleanReport, expectedValue, type FixtureReport } from '../fixtures/report-data';
import { retainedArrayBuffers } from '../helpers/retained-memory';
import { TODAY, nonInfo, values } from './helpers/reports';
import { DUMP_FORMS, textDump } from './helpers/text-dump';

const utf8 = (s: string) => new TextEncoder().encode(s);
const audit = (input: string | Uint8Array, source = 'input') => auditBytes(typeof input === 'string' ? utf8(input) : input, source, { today: TODAY });

/** Every cell of the fixture report, as the audit must read it. */
function expectCells(result: AuditResult, report: FixtureReport): void {
  expect(result.report, 'a report').not.toBeNull();
  const want: Record<string, number | null> = {};
  for (const id of cellIds(report.format)) if (id in report.cells) want[id] = expectedValue(report.cells[id]!);
  const got: Record<string, number | null | undefined> = {};
  for (const id of Object.keys(want)) got[id] = values(result)[id];
  expect(got).toEqual(want);
  expect(result.report!.format).toBe(report.format);
  expect(result.report!.year).toBe(report.year);
  expect(result.report!.published).toBe(report.published);
}

describe('a page that is not a report', () => {
  it.each([
    ['an article with headings but no tables', noTablesPage],
    ['a news page with statistics tables (12345 hotline)', newsPage],
    ['a column page of 500 nested layout tables', () => nestedTablesPage(500, false)],
    ['a login page', () => '<html><body><form><table><tr><td>用户名</td><td><input></td></tr><tr><td>密码</td><td><input type=password></td></tr></table></form></body></html>'],
  ])('%s: report null and one input.no-report error', (_n, make) => {
    const result = audit(make());
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['input.no-report', 'error']]);
  });
});

describe('a script-rendered empty shell (what a fetch of a JS-built page returns)', () => {
  it.each([
    ['an empty document', '<!DOCTYPE html><html><head><title></title></head><body></body></html>'],
    ['a single-page-app shell', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title><script src="/js/chunk-vendors.js"></script></head><body><noscript>请启用JavaScript</noscript><div id="app"></div><script src="/js/app.js"></script></body></html>'],
  ])('%s: input.unreadable, not input.no-report', (_n, html) => {
    const result = audit(html);
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['input.unreadable', 'error']]);
  });
});

describe('empty and binary files', () => {
  const cases: [string, Uint8Array][] = [
    ...HOSTILE_CASES.filter((c) => c.name === 'empty-file' || c.name === 'random-bytes').map((c): [string, Uint8Array] => [c.name, new Uint8Array(c.make() as Buffer)]),
    ['PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])],
    ['ZIP (docx) header', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0])],
    ['PDF', utf8('%PDF-1.4\n%âãÏÓ\n1 0 obj <</Type/Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n')],
    ['a lone BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
  ];
  it.each(cases)('%s: report null and one input.unreadable error', (_n, bytes) => {
    const result = audit(bytes);
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['input.unreadable', 'error']]);
  });
});

describe('rowspan="65534" and colspan="1000"', () => {
  it.each(['2019', '2021'] as const)('at row and table ends of a format %s report: clamped, the cells of the clean report, no finding', (format) => {
    const result = audit(hugeSpanPage(format));
    expectCells(result, hugeSpanReport(format));
    expect(result.findings).toEqual([]);
  });

  it('a table of 3000 rows each spanning 65534 × 1000 after the report: audited, quickly', () => {
    const r = cleanReport('2021', { seed: 31 });
    const hostile = `<table>${'<tr><td rowspan="65534" colspan="1000">x</td><td colspan="1000">1</td></tr>'.repeat(3000)}</table>`;
    const result = audit(renderPage(r).replace('</body>', `${hostile}</body>`));
    expectCells(result, r);
    // The grid guard stopped placing the hostile table's spans, and says so.
    expect(nonInfo(result).map((f) => f.rule)).toEqual(['input.truncated']);
  });

  it('rowspan="0" on 20 000 rows (standards mode: to the end of the row group) does not blow up', () => {
    const r = cleanReport('2019', { seed: 32 });
    const hostile = `<table>${'<tr><td rowspan="0">x</td><td>1</td></tr>'.repeat(20_000)}</table>`;
    const result = audit(renderPage(r).replace('</body>', `${hostile}</body>`));
    expectCells(result, r);
  });
});

describe('a table nested 500 deep', () => {
  it('with the report in the innermost cell: no stack overflow, the report read', () => {
    const result = audit(nestedTablesPage(500, true));
    expectCells(result, nestedTablesReport());
    expect(result.findings).toEqual([]);
  });

  it('without a report: input.no-report', () => {
    expect(audit(nestedTablesPage(500, false)).findings.map((f) => f.rule)).toEqual(['input.no-report']);
  });
});

describe('the same report twice on one page', () => {
  const r = cleanReport('2021', { seed: 33 });
  const page = renderPage(r);
  const variants: [string, () => string, FixtureReport][] = [
    ['a hidden print copy (display:none), format 2019, Word', () => renderPage(cleanReport('2019', { seed: 34 }), { hiddenCopy: true, word: true }), cleanReport('2019', { seed: 34 })],
    ['a hidden print copy (display:none), format 2021, split tables', () => renderPage(r, { hiddenCopy: true, splitApplications: true }), r],
    ['a mobile copy with the hidden attribute', () => page.replace('</body>', `<div class="mobile" hidden>${renderTables(r)}</div></body>`), r],
    ['a copy with visibility:hidden', () => page.replace('</body>', `<div style="visibility: hidden">${renderTables(r)}</div></body>`), r],
    // The hidden copy comes first and holds other numbers: only the visible one counts.
    ['an outdated hidden copy before the visible one (DISPLAY:NONE)', () => page.replace('<body>', `<body><div style="DISPLAY:NONE">${renderArticle(breakRowTotal(r, 'new', 9).report)}</div>`), r],
    ['a visible duplicate (the article printed twice)', () => page.replace('</body>', `<div class="print-version">${renderArticle(r)}</div></body>`), r],
    ['a visible duplicate of the tables only, Word markup', () => renderPage(r, { word: true }).replace('</body>', `<div>${renderTables(r, { word: true })}</div></body>`), r],
  ];
  it.each(variants)('%s: one report with the right cells, no finding', (_n, make, report) => {
    const result = audit(make());
    expectCells(result, report);
    expect(result.findings).toEqual([]);
    expect(Object.keys(result.report!.cells).filter((id) => id.includes('.extra.'))).toEqual([]);
  });

  it('a visible duplicate of a report with one wrong total: each finding once', () => {
    const fault = breakRowTotal(r, 'result.unavailable.2', 3);
    const result = audit(renderPage(fault.report).replace('</body>', `<div>${renderArticle(fault.report)}</div></body>`));
    expectCells(result, fault.report);
    const keys = result.findings.map((f) => `${f.rule}|${f.cells.join(',')}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.findings.filter((f) => f.rule === 'applications.row-total')).toHaveLength(1);
  });
});

describe('a 20 MB page with a report', () => {
  let bytes: Uint8Array | undefined;
  beforeAll(() => {
    bytes = utf8(bigPage(20 * 1024 * 1024));
  });

  it('is audited, every cell right, no finding', () => {
    expect(bytes!.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(bytes!.length).toBeLessThan(MAX_INPUT_BYTES);
    const result = audit(bytes!, 'big.html');
    expectCells(result, bigPageReport());
    expect(result.findings).toEqual([]);
    bytes = undefined;
  }, 60_000);
});

describe('beyond the size guard', () => {
  it('input.too-large, said at once (nothing decoded or parsed)', () => {
    const result = audit(new Uint8Array(MAX_INPUT_BYTES + 1), 'huge.html');
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['input.too-large', 'error']]);
  });
});

describe('a report before 2019', () => {
  it('structure.unsupported-format (info) once, format null, not a pile of missing rows', () => {
    const result = audit(pre2019Page(2017));
    expect(result.report).toMatchObject({ year: 2017, format: null });
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['structure.unsupported-format', 'info']]);
  });
});

// ---- Encodings and containers ----------------------------------------------------------------------

describe('GBK pages', () => {
  const report = gbkPageReport();
  it.each([
    ['<meta charset="gb2312">', true],
    ['no charset declaration (sniffed)', false],
  ] as const)('%s: the same cells as the UTF-8 page', (_n, meta) => {
    const result = audit(new Uint8Array(gbkPage({ meta })));
    expectCells(result, report);
    expect(result.report!.agency).toBe(report.agency);
    expect(result.findings).toEqual([]);
    const fromString = auditHtml(gbkPageHtml({ meta }), 'utf8', { today: TODAY });
    expect(result.report!.cells).toEqual(fromString.report!.cells);
  });

  it('a Word page saved as GBK (http-equiv charset=gbk), with full-width digits', () => {
    const layout: LayoutOptions = { word: true, fullWidthDigits: true, charset: 'gbk' };
    const result = audit(new Uint8Array(gbkEncode(renderPage(report, layout), 'throw')));
    expectCells(result, report);
  });

  it('a GBK page that wrongly declares utf-8 is still read (as GB18030)', () => {
    const result = audit(new Uint8Array(gbkEncode(renderPage(report, { charset: 'utf-8' }), 'throw')));
    expectCells(result, report);
  });
});

/** An MHTML file whose HTML part is base64 in the given charset, after a CSS part (as some browsers save). */
function base64Mhtml(html: Buffer, charset: string): string {
  const boundary = '----=_NextPart_000_0000_01DA1234.ABCDEF00';
  const b64 = html.toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    'From: <Saved by Windows Internet Explorer 11>',
    'Subject: report',
    'Date: Mon, 22 Jan 2024 10:00:00 +0800',
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    '',
    `--${boundary}`,
    'Content-Type: text/css',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://www.example.gov.cn/css/main.css',
    '',
    'body { margin: 0 }',
    `--${boundary}`,
    `Content-Type: text/html; charset="${charset}"`,
    'Content-Transfer-Encoding: base64',
    'Content-Location: http://www.example.gov.cn/art/2024/1/22/art_1.html',
    '',
    b64,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('MHTML (网页，单个文件)', () => {
  it('Chrome\'s quoted-printable UTF-8: the same cells as the page', () => {
    const result = audit(mhtmlPage(), 'page.mhtml');
    expectCells(result, mhtmlReport());
    expect(result.findings).toEqual([]);
  });

  it('base64 GBK after a CSS part', () => {
    const report = gbkPageReport(7);
    const html = gbkEncode(renderPage(report, { charset: 'gb2312' }), 'throw');
    const result = audit(base64Mhtml(html, 'gb2312'), 'page.mht');
    expectCells(result, report);
  });
});

describe('text dumps in the four forms of the seeds', () => {
  const reports = [cleanReport('2019', { seed: 41 }), cleanReport('2021', { seed: 42 }), cleanReport('2021', { seed: 43, agency: '东湖街道办事处' })];
  for (const report of reports) {
    const html = auditHtml(renderPage(report), 'page.html', { today: TODAY });
    it.each(DUMP_FORMS)(`%s (format ${report.format}, ${report.year}, ${report.agency}): the same cells, year, format, agency and date as the HTML page`, (form) => {
      const result = audit(textDump(report, form), `dump-${form}.txt`);
      expectCells(result, report);
      expect(result.report!.cells).toEqual(html.report!.cells);
      expect(result.report!.agency).toBe(html.report!.agency);
      expect(result.findings).toEqual(html.findings);
    });
  }

  const withBlank = blankCell(cleanReport('2021', { seed: 44 }), 'applications/result.withheld.1/natural_person').report;
  it.each(['pipe', 'cellLine'] as const)('%s: a blank cell of table 三 stays in its column (cell.missing on it)', (form) => {
    const result = audit(textDump(withBlank, form));
    expectCells(result, withBlank);
    expect(result.findings.filter((f) => f.rule === 'cell.missing').map((f) => f.cells)).toEqual([['applications/result.withheld.1/natural_person']]);
  });

  // Word text prints an empty cell as a line holding only a tab (seed 003's empty label slots); the reader
  // takes that line for a blank line and drops it, so the row's later values move one column left.
  it('tab: a blank value cell (a line holding only a tab) stays in its column', () => {
    const dump = textDump(withBlank, 'tab');
    expect(dump).toContain('\t(三)不予公开\n\t1.属于国家秘密\n\t\n');
    const result = audit(dump);
    expectCells(result, withBlank);
  });

  // One cell a line: the padding line (`|||||`) after table 四's third header row is read as five blank
  // values, so when the data row ends in blank cells (zeros left blank) its values shift right by five.
  it('cellLine: table 四 whose last cells are blank keeps its fifteen values in place', () => {
    const r = cleanReport('2021', { seed: 45 });
    for (const s of ['upheld', 'corrected', 'other', 'pending', 'total']) r.cells[`appeals/counts/suit_after_review.${s}`] = '';
    r.cells['appeals/counts/review.upheld'] = '2';
    r.cells['appeals/counts/review.total'] = String(['upheld', 'corrected', 'other', 'pending'].reduce((a, s) => a + Number(r.cells[`appeals/counts/review.${s}`] || 0), 0));
    const result = audit(textDump(r, 'cellLine'));
    const got = Object.fromEntries(cellIds('2021', 'appeals').map((id) => [id, values(result)[id]]));
    const want = Object.fromEntries(cellIds('2021', 'appeals').map((id) => [id, expectedValue(r.cells[id]!)]));
    expect(got).toEqual(want);
  });
});

describe('hostile documents (issue 12): a clear message, bounded time and memory, never a crash', () => {
  const SAMPLE = readFileSync(new URL('../fixtures/documents/hongze-2023.pdf', import.meta.url));
  const file = (bytes: Uint8Array, source = 'input') => auditFile(new Uint8Array(bytes), source, { today: TODAY });
  const only = (r: AuditResult) => r.findings.map((f) => [f.rule, f.message]);

  it('a scanned PDF (pictures, no text layer): 表格为图片，无法核对, with the pages', async () => {
    const { result } = await file(scannedPdf(3));
    expect(result.report).toBeNull();
    expect(only(result)).toEqual([['input.image-only', '表格为图片，无法核对（第 1–3 页）']]);
    const en = await auditFile(new Uint8Array(scannedPdf(1)), 'scan.pdf', { lang: 'en' });
    expect(en.result.findings[0]!.message).toBe('The tables are images and cannot be checked (page 1)');
  });

  it('an encrypted PDF says so', async () => {
    const { result } = await file(encryptedPdf());
    expect(only(result)).toEqual([['input.unreadable', expect.stringContaining('已加密')]]);
  });

  it.each([
    ['truncated to 60 %', 0.6],
    ['truncated to its first 3 KB', 3000 / SAMPLE.length],
  ])('a PDF %s: damaged or incomplete', async (_n, share) => {
    const { result } = await file(SAMPLE.subarray(0, Math.floor(SAMPLE.length * share)));
    expect(result.report).toBeNull();
    expect(only(result)).toEqual([['input.unreadable', expect.stringContaining('已损坏或不完整')]]);
  });

  it('a zero-byte file: empty', async () => {
    expect(only((await file(new Uint8Array())).result)).toEqual([['input.unreadable', '无法读取：输入为空']]);
  });

  it('a 200-page PDF (no report) is read whole and answers no-report', async () => {
    const { result } = await file(longPdf(200));
    expect(result.findings.map((f) => f.rule)).toEqual(['input.no-report']);
  }, 120_000);

  it('a zip bomb posing as .docx is refused from its directory, before inflating', async () => {
    const bomb = zipBombDocx(80 * 1024 * 1024);
    let result: Awaited<ReturnType<typeof file>>['result'] | undefined;
    const limit = 16 * 1024 * 1024;
    const kept = await retainedArrayBuffers(async () => ({ result } = await file(bomb, 'bomb.docx')), limit);
    expect(only(result!)).toEqual([['input.unreadable', expect.stringContaining('疑为压缩炸弹')]]);
    expect(kept).toBeLessThan(limit);
  });

  it('a damaged .docx (a zip header and garbage): damaged', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(only((await file(bytes, 'x.docx')).result)).toEqual([['input.unreadable', expect.stringContaining('Word 文件已损坏或不完整')]]);
  });

  it('a damaged .doc (the OLE signature and garbage): damaged', async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 3)]);
    expect(only((await file(bytes, 'x.doc')).result)).toEqual([['input.unreadable', expect.stringContaining('已损坏或不完整')]]);
  });

  it('a .doc that is really HTML is audited as the page it is', async () => {
    const report = cleanReport('2021', { seed: 8 });
    const { result } = await file(utf8(renderPage(report)), 'report.doc');
    expectCells(result, report);
    expect(nonInfo(result)).toEqual([]);
  });

  it('a batch goes on past every one of them', async () => {
    const results = await Promise.all([scannedPdf(), encryptedPdf(), zipBombDocx(70 * 1024 * 1024), utf8(renderPage(cleanReport('2019', { seed: 2 })))].map((b) => file(b)));
    expect(results.map((r) => r.result.report === null)).toEqual([true, true, true, false]);
  });
});

describe('label matching stays bounded (issue 11)', () => {
  const STATUTORY_LABELS = [...new Set(FORMAT_IDS.flatMap((f) => [...ACTIVE_ITEMS[f].flatMap((i) => i.rows), ...APPLICATION_ROWS[f]].map((r) => r.label.zh)))];
  /** Four characters inside the label: beyond every label's tolerance, and no longer a prefix match. */
  const nearMiss = (label: string) => `${label.slice(0, 2)}甲乙丙丁${label.slice(2)}`;
  const rowsTable = (n: number, label: (i: number) => string) =>
    `<table>${Array.from({ length: n }, (_, i) => `<tr><td>${label(i)}</td><td>${i % 7}</td><td>1</td></tr>`).join('')}</table>`;
  const work = (html: string) => {
    labelWork.cells = 0;
    const result = audit(html);
    return { result, cells: labelWork.cells };
  };
  const r = cleanReport('2021', { seed: 51 });
  const page = renderPage(r);

  it('every row a near-miss of a statutory label: work grows linearly, the report still read', () => {
    const label = (i: number) => nearMiss(STATUTORY_LABELS[i % STATUTORY_LABELS.length]!);
    const small = work(page.replace('</body>', `${rowsTable(1_000, label)}</body>`));
    const large = work(page.replace('</body>', `${rowsTable(10_000, label)}</body>`));
    expectCells(large.result, r);
    expect(nonInfo(large.result)).toEqual([]);
    expect(large.cells).toBeLessThan(small.cells * 12);
  });

  it('10 000 label-like rows (statutory labels, numbered and renumbered): linear, a result and no crash', () => {
    const label = (i: number) => `${['', '①', '1、', '(1)'][i % 4]}${STATUTORY_LABELS[i % STATUTORY_LABELS.length]}`;
    const small = work(page.replace('</body>', `${rowsTable(1_000, label)}</body>`));
    const large = work(page.replace('</body>', `${rowsTable(10_000, label)}</body>`));
    expect(large.result.report).not.toBeNull();
    expect(large.cells).toBeLessThan(small.cells * 12);
  });
});
