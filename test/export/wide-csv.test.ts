/** Wide CSV: one row per report, a column per canonical cell, the way a disclosure office compiles. */
import { describe, expect, it } from 'vitest';
import { wideCellText, wideColumns, wideCsv } from '../../lib/export/wide-csv';
import type { AuditResult } from '../../lib/model/schema';
import { statutoryCells } from '../../lib/model/statutory';
import { audited, BOM, readDelimited, unguard } from './helpers';

const pick = (name: string) => audited().find((a) => a.input.name.includes(name))!.result;

describe('wide CSV', () => {
  const results: AuditResult[] = [pick('plain-2019'), pick('plain-2021'), pick('extra-row-typos-2019'), pick('hostile-pdf-only')];
  const [header, labels, ...rows] = readDelimited(wideCsv(results), ',');

  it('starts with the BOM and has one row per input, unreadable inputs included', () => {
    expect(wideCsv(results).startsWith(BOM)).toBe(true);
    expect(rows.map((r) => r[0])).toEqual(results.map((r) => r.source));
    expect(rows[3]!.slice(1).every((c) => c === '')).toBe(true);
  });

  it('has a column for every statutory cell of both formats used, then the local rows by id and label', () => {
    for (const f of ['2019', '2021'] as const) for (const table of ['active', 'applications', 'appeals'] as const) for (const c of statutoryCells(table, f)) expect(header, c.id).toContain(c.id);
    expect(header).toContain('active/20_1.extra.1/made (其他主动公开文件)');
    expect(new Set(header).size).toBe(header!.length);
    expect(wideColumns(results).indexOf('applications/new/natural_person')).toBeLessThan(wideColumns(results).indexOf('appeals/counts/review.upheld'));
  });

  it('a Chinese label row under the ids, as the CLI and memo name the cells; --ids leaves it out', () => {
    const at = (id: string) => labels![header!.indexOf(id)];
    expect(labels!.slice(0, 5)).toEqual(['', '', '', '', '']);
    expect(at('applications/new/natural_person')).toBe('表三“一、本年新收政府信息公开申请数量”×“自然人”');
    expect(at('active/20_1.extra.1/made (其他主动公开文件)')).toContain('其他主动公开文件');
    const [, first] = readDelimited(wideCsv(results, { ids: true }), ',');
    expect(first![0]).toBe(results[0]!.source);
  });

  it('each cell under its column: numbers (amounts too, their unit in the next column), blanks blank, text as printed', () => {
    for (const [i, result] of results.entries()) {
      for (const [id, cell] of Object.entries(result.report?.cells ?? {})) {
        const col = header!.indexOf(cell.label ? `${id} (${cell.label})` : id);
        expect(unguard(rows[i]![col]!), id).toBe(wideCellText(cell));
      }
    }
    expect(wideCellText({ raw: '', value: null, implied: 0 })).toBe('');
    expect(wideCellText({ raw: '—', value: null })).toBe('—');
    expect(wideCellText({ raw: '32个', value: 32, unit: '个' })).toBe('32');
    expect(wideCellText({ raw: '-5项', value: -5, unit: '项' })).toBe('-5');
    expect(wideCellText({ raw: '42.21万元', value: 42.21, unit: '万元' })).toBe('42.21');
    expect(wideCellText({ raw: '2913705元', value: 2913705, unit: '元' })).toBe('2913705');
    const money: AuditResult = { source: 'm.html', report: { year: 2023, format: '2021', agency: '某局', published: null, cells: { 'active/20_8.fees/amount': { raw: '73802895.90元', value: 73802895.9, unit: '元' } } }, findings: [] };
    const [h, , row] = readDelimited(wideCsv([money]), ',');
    const col = h!.indexOf('active/20_8.fees/amount');
    expect([row![col], row![col + 1]]).toEqual(['73802895.9', '元']);
    expect(h![col + 1]).toBe('active/20_8.fees/amount#unit');
  });
});
