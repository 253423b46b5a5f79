/** The audit memo (审核意见): agency, year, then each finding with its cells and numbers. */
import { describe, expect, it } from 'vitest';
import { memo, reportMemo } from '../../lib/export/memo';
import type { AuditResult } from '../../lib/model/schema';
import { audited } from './helpers';

const find = (name: string) => audited().find((a) => a.input.name.includes(name))!.result;

describe('memo', () => {
  it('names the agency and year first, then errors and warnings with printed cell labels and values', () => {
    const text = reportMemo(find('fault-row-total-2021'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('审核意见：临川县交通运输局2023年政府信息公开工作年度报告');
    expect(lines[1]).toBe('来源：pages/fault-row-total-2021.html');
    expect(lines[2]).toBe('年度：2023　格式：2021 年版　发布日期：2024-01-20');
    expect(text).toContain('表三“一、本年新收政府信息公开申请数量”×“总计” = 46');
    // One label per cell: the memo names a cell as the message and the CLI do (lib/format/cell-label).
    expect(text).toContain('表三“一、本年新收政府信息公开申请数量”×“商业企业” = 1');
    expect(text).not.toContain('法人或其他组织·');
    expect(text).toContain('应为 44，表中为 46');
    // The narrative's 44 agrees with the terms: the printed total is wrong, so the memo does not also blame the text.
    expect(text).toContain('错误（2）');
    expect(text).not.toContain('警告（');
    expect(text).not.toContain('正文为');
  });

  it('a blank is said as blank, with the value the relations imply (never as 0)', () => {
    const r = find('fault-blank-zeros-2019');
    const id = Object.entries(r.report!.cells).find(([, c]) => c.raw.trim() === '' && c.implied === 0)![0];
    const text = reportMemo({ ...r, findings: [{ rule: 'cell.missing', severity: 'warning', message: '为空白', cells: [id], expected: 0 }] });
    expect(text).toMatch(/= 空白（按勾稽关系应为 0）/);
  });

  it('short: a relation names the cells carrying figures and counts its zero terms', () => {
    const r = find('fault-row-total-2021');
    const balance = r.findings.find((f) => f.rule === 'applications.balance')!;
    const wide: AuditResult = { ...r, findings: [{ ...balance, cells: [...balance.cells, 'applications/new/natural_person', 'applications/carried_over/natural_person', 'applications/carried_over/commercial'] }] };
    const cellsLine = reportMemo(wide).split('\n').find((l) => l.includes('涉及单元格'))!;
    expect(cellsLine).not.toMatch(/= 0[；]|= 0$/);
    expect(cellsLine).toMatch(/另有 \d+ 个单元格为 0/);
    expect(cellsLine).toContain('×“总计” = 46');
  });

  it('a 20-term relation: the message counts its zero terms, the memo lists only the cells with figures', () => {
    const r = find('fault-result-total-split-2019');
    const f = r.findings.find((x) => x.rule === 'applications.result-total')!;
    const zeros = Number(/其余 (\d+) 项为 0/.exec(f.message)?.[1]);
    expect(zeros).toBeGreaterThan(0);
    const cellsLine = reportMemo(r).split('\n').find((l) => l.includes('涉及单元格') && l.includes('(一)予以公开'))!;
    expect(cellsLine).toContain(`另有 ${zeros} 个单元格为 0`);
    expect(cellsLine.split('；')).toHaveLength(f.cells.length - zeros + 1);
  });

  it('many blanks of one table: one sentence with the count and the rows, not every cell', () => {
    const text = reportMemo(find('fault-blank-zeros-2019'));
    const grouped = text.split('\n').find((l) => l.includes('表三有'))!;
    expect(grouped).toMatch(/^\d+\. 表三有 \d+ 个空白单元格（按勾稽关系均应为 0），在 \d+ 行：“一、本年新收政府信息公开申请数量”、/);
    expect(grouped.length).toBeLessThan(400);
    expect(text).not.toMatch(/= 空白（按勾稽关系应为 0）；.*= 空白（按勾稽关系应为 0）；.*= 空白（按勾稽关系应为 0）；.*= 空白/);
    expect(text.length).toBeLessThan(3000);
  });

  it('info findings are counted, and listed on request', () => {
    const r = find('extra-row-typos-2019');
    expect(reportMemo(r)).toMatch(/另有提示 \d+ 条未列出。/);
    const full = reportMemo(r, { includeInfo: true });
    expect(full).toMatch(/提示（\d+）/);
    expect(full).toContain('其他主动公开文件');
  });

  it('English labels with lang: en', () => {
    const text = reportMemo(find('fault-row-total-2021'), { lang: 'en' });
    expect(text.split('\n')[0]).toBe('Audit memo: 临川县交通运输局, government information disclosure annual report 2023');
    expect(text).toContain('Table 3 “new applications this year” × “total” = 46');
    expect(text).toContain('expected 44, the table prints 46');
  });

  it('an input that could not be audited says so, with the reason', () => {
    const r = find('hostile-pdf-only');
    const text = reportMemo(r);
    expect(text).toContain('（机关未识别）');
    expect(text).toContain('未能审核本报告');
    expect(text).toContain(r.findings[0]!.message);
  });

  it('several reports one after another; a quote and a deadline are shown', () => {
    const late: AuditResult = {
      source: 'a.html',
      report: { year: 2023, format: '2021', agency: '某局', published: '2024-03-01', cells: {} },
      findings: [
        { rule: 'meta.late-publication', severity: 'warning', message: '发布晚于法定期限', cells: [], deadline: '2024-01-31' },
        { rule: 'text.table-mismatch', severity: 'warning', message: '正文与表格不符', cells: ['applications/new/total'], quote: '共收到申请44件。', expected: 44, actual: 46 },
      ],
    };
    const text = memo([late, find('plain-2019')]);
    expect(text).toContain('适用期限：2024-01-31');
    expect(text).toContain('原文：“共收到申请44件。”');
    // A message that already quotes the sentence is not followed by the quote again.
    const quoted = reportMemo({ ...late, findings: [{ ...late.findings[1]!, message: '正文“共收到申请44件。”与表格不符' }] });
    expect(quoted.split('共收到申请44件。')).toHaveLength(2);
    expect(text).toContain('正文为 44，表中为 46');
    expect(text).toContain('表三“一、本年新收政府信息公开申请数量”×“总计” （表中未列出）');
    expect(text.split('————————————————')).toHaveLength(2);
    expect(text.endsWith('\n')).toBe(true);
  });
});
