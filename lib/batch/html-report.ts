/**
 * One self-contained HTML file for a batch (no network; a small inline script filters and sorts): a
 * filter bar and legend, the units × years coverage when a roster is given, a problem list (a row per
 * finding), a row per report with its ratios, a bar chart of findings per rule, a chart of reports per
 * year and format, and a drill-down per report showing its tables with the faulty cells marked the way
 * the extension marks them (colour and shape by severity).
 * Built one result at a time; only the small drill-down of each report and its findings' lines are kept.
 */
import type { Comparison } from '../compare/compare';
import { tablesHtml } from '../export/html-table';
import { t, type Lang } from '../i18n/messages';
import { findingNumbers } from '../format/finding-numbers';
import type { AuditResult, Finding, Severity } from '../model/schema';
import type { Coverage } from '../roster/coverage';
import type { RosterUnit } from '../roster/roster';
import { coverageMatrixHtml, filterBar, filterData, legend, problemsTable, ruleCell, severityBadge, WORK_CSS, WORK_SCRIPT, type ProblemRow } from './html-work';
import type { BatchSummary } from './summary';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
/** A CSS attribute-selector string: quotes and backslashes escaped. */
const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface Entry {
  order: number;
  anchor: string;
  source: string;
  html: string;
  agency: string | null;
  year: number | null;
  findings: { rule: string; severity: Severity; message: string }[];
}

