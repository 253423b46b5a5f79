/**
 * The parts of the batch HTML report people work in: a filter bar (search, unit, parent, year, rule,
 * severity, coverage status), a problem list with one row per finding, the units × years coverage matrix,
 * a legend, and a small inline script that filters and sorts every `table.work` (the file stays
 * self-contained: no network). Rows carry what they are filtered by in data-* attributes.
 */
import { escapeHtml } from '../export/html-table';
import { t, type Lang } from '../i18n/messages';
import type { Severity } from '../model/schema';
import type { Coverage, CoverageStatus } from '../roster/coverage';
import { coverageMatrix, STATUS_MARK, yearCounts } from '../roster/coverage-text';
import { ruleName } from './rule-name';

export const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export interface ProblemRow {
  anchor: string;
  unit: string;
  parent: string;
  year: number | null;
  rule: string;
  severity: Severity;
  message: string;
}

const esc = (s: string | number | null | undefined) => escapeHtml(String(s ?? ''));
const attr = esc;

/** data-* for a row: `rules` and `severities` are space-separated lists (a report row has many). */
export function filterData(d: { unit?: string; parent?: string; year?: number | null; rules?: string[]; severities?: string[] }): string {
  return [
    d.unit !== undefined ? ` data-unit="${attr(d.unit)}"` : '',
    d.parent !== undefined ? ` data-parent="${attr(d.parent)}"` : '',
    d.year !== undefined ? ` data-year="${attr(d.year)}"` : '',
    d.rules ? ` data-rule="${attr(d.rules.join(' '))}"` : '',
    d.severities ? ` data-severity="${attr(d.severities.join(' '))}"` : '',
  ].join('');
}

export const severityBadge = (s: Severity, lang: Lang) => `<span class="badge ${s}" title="${attr(t(`severity_${s}`, {}, lang))}">${SEVERITY_MARK[s]} ${esc(t(`severity_${s}`, {}, lang))}</span>`;

export const ruleCell = (rule: string, lang: Lang) => `<code>${esc(rule)}</code> ${esc(ruleName(rule, lang))}`;

function select(name: string, label: string, values: { value: string; text: string }[], lang: Lang): string {
  const options = values.map((v) => `<option value="${attr(v.value)}">${esc(v.text)}</option>`).join('');
  return `<label>${esc(label)} <select data-filter="${name}"><option value="">${esc(t('html_all', {}, lang))}</option>${options}</select></label>`;
}

const uniq = (xs: (string | number | null | undefined)[]) => [...new Set(xs.filter((x): x is string | number => x !== null && x !== undefined && x !== '').map(String))].sort((a, b) => a.localeCompare(b, 'zh'));

export function filterBar(p: { units: string[]; parents: string[]; years: (number | null)[]; rules: string[]; coverage: boolean }, lang: Lang): string {
  const plain = (xs: string[]) => xs.map((x) => ({ value: x, text: x }));
  const rules = uniq(p.rules).map((r) => ({ value: r, text: `${ruleName(r, lang)} (${r})` }));
  const severities = (['error', 'warning', 'info'] as const).map((s) => ({ value: s, text: `${SEVERITY_MARK[s]} ${t(`severity_${s}`, {}, lang)}` }));
  const statuses = (['missing', 'late', 'published'] as const).map((s) => ({ value: s, text: `${STATUS_MARK[s]} ${t(`coverage_${s}`, {}, lang)}` }));
  return `<div id="filters" class="filters"><input type="search" id="q" placeholder="${attr(t('html_search', {}, lang))}" aria-label="${attr(t('html_search', {}, lang))}">
${select('unit', t('coverage_unit', {}, lang), plain(uniq(p.units)), lang)}
${select('parent', t('coverage_parent', {}, lang), plain(uniq(p.parents)), lang)}
${select('year', t('cli_year', {}, lang), plain(uniq(p.years)), lang)}
${select('rule', t('batch_rule', {}, lang), rules, lang)}
${select('severity', t('xlsx_severity', {}, lang), severities, lang)}
${p.coverage ? select('status', t('xlsx_status', {}, lang), statuses, lang) : ''}</div>`;
}

export function legend(lang: Lang): string {
  return `<p class="legend">${(['error', 'warning', 'info'] as const).map((s) => severityBadge(s, lang)).join(' ')} <span class="st late">${STATUS_MARK.late} ${esc(t('coverage_late', {}, lang))}</span> <span class="st missing">${STATUS_MARK.missing} ${esc(t('coverage_missing', {}, lang))}</span><br>${esc(t('html_legend', {}, lang))}</p>`;
}

