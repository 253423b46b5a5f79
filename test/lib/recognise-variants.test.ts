/**
 * Layout variants seen on real agency pages that the renderer does not produce, each a small page or a
 * targeted change to a rendered one, with what a careful reviewer reads on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditBytes, auditHtml } from '../../lib/audit';
import { cleanReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

const problems = (html: string) => auditHtml(html, 'variant.html').findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`);

describe('recognition of real-world variants', () => {
  it('(六)其他处理 left out of its cell: 3.其他 right after its siblings is still result.other.3', () => {
    const report = cleanReport('2021', { seed: 3 });
    const html = renderPage(report, {}).replace(/(<td[^>]*>)\s*[（(]六[)）]其他处理\s*(<\/td>)/, '$1$2');
    expect(html).not.toMatch(/六[)）]其他处理/);
    const result = auditHtml(html, 'x');
    expect(result.report?.cells['applications/result.other.3/total']?.value).toBe(Number(report.cells['applications/result.other.3/total']));
    expect(problems(html)).toEqual([]);
  });
});

/**
 * Hand-written pages in the layouts of other CMSs and Word/WPS exports (test/fixtures/variants/), all
 * with the same true figures: table 三 new 29, handled 28; table 四 review 4, direct suits 2.
 */
describe('hand-written pages from other CMSs and exports', () => {
  const DIR = join(import.meta.dirname, '../fixtures/variants');
  const read = (file: string) => auditBytes(readFileSync(join(DIR, file)), file, { today: new Date('2026-11-22') });
  const CASES: { file: string; why: string; published?: string; late?: boolean; also?: string[] }[] = [
    { file: 'v08-group-own-row.html', why: '(三)…(六) group labels on rows of their own with empty cells' },
    { file: 'v09-group-merged-label.html', why: '（三）不予公开 1.属于国家秘密 merged in one cell' },
    { file: 'v09b-first-result-merged.html', why: '三、本年度办理结果（一）予以公开 merged in one cell' },
    { file: 'v12-span-font-sup.html', why: 'numbers wrapped in <span><font>, footnote marks in <sup>' },
    { file: 'v12b-sup-4.html', why: 'a footnote mark made with vertical-align:super' },
    // Its overview was carried over from a later template (2023年，某市交通运输局…) in a 2020 report: rightly flagged.
    { file: 'v16-2019-neg-amount.html', why: '本年增/减 as 减少2, 增加3, (1); amounts with thousands separators', also: ['text.year-mismatch'] },
    { file: 'v20-t4-split.html', why: 'table 四 printed as two tables, 行政复议 then 行政诉讼' },
    { file: 'v56-label-wording.html', why: '3.其它, 合计 and other wordings' },
    { file: 'v70-txt-0.html', why: '不涉及 in table 二 value cells' },
    { file: 'v47b-歙县.html', why: "a one-character county's report on its area: 31 March", published: '2024-03-15' },
    { file: 'v46-bare-datetime-late.html', why: 'an unlabelled date and time above the article', published: '2024-02-10', late: true },
    { file: 'v46c-chengwen-fabu.html', why: '成文日期 before 发布日期 in the metadata', published: '2024-02-10', late: true },
    { file: 'v46g-td-label-nosig.html', why: '发布日期： and its date in separate cells', published: '2024-02-10', late: true },
    { file: 'd7-sec6-inline-only.html', why: '六、其他需要报告的事项。本年度未收取信息处理费。 on one line: the fee is stated' },
    { file: 'e10-county-gov-paren-year.html', why: "a county government's title with the year in brackets: its area report, 31 March", published: '2024-03-20' },
    { file: 'd8c-control-yearmismatch.html', why: 'an overview that names the agency under last year (2022年，某市交通运输局…)', also: ['text.year-mismatch'] },
    { file: 'b1-t3-seq-col.html', why: 'a 序号 column before the labels of table 三' },
    { file: 'g3-t3-seq-col-again.html', why: 'a 序号 column written (1), (2) …' },
    { file: 'a4-trailing-dot.html', why: 'numbers with a stray full stop (20.)' },
    { file: 'a4d-dot-t4.html', why: 'table 四 numbers with a stray full stop' },
    { file: 'c2-t2-2021-plus-item9.html', why: 'a 2021 table 二 that still prints item (九): kept as an extra row' },
    { file: 'd2-arabic-heads.html', why: 'section headings numbered 1. 2. 3.' },
    { file: 'd3-paren-heads.html', why: 'section headings numbered (一) (二) (三)' },
    { file: 'e7-sidebar-other-years.html', why: "a sidebar link to last year's report does not set the year" },
  ];
  for (const c of CASES) {
    it(c.why, () => {
      const result = read(c.file);
      const cell = (id: string) => result.report?.cells[id]?.value;
      expect([cell('applications/new/total'), cell('applications/result.total/total'), cell('appeals/counts/review.total'), cell('appeals/counts/suit_direct.total')]).toEqual([29, 28, 4, 2]);
      if (c.published) expect(result.report?.published).toBe(c.published);
      const problems = result.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);
      expect(problems).toEqual([...(c.also ?? []), ...(c.late ? ['meta.late-publication'] : [])]);
    });
  }

  it('item (九) in a 2021 table keeps its cells', () => {
    const cells = read('c2-t2-2021-plus-item9.html').report!.cells;
    expect(cells['active/20_9.extra.1/amount']).toMatchObject({ value: 1234.5, unit: '万元' });
  });

  it('a page number in the middle of a row of a text dump is not a cell', () => {
    const result = read('t1g-004-pagenum-midrow.txt');
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a PDF shown in an embedded viewer is named as the attachment', () => {
    const [finding] = read('v24b-iframe-pdf.html').findings;
    expect(finding).toMatchObject({ rule: 'input.no-report' });
    expect(finding!.message).toContain('report2023.pdf');
  });
});