/** What a roster adds to the report: the coverage matrix and each report's unit. */
export interface HtmlRegion {
  coverage: Coverage;
  unitOf: (source: string) => RosterUnit | undefined;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export class HtmlReportBuilder {
  private entries: Entry[] = [];
  private pairs: string[] = [];

  /** `hrefOf`: the link to a report's source (a file URL on the command line). */
  constructor(
    private readonly lang: Lang,
    private readonly hrefOf: (source: string) => string = (source) => source,
  ) {}

  add(result: AuditResult, order = this.entries.length): void {
    if (!result.report) return;
    const lang = this.lang;
    const anchor = `r${order + 1}`;
    // The worst severity each cell is named by.
    const worst = new Map<string, Severity>();
    for (const f of result.findings) for (const c of f.cells) if (!worst.has(c) || RANK[f.severity] < RANK[worst.get(c)!]) worst.set(c, f.severity);
    const style = [...worst]
      .filter(([, s]) => s !== 'info')
      .map(([cell, s]) => `#${anchor} [data-cell=${cssString(cell)}]{outline:${s === 'error' ? '3px solid #b00' : '3px dashed #b86e00'};outline-offset:-3px;background:${s === 'error' ? '#f9c9c9' : '#ffe3a8'};font-weight:bold}`)
      .join('\n');
    const findings = result.findings
      .map((f) => `<li class="${f.severity}">${severityBadge(f.severity, lang)} ${ruleCell(f.rule, lang)}：${esc(f.message)}${numbersOf(f, lang)}</li>`)
      .join('');
    const r = result.report;
    this.entries.push({
      order,
      anchor,
      source: result.source,
      agency: r.agency,
      year: r.year,
      findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
      html: `<section id="${anchor}"><style>${style}</style><h3>${esc(r.agency ?? result.source)} · ${esc(r.year ?? '')}</h3><p class="src">${esc(result.source)}</p><ul class="findings">${findings || `<li>${esc(t('cli_noFindings', {}, lang))}</li>`}</ul><details><summary>${esc(t('html_tables', {}, lang))}</summary>${tablesHtml(r, undefined, { lang })}</details></section>`,
    });
  }

  /** One agency's consecutive years: the text repetition shares, and a link to their side-by-side page. */
  addPair(c: Comparison, href?: string): void {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const sections = c.text.sections.map((s) => `<td class="num">${s.weight ? pct(s.repeated) : '—'}</td>`).join('');
    const link = href ? ` <a href="${esc(href)}">${esc(t('compare_sideBySide', {}, this.lang))}</a>` : '';
    this.pairs.push(`<tr><td>${esc(c.new.agency ?? '')}${link}</td><td>${esc(c.old.year)}→${esc(c.new.year)}</td><td class="num">${pct(c.text.repeated)}</td>${sections}<td class="num">${pct(c.tables.repeated)}</td></tr>`);
  }

  finish(summary: BatchSummary, region?: HtmlRegion): string {
    const lang = this.lang;
    this.entries.sort((a, b) => a.order - b.order);
    const entryOf = new Map(this.entries.map((e) => [e.source, e]));
    const href = this.hrefOf;
    const unitOf = (source: string, agency: string | null) => {
      const u = region?.unitOf(source);
      return { unit: u?.name ?? agency ?? '', parent: u?.parent ?? '' };
    };
    const problems: ProblemRow[] = this.entries.flatMap((e) => e.findings.map((f) => ({ anchor: e.anchor, ...unitOf(e.source, e.agency), year: e.year, ...f })));
    const rows = summary.rows
      .map((r) => {
        const e = entryOf.get(r.source);
        const who = unitOf(r.source, r.agency);
        const marks = `${r.errors ? severityBadge('error', lang) : ''}${r.warnings && !r.errors ? severityBadge('warning', lang) : ''}`;
        const data = filterData({ ...who, year: r.year, rules: [...new Set(e?.findings.map((f) => f.rule))], severities: [...new Set(e?.findings.map((f) => f.severity))] });
        return `<tr class="${r.errors ? 'error' : r.warnings ? 'warning' : ''}"${data}><td>${marks} ${e ? `<a href="#${e.anchor}">${esc(who.unit || '—')}</a>` : esc(who.unit || '—')}</td><td>${esc(who.parent || '—')}</td><td>${esc(r.year ?? '—')}</td><td>${esc(r.format ?? '—')}</td><td class="num ${r.errors ? 'error' : ''}">${r.errors}</td><td class="num ${r.warnings ? 'warning' : ''}">${r.warnings}</td><td class="num">${pct(r.disclosure)}</td><td class="num">${pct(r.reviewCorrection)}</td><td><a href="${esc(href(r.source))}">${esc(r.source)}</a></td></tr>`;
      })
      .join('');
    const bar = filterBar({ units: [...problems.map((p) => p.unit), ...summary.rows.map((r) => unitOf(r.source, r.agency).unit), ...(region?.coverage.entries.map((c) => c.unit) ?? [])], parents: [...summary.rows.map((r) => unitOf(r.source, r.agency).parent), ...(region?.coverage.entries.map((c) => c.parent ?? '') ?? [])], years: [...summary.rows.map((r) => r.year), ...(region?.coverage.years ?? [])], rules: problems.map((p) => p.rule), coverage: !!region }, lang);
    const unaudited = summary.unaudited.map((u) => `<tr><td>${esc(u.source)}</td><td><code>${esc(u.rule)}</code></td><td>${esc(u.message)}</td></tr>`).join('');
    return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(t('html_title', {}, lang))}</title>
<style>
body{font:14px/1.5 "Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #999;padding:2px 6px;vertical-align:top}
.num{text-align:right}.error{color:#c00}.warning{color:#b86e00}
li.info{color:#666}ul.findings li{margin:2px 0}
.src{color:#666;font-size:12px}section{border-top:1px solid #ccc;margin-top:16px}svg text{font-size:12px}${WORK_CSS}
</style></head><body>
<h1>${esc(t('html_title', {}, lang))}</h1>
<p>${esc(t('batch_totals', { pages: summary.pages, reports: summary.reports, unaudited: summary.unaudited.length }, lang))}</p>
${bar}
${legend(lang)}
${region ? coverageMatrixHtml(region.coverage, lang) : ''}
${problemsTable(problems, lang)}
<h2>${esc(t('batch_findingsByRule', {}, lang))}</h2>${ruleChart(summary, lang)}
<h2>${esc(t('batch_formatsByYear', {}, lang))}</h2>${yearChart(summary)}
<h2>${esc(t('html_reports', {}, lang))}</h2>
<table class="work" id="reports"><thead><tr><th>${esc(t('coverage_unit', {}, lang))}</th><th>${esc(t('coverage_parent', {}, lang))}</th><th>${esc(t('cli_year', {}, lang))}</th><th>${esc(t('cli_format', {}, lang))}</th><th>${esc(t('severity_error', {}, lang))}</th><th>${esc(t('severity_warning', {}, lang))}</th><th>${esc(t('batch_disclosureRate', {}, lang))}</th><th>${esc(t('batch_reviewCorrection', {}, lang))}</th><th>${esc(t('html_source', {}, lang))}</th></tr></thead><tbody>${rows}</tbody></table>
${this.pairs.length ? `<h2>${esc(t('compare_pairs', {}, lang))}</h2><table><tr><th>${esc(t('cli_agency', {}, lang))}</th><th>${esc(t('cli_year', {}, lang))}</th><th>∑</th>${(lang === 'zh' ? ['一', '二', '三', '四', '五', '六'] : ['1', '2', '3', '4', '5', '6']).map((n) => `<th>${n}</th>`).join('')}<th>${esc(t('compare_tableShare', {}, lang))}</th></tr>${this.pairs.join('')}</table>` : ''}
${unaudited ? `<h2>${esc(t('batch_unaudited', {}, lang))}</h2><table>${unaudited}</table>` : ''}
<h2>${esc(t('html_details', {}, lang))}</h2>
${this.entries.map((e) => e.html).join('\n')}
<script>${WORK_SCRIPT}</script>
</body></html>
`;
  }
}

/** Horizontal stacked bars: errors and warnings (and info) per rule. */
/** The finding's numbers worded as everywhere else (正文为 X，表中为 Y / 应为 X，表中为 Y). */
function numbersOf(f: Finding, lang: Lang): string {
  const worded = findingNumbers(f, (key, params) => t(key, params, lang));
  return worded ? ` <span class="numbers">[${esc(worded)}]</span>` : '';
}

function ruleChart(s: BatchSummary, lang: Lang): string {
  const rules = Object.entries(s.findingsByRule).sort((a, b) => b[1].error + b[1].warning - (a[1].error + a[1].warning));
  if (!rules.length) return `<p>${esc(t('cli_noFindings', {}, lang))}</p>`;
  const max = Math.max(...rules.map(([, c]) => c.error + c.warning + c.info));
  const scale = 420 / max;
  const bar = 18;
  const body = rules
    .map(([rule, c], i) => {
      const y = i * (bar + 6);
      let x = 230;
      const parts = (['error', 'warning', 'info'] as const).map((sev) => {
        const w = c[sev] * scale;
        const rect = w > 0 ? `<rect x="${x}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${sev === 'error' ? '#c00' : sev === 'warning' ? '#e0a030' : '#bbb'}"><title>${esc(`${rule} ${sev}: ${c[sev]}`)}</title></rect>` : '';
        x += w;
        return rect;
      });
      return `<text x="0" y="${y + 13}">${esc(rule)}</text>${parts.join('')}<text x="${x + 4}" y="${y + 13}">${c.error}/${c.warning}/${c.info}</text>`;
    })
    .join('');
  return `<svg width="760" height="${rules.length * (bar + 6)}" role="img">${body}</svg>`;
}

/** Vertical bars: reports per year, split by format. */
function yearChart(s: BatchSummary): string {
  const years = Object.keys(s.formatsByYear).sort();
  if (!years.length) return '';
  const colours: Record<string, string> = { '2019': '#4a7bd0', '2021': '#38a169', unknown: '#999' };
  const max = Math.max(...years.map((y) => Object.values(s.formatsByYear[y]!).reduce((a, b) => a + b, 0)));
  const h = 160;
  const body = years
    .map((year, i) => {
      const x = 40 + i * 60;
      let top = h;
      const parts = Object.entries(s.formatsByYear[year]!).map(([format, n]) => {
        const bh = (n / max) * (h - 20);
        top -= bh;
        return `<rect x="${x}" y="${top.toFixed(1)}" width="40" height="${bh.toFixed(1)}" fill="${colours[format] ?? '#999'}"><title>${esc(`${year} · ${format}: ${n}`)}</title></rect>`;
      });
      return `${parts.join('')}<text x="${x}" y="${h + 14}">${esc(year)}</text>`;
    })
    .join('');
  const legend = Object.entries(colours).map(([f, c], i) => `<rect x="${40 + i * 90}" y="${h + 24}" width="10" height="10" fill="${c}"/><text x="${54 + i * 90}" y="${h + 33}">${f}</text>`).join('');
  return `<svg width="${Math.max(320, 60 * years.length + 80)}" height="${h + 40}" role="img">${body}${legend}</svg>`;
}
