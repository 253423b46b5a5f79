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
    expect(text).toContain('表三“一、本年新收政府信息公开申请数量”×“法人或其他组织·商业企业” = 1');
    expect(text).toContain('应为 44，表中为 46');
    // The narrative's 44 agrees with the terms: the printed total is wrong, so the memo does not also blame the text.
    expect(text).toContain('错误（2）');
    expect(text).not.toContain('警告（');
    expect(text).not.toContain('正文为');
  });

  it('a blank is said as blank, with the value the relations imply (never as 0)', () => {
    const text = reportMemo(find('fault-blank-zeros-2019'));
    expect(text).toMatch(/= 空白（按勾稽关系应为 0）/);
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
    expect(text).toContain('正文为 44，表中为 46');
    expect(text).toContain('表三“一、本年新收政府信息公开申请数量”×“总计” （表中未列出）');
    expect(text.split('————————————————')).toHaveLength(2);
    expect(text.endsWith('\n')).toBe(true);
  });
});
