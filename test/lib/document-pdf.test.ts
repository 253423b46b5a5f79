/**
 * PDF input on a real report: 淮安市洪泽区人民政府's 2023 report as published (WPS 文字; table 三 across a
 * page break with its merged label cut by the page; page numbers between the parts; a typo in a label).
 * Exactly the two errors the table contains, each on its page, and nothing else wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditFile, sniffInputKind } from '../../lib/document/index';
import { findTables } from '../../lib/document/pdf/find-tables';
import { readPdf } from '../../lib/document/pdf/read-pdf';
import { labelKey, matchLabel } from '../../lib/recognize/labels';

const SAMPLE = new URL('../fixtures/documents/hongze-2023.pdf', import.meta.url);
const bytes = () => new Uint8Array(readFileSync(SAMPLE));

describe('hongze-2023.pdf (a WPS PDF)', async () => {
  const audit = await auditFile(bytes(), 'hongze-2023.pdf', { today: new Date('2024-06-01') });
  const { result } = audit;
  const report = result.report!;
  const value = (id: string) => report.cells[id]?.value;

  it('is read as a format 2021 report of 洪泽区人民政府 for 2023', () => {
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2023);
    expect(report.agency).toContain('洪泽区人民政府');
  });

  it('finds exactly the two 表四 errors, both on page 4', () => {
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.page])).toEqual([
      ['appeals.group-total', 4],
      ['appeals.group-total', 4],
    ]);
    expect(errors[0]!.message).toContain('行政复议');
    expect(errors[0]!.message).toMatch(/10.*1.*11.*0/);
    expect(errors[1]!.message).toContain('复议后起诉');
    expect(value('appeals/counts/review.total')).toBe(0);
    expect(value('appeals/counts/review.upheld')).toBe(10);
    expect(value('appeals/counts/review.corrected')).toBe(1);
    expect(value('appeals/counts/suit_after_review.upheld')).toBe(5);
  });

  it('warns of nothing but what the table lacks: (六) printed as one row', () => {
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => f.rule)).toEqual(['structure.missing-row']);
    expect([...new Set(warnings[0]!.cells.map((c) => c.split('/')[1]))]).toEqual(['result.other.1', 'result.other.2', 'result.other.3']);
    expect(value('applications/result.other/total')).toBe(0);
    expect(result.findings.map((f) => f.rule)).not.toContain('structure.template-mismatch');
    expect(result.findings.map((f) => f.rule)).not.toContain('structure.extra-row');
  });

  it('reads the last row of page 3 (its rules stop open at the break) and the rows after the break', () => {
    expect(value('applications/result.unavailable.2/natural_person')).toBe(3);
    expect(report.cells['applications/result.unavailable.2/total']?.page).toBe(3);
    expect(value('applications/result.unavailable.3/total')).toBe(0);
    expect(report.cells['applications/result.unavailable.3/total']?.page).toBe(4);
    expect(value('applications/result.total/total')).toBe(21);
    expect(value('applications/new/total')).toBe(21);
  });

  it('reads the typo 2.其他法律行政止公开 as the 其他法律行政法规禁止公开 row, said as a label variant', () => {
    const variant = result.findings.find((f) => f.rule === 'structure.label-variant');
    expect(variant?.message).toContain('其他法律行政止公开');
    expect(variant?.page).toBe(3);
    expect(value('applications/result.withheld.2/total')).toBe(0);
  });

  it('reads table 二 across the page 2 → 3 break, its header cell with no top rule included', () => {
    expect(value('active/20_6.penalty/decisions')).toBe(4119);
    expect(value('active/20_8.fees/amount')).toBe(7730.28);
    expect(report.cells['active/20_8.fees/amount']?.page).toBe(3);
    expect(report.cells['active/20_1.normative/in_force']?.page).toBe(2);
  });

  it('gives every cell read from the PDF its page', () => {
    const cells = Object.values(report.cells).filter((c) => c.raw !== '');
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.every((c) => c.page !== undefined && c.page >= 2 && c.page <= 4)).toBe(true);
  });

  it('drops the printed page numbers (- 3 -) from the text', async () => {
    const read = await readPdf(bytes());
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.layout.page.lines.some((l) => /^-\s*\d+\s*-$/.test(l))).toBe(false);
  });
});

describe('sniffInputKind', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['%PDF-1.7\n', 'pdf'],
    ['<!DOCTYPE html><html>', 'html'],
    ['MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x', 'mhtml'],
    ['一、总体情况\n本年度……', 'text'],
    ['', 'unknown'],
  ])('%j → %s', (head, kind) => expect(sniffInputKind(enc(head))).toBe(kind));
  it('by magic numbers: zip (docx) and OLE (doc)', () => {
    expect(sniffInputKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('docx');
    expect(sniffInputKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('doc');
  });
});

describe('findTables', () => {
  const h = (y: number, x0: number, x1: number) => ({ x0, x1, y0: y, y1: y });
  const v = (x: number, y0: number, y1: number) => ({ x0: x, x1: x, y0, y1 });
  it('closes a table whose last row runs open to a page break', () => {
    // Three columns, two closed rows and a third whose bottom rule is not drawn.
    const segments = [h(0, 0, 90), h(10, 0, 90), h(20, 0, 90), v(0, 0, 30), v(30, 0, 30), v(60, 0, 30), v(90, 0, 30)];
    const [table] = findTables(segments);
    expect(table!.cells).toHaveLength(9);
    expect(table!.box.bottom).toBe(30);
  });
  it('bridges an open top end to a rule that stops short of it (a merged label column cut by the page)', () => {
    const segments = [h(0, 30, 90), h(10, 0, 90), h(20, 0, 90), v(0, 0, 20), v(30, 0, 20), v(90, 0, 20)];
    const [table] = findTables(segments);
    expect(table!.cells.some((c) => c.x0 === 0 && c.top === 0 && c.x1 === 30 && c.bottom === 10)).toBe(true);
  });
  it('adds nothing for a lone vertical line', () => {
    expect(findTables([v(5, 0, 100)])).toEqual([]);
  });
});

describe('matchLabel: one run of characters dropped', () => {
  const m = (printed: string, statutory: string) => matchLabel(labelKey(printed), labelKey(statutory));
  it('accepts a label missing a run inside it', () => expect(m('2.其他法律行政止公开', '2.其他法律行政法规禁止公开')).toBe('variant'));
  it('refuses a short label, or one that lost its start or end', () => {
    expect(m('其他公开', '其他法律行政法规禁止公开')).toBeNull();
    expect(m('属于国家', '属于国家秘密')).toBeNull();
    expect(m('本机关不掌握', '本机关不掌握相关政府信息')).toBeNull();
  });
});
