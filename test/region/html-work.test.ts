/**
 * The batch HTML report people work in, its inline script run in happy-dom: the search box and the
 * unit / year / rule / severity / status filters hide rows, choosing a year shows that year's column of
 * the coverage matrix and, with 未发布, only the units that have not published; a heading click sorts.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { HtmlReportBuilder } from '../../lib/batch/html-report';
import { SummaryBuilder } from '../../lib/batch/summary';
import { auditHtml } from '../../lib/audit';
import { RegionTracker } from '../../lib/roster/region';
import { parseRoster } from '../../lib/roster/roster';
import { renderPage } from '../fixtures/render';
import { REPORTS } from './site';

const ROSTER = '单位,上级,别名\n清河县人民政府,,\n财政局,清河县人民政府,\n清河县教育局,清河县人民政府,\n清河县卫生健康委员会,清河县人民政府,县卫健委\n清河县审计局,清河县人民政府,\n';

function report(): Window {
  const region = new RegionTracker(parseRoster(ROSTER));
  const summary = new SummaryBuilder();
  const html = new HtmlReportBuilder('zh');
  REPORTS.forEach((r, i) => {
    const result = auditHtml(renderPage(r.report, {}), `http://site.invalid${r.path}`);
    summary.add(result, i);
    region.add(result, i);
    html.add(result, i);
  });
  const outcome = region.finish('zh');
  const text = html.finish(summary.finish(), { coverage: outcome.coverage, unitOf: (s) => region.unitOf(s) });
  const window = new Window({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } } as ConstructorParameters<typeof Window>[0]);
  window.document.write(text);
  return window;
}

const visible = (w: Window, table: string) => [...w.document.querySelectorAll(`#${table} tbody tr`)].filter((tr) => !(tr as unknown as HTMLElement).hidden);
function choose(w: Window, filter: string, value: string) {
  const select = w.document.querySelector(`select[data-filter="${filter}"]`) as unknown as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new w.Event('change') as unknown as Event);
}

describe('the batch HTML report', () => {
  it('filters by year and status: choosing 2023 and 未发布 leaves the units that have not published', () => {
    const w = report();
    expect(visible(w, 'coverage')).toHaveLength(5);
    choose(w, 'year', '2023');
    choose(w, 'status', 'missing');
    expect(visible(w, 'coverage').map((tr) => tr.querySelector('td')!.textContent)).toEqual(['清河县审计局']);
    const yearHeads = [...w.document.querySelectorAll('#coverage thead th[data-col-year]')].filter((th) => !(th as unknown as HTMLElement).hidden);
    expect(yearHeads.map((th) => th.textContent)).toEqual(['2023']);
    expect(visible(w, 'reports').every((tr) => tr.getAttribute('data-year') === '2023')).toBe(true);
  });

  it('filters problems by severity, rule and unit, and by the search box; sorts on a heading click', () => {
    const w = report();
    const all = visible(w, 'problems').length;
    expect(all).toBeGreaterThan(0);
    choose(w, 'rule', 'meta.late-publication');
    expect(visible(w, 'problems').map((tr) => tr.getAttribute('data-unit'))).toEqual(['清河县卫生健康委员会']);
    expect(visible(w, 'reports').map((tr) => tr.getAttribute('data-unit'))).toEqual(['清河县卫生健康委员会']);
    choose(w, 'rule', '');
    choose(w, 'severity', 'error');
    expect(visible(w, 'problems').every((tr) => tr.getAttribute('data-severity') === 'error')).toBe(true);
    choose(w, 'severity', '');
    const q = w.document.getElementById('q') as unknown as HTMLInputElement;
    q.value = '审计局';
    q.dispatchEvent(new w.Event('input') as unknown as Event);
    expect(visible(w, 'coverage').map((tr) => tr.querySelector('td')!.textContent)).toEqual(['清河县审计局']);
    q.value = '';
    q.dispatchEvent(new w.Event('input') as unknown as Event);
    const unitHead = w.document.querySelectorAll('#coverage thead th')[0] as unknown as HTMLElement;
    unitHead.click();
    unitHead.click();
    const names = visible(w, 'coverage').map((tr) => tr.querySelector('td')!.textContent!);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'zh')));
    expect(unitHead.getAttribute('aria-sort')).toBe('descending');
  });

  it('shows a legend, Chinese rule names beside ids, ratios per report and strong problem marks', () => {
    const w = report();
    const doc = w.document;
    expect(doc.querySelector('.legend')!.textContent).toMatch(/错误.*警告/s);
    expect(doc.querySelector('#reports thead')!.textContent).toMatch(/公开率.*复议纠错率/s);
    expect(doc.querySelector('#problems tbody tr td:nth-child(5)')!.textContent).toMatch(/^[a-z.-]+ [\u4e00-\u9fff]/);
    expect(doc.querySelector('.st.missing')).not.toBeNull();
  });
});