describe('narrative figures as real reports word them', () => {
  const report = cleanReport('2021', { seed: 5 });
  const table = (row: string) => Number(report.cells[`applications/${row}/total`]);
  const mismatches = (sentence: string) => {
    const r = structuredClone(report);
    r.narrative.overview = [sentence];
    return auditHtml(renderPage(r, {}), 'x').findings.filter((f) => f.rule === 'text.table-mismatch');
  };

  it('reads counts in Chinese numerals', () => {
    expect(mismatches('共收到政府信息公开申请三十五件。')).toMatchObject([{ expected: 35, actual: table('new') }]);
  });

  it('受理 N件 that counts the carried-over applications too is no contradiction', () => {
    expect(mismatches(`全年共受理政府信息公开申请${table('new') + table('carried_over')}件，按时办结率100%。`)).toEqual([]);
  });

  it('“no review and no lawsuit” while table 四 counts some is flagged for each', () => {
    const found = mismatches('本年度无因政府信息公开引起的行政复议和行政诉讼案件。');
    expect(found.map((f) => f.cells)).toEqual([['appeals/counts/review.total'], ['appeals/counts/suit_direct.total', 'appeals/counts/suit_after_review.total']]);
    expect(found.every((f) => f.expected === 0)).toBe(true);
  });

  it('“none corrected” speaks of outcomes, not of the count: silent', () => {
    expect(mismatches('本年度政府信息公开行政复议案件无被纠错情况。')).toEqual([]);
  });

  it('上一年度结转 and 均已按期办结 are read', () => {
    expect(mismatches(`上一年度结转政府信息公开申请${table('carried_over') + 2}件。`)).toMatchObject([{ cells: ['applications/carried_over/total'] }]);
    expect(mismatches('政府信息公开申请均已按期办结。')).toMatchObject([{ cells: ['applications/carried_forward/total'], actual: table('carried_forward') }]);
  });
});