export function problemsTable(rows: readonly ProblemRow[], lang: Lang): string {
  const h = (k: string) => `<th>${esc(t(k, {}, lang))}</th>`;
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.severity}"${filterData({ unit: r.unit, parent: r.parent, year: r.year, rules: [r.rule], severities: [r.severity] })}><td data-sort="${RANK[r.severity]}">${severityBadge(r.severity, lang)}</td><td>${esc(r.unit)}</td><td>${esc(r.parent)}</td><td>${esc(r.year ?? '—')}</td><td>${ruleCell(r.rule, lang)}</td><td>${esc(r.message)}</td><td><a href="#${r.anchor}">${esc(t('html_view', {}, lang))}</a></td></tr>`,
    )
    .join('');
  return `<h2>${esc(t('html_problems', {}, lang))} <span class="shown" data-for="problems"></span></h2>
<table class="work" id="problems"><thead><tr>${h('xlsx_severity')}${h('coverage_unit')}${h('coverage_parent')}${h('cli_year')}${h('batch_rule')}${h('xlsx_problem')}<th></th></tr></thead><tbody>${body}</tbody></table>`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function coverageMatrixHtml(c: Coverage, lang: Lang): string {
  const cell = (s: CoverageStatus, year: number) => `<td class="st ${s}" data-col-year="${year}" data-sort="${s}">${STATUS_MARK[s]} ${esc(t(`coverage_${s}`, {}, lang))}</td>`;
  const rows = coverageMatrix(c)
    .map((r) => {
      const statuses = c.years.map((y) => `${y}:${r.byYear.get(y) ?? 'missing'}`).join(' ');
      return `<tr${filterData({ unit: r.unit, parent: r.parent ?? '' })} data-status="${attr(statuses)}"><td>${esc(r.unit)}</td><td>${esc(r.parent ?? '—')}</td>${c.years.map((y) => cell(r.byYear.get(y) ?? 'missing', y)).join('')}</tr>`;
    })
    .join('');
  const counts = c.years.map((year) => `<li>${esc(t('coverage_counts', { year, ...yearCounts(c, year) }, lang))}</li>`).join('');
  return `<h2>${esc(t('html_coverage', {}, lang))} <span class="shown" data-for="coverage"></span></h2><ul>${counts}</ul>
<table class="work" id="coverage"><thead><tr><th>${esc(t('coverage_unit', {}, lang))}</th><th>${esc(t('coverage_parent', {}, lang))}</th>${c.years.map((y) => `<th data-col-year="${y}">${y}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

export const WORK_CSS = `
.filters{position:sticky;top:0;background:#f4f6fa;border:1px solid #99a;padding:6px 8px;z-index:2;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
.filters input{min-width:16em;padding:2px 4px}
table.work th{cursor:pointer;background:#eef;user-select:none}table.work th[aria-sort=ascending]::after{content:" ▲"}table.work th[aria-sort=descending]::after{content:" ▼"}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-weight:bold;white-space:nowrap}
.badge.error{background:#b00;color:#fff}.badge.warning{background:#e08a00;color:#000}.badge.info{background:#ddd;color:#333;font-weight:normal}
tr.error td:first-child{border-left:6px solid #b00}tr.warning td:first-child{border-left:6px solid #e08a00}
.st.missing{background:#b00;color:#fff;font-weight:bold}.st.late{background:#ffd27a;color:#000;font-weight:bold}.st.published{color:#176117}
.legend{border:1px solid #ccc;padding:6px 8px;background:#fafafa}.shown{font-size:12px;color:#555;font-weight:normal}`;

/** Filters (every select and the search box at once) and click-to-sort for every table.work. */
export const WORK_SCRIPT = `(function(){
var q=document.getElementById('q');var sel=[].slice.call(document.querySelectorAll('select[data-filter]'));
function has(list,v){return (' '+list+' ').indexOf(' '+v+' ')>=0}
function apply(){var text=q?q.value.trim().toLowerCase():'';var want={};sel.forEach(function(s){if(s.value)want[s.dataset.filter]=s.value});
[].forEach.call(document.querySelectorAll('table.work'),function(tb){var shown=0,total=0;
[].forEach.call(tb.querySelectorAll('tbody>tr'),function(tr){total++;var ok=!text||tr.textContent.toLowerCase().indexOf(text)>=0;
for(var k in want){var v=want[k];if(k==='status'){if(tr.dataset.status===undefined)continue;var st=tr.dataset.status.split(' ');ok=ok&&st.some(function(p){var y=p.split(':');return y[1]===v&&(!want.year||y[0]===want.year)})}
else if(tr.dataset[k]!==undefined){ok=ok&&(k==='rule'||k==='severity'?has(tr.dataset[k],v):tr.dataset[k]===v)}}
tr.hidden=!ok;if(ok)shown++});
[].forEach.call(tb.querySelectorAll('[data-col-year]'),function(c){c.hidden=!!want.year&&c.dataset.colYear!==want.year});
var n=document.querySelector('.shown[data-for="'+tb.id+'"]');if(n)n.textContent=${JSON.stringify('({shown}/{total})')}.replace('{shown}',shown).replace('{total}',total)})}
if(q)q.addEventListener('input',apply);sel.forEach(function(s){s.addEventListener('change',apply)});
[].forEach.call(document.querySelectorAll('table.work thead th'),function(th){th.addEventListener('click',function(){var tb=th.closest('table'),i=[].indexOf.call(th.parentNode.children,th),body=tb.querySelector('tbody'),asc=th.getAttribute('aria-sort')!=='ascending';
[].forEach.call(th.parentNode.children,function(c){c.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');
var key=function(tr){var c=tr.children[i];var v=c?(c.dataset.sort!==undefined?c.dataset.sort:c.textContent.trim()):'';var n=parseFloat(v.replace('%',''));return isNaN(n)||!/^-?[\\d.]+%?$/.test(v)?v:n};
var rows=[].slice.call(body.children).sort(function(a,b){var x=key(a),y=key(b);var d=typeof x==='number'&&typeof y==='number'?x-y:String(x).localeCompare(String(y),'zh');return asc?d:-d});
rows.forEach(function(r){body.appendChild(r)})})});apply()})();`;
