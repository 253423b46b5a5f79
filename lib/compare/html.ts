/**
 * The side-by-side page of a comparison: one self-contained HTML file (no script, no network). Each
 * section shows both years aligned sentence by sentence, repeated sentences highlighted; the table cells
 * both years print are listed equal or changed; the findings (text.repeated-* and cross-year.*) name
 * their cells with both years' values.
 */
import { cellLabel } from '../format/cell-label';
import { t, type Lang } from '../i18n/messages';
import type { Comparison } from './compare';
import { comparisonHeading } from './text';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
const NUMERAL = ' 一二三四五六';
const percent = (x: number) => `${Math.round(x * 100)}%`;

export function comparisonHtml(c: Comparison, lang: Lang = 'zh'): string {
  const [older, newer] = c.inputs;
  const cellsOf = (id: string, which: 'old' | 'new') => (which === 'old' ? older : newer).result.report?.cells[id]?.raw ?? '';
  const heading = comparisonHeading(c, lang);
  const sections = c.text.sections
    .filter((s) => s.rows.length)
    .map((s) => {
      const rows = s.rows
        .map((r) => `<tr class="${r.repeated ? 'rep' : ''}"><td>${esc(r.old?.text)}</td><td>${esc(r.new?.text)}</td></tr>`)
        .join('');
      const numeral = lang === 'zh' ? NUMERAL[s.section] : s.section;
      return `<section><h2>${esc(numeral)} ${esc(s.title)} <span class="share">${esc(percent(s.repeated))}</span></h2><table class="side"><tr><th>${esc(c.old.year ?? '?')}</th><th>${esc(c.new.year ?? '?')}</th></tr>${rows}</table></section>`;
    })
    .join('\n');
  const findings = c.findings
    .map((f) => {
      const cells = [...f.cells.map((id) => `<li>${esc(cellLabel(id, lang))}: ${esc(c.new.year)} <b>${esc(cellsOf(id, 'new'))}</b></li>`), ...(f.previous?.cells ?? []).map((id) => `<li>${esc(cellLabel(id, lang))}: ${esc(c.old.year)} <b>${esc(cellsOf(id, 'old'))}</b></li>`)].join('');
      const quote = f.quote ? `<blockquote>${f.quote.split('\n').map(esc).join('<br>')}</blockquote>` : '';
      return `<li class="${f.severity}"><code>${esc(f.rule)}</code> ${esc(f.message)}${cells ? `<ul>${cells}</ul>` : ''}${quote}</li>`;
    })
    .join('');
  const cells = c.tables.list
    .map((x) => `<tr class="${x.equal ? 'eq' : 'chg'}"><td>${esc(cellLabel(x.id, lang))}</td><td class="num">${esc(x.old)}</td><td class="num">${esc(x.new)}</td></tr>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(heading)}</title>
<style>
body{font:14px/1.6 "Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
table.side{width:100%;table-layout:fixed}tr.rep td{background:#fff3b0}.share{color:#a15c00;font-size:14px}
tr.eq td{background:#eee;color:#555}tr.chg td{background:#e3efff}.num{text-align:right}
li.error{color:#c00}li.warning{color:#8a5200}li ul,blockquote{color:#333}.notice{color:#a00}
</style></head><body>
<h1>${esc(heading)}</h1>
<p>${esc(c.old.year ?? '?')}: ${esc(c.old.source)}<br>${esc(c.new.year ?? '?')}: ${esc(c.new.source)}</p>
${c.notices.map((n) => `<p class="notice">${esc(n.message)}</p>`).join('')}
<p>${esc(t('compare_whole', { share: percent(c.text.repeated) }, lang))} · ${esc(t('compare_tables', { cells: c.tables.cells, equal: c.tables.equal, share: percent(c.tables.repeated) }, lang))}</p>
<p>${esc(t('compare_legend', {}, lang))}</p>
<h2>${esc(t('compare_findings', {}, lang))}</h2>
<ul class="findings">${findings || `<li>${esc(t('cli_noFindings', {}, lang))}</li>`}</ul>
${sections}
<h2>${esc(t('compare_cellsHeading', {}, lang))}</h2>
<table><tr><th>${esc(t('compare_cell', {}, lang))}</th><th>${esc(c.old.year ?? '?')}</th><th>${esc(c.new.year ?? '?')}</th></tr>${cells}</table>
</body></html>
`;
}
