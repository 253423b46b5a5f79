/** The cross-year rules over two years of one agency, in both formats and across the 2019→2021 change. */
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../lib/audit';
import { agencyKey, applyCrossYear, compareYears, consecutivePairs } from '../../lib/cross-year';
import { cleanReport, followingYear, type FixtureReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

const audit = (r: FixtureReport, name: string) => auditHtml(renderPage(r, { word: true }), name);

describe('cross-year rules', () => {
  for (const [format, year] of [['2019', 2019], ['2021', 2022], ['2019', 2020]] as const) {
    const first = cleanReport(format, { seed: 3, year });
    const second = followingYear(first);
    it(`are silent on consistent ${year} → ${year + 1} reports`, () => {
      expect(compareYears(audit(first, 'a'), audit(second, 'b'))).toEqual([]);
    });
    it(`flag a carried-over count that is not last year's carried-forward (${year} → ${year + 1})`, () => {
      const broken = structuredClone(second);
      const id = 'applications/carried_over/natural_person';
      broken.cells[id] = String(Number(broken.cells[id]) + 1);
      const findings = compareYears(audit(first, 'last.html'), audit(broken, 'this.html'));
      const f = findings.find((x) => x.rule === 'cross-year.carried-over');
      expect(f).toMatchObject({ severity: 'error', cells: [id], previous: { source: 'last.html', cells: ['applications/carried_forward/natural_person'] } });
      expect(f!.actual).toBe(f!.expected! + 1);
    });
  }

  it('flags a format-2019 item count that is not last year plus the change', () => {
    const first = cleanReport('2019', { seed: 4, year: 2019 });
    const second = followingYear(first);
    second.cells['active/20_6.penalty/previous'] = String(Number(second.cells['active/20_6.penalty/previous']) + 5);
    const f = compareYears(audit(first, 'a'), audit(second, 'b')).find((x) => x.rule === 'cross-year.previous-count');
    expect(f).toMatchObject({ severity: 'warning', cells: ['active/20_6.penalty/previous'], previous: { cells: ['active/20_6.penalty/previous', 'active/20_6.penalty/change'] } });
  });

  it('flags format-2021 documents in force that do not follow from last year', () => {
    const first = cleanReport('2021', { seed: 5, year: 2022 });
    const second = followingYear(first);
    second.cells['active/20_1.normative/in_force'] = String(Number(second.cells['active/20_1.normative/in_force']) + 2);
    const f = compareYears(audit(first, 'a'), audit(second, 'b')).find((x) => x.rule === 'cross-year.in-force');
    expect(f).toMatchObject({ severity: 'warning', cells: ['active/20_1.normative/in_force', 'active/20_1.normative/issued', 'active/20_1.normative/repealed'] });
    expect(f!.actual! - f!.expected!).toBe(2);
  });

  it('pairs reports of one agency for consecutive years only', () => {
    const a = cleanReport('2019', { seed: 6, year: 2020, agency: '乌兰察布市人民政府办公室' });
    const b = followingYear(a);
    const other = cleanReport('2021', { seed: 7, year: 2021, agency: '另一个局' });
    const results = [audit(b, 'b'), audit(other, 'o'), audit(a, 'a')];
    expect(consecutivePairs(results).map(([x, y]) => [x.source, y.source])).toEqual([['a', 'b']]);
    expect(agencyKey('乌兰察布市人民政府办公室')).toBe(agencyKey('乌兰察布市 政府办公室'));
    b.cells['applications/carried_over/total'] = '999';
    const withFault = applyCrossYear([audit(a, 'a'), audit(b, 'b')]);
    expect(withFault[1]!.findings.some((f) => f.rule === 'cross-year.carried-over')).toBe(true);
  });
});
