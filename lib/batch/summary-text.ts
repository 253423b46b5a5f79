/** The batch summary as a plain-text table for the terminal (stderr-friendly, no colours). */
import { t, type Lang } from '../i18n/messages';
import type { BatchSummary } from './summary';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd()).join('\n');
}

export function summaryText(s: BatchSummary, lang: Lang): string {
  const out: string[] = [];
  out.push(t('batch_totals', { pages: s.pages, reports: s.reports, unaudited: s.unaudited.length }, lang));
  const years = Object.keys(s.formatsByYear).sort();
  if (years.length) {
    out.push('', t('batch_formatsByYear', {}, lang));
    // A column per format, headed, and the year's total: the table reads without a legend.
    const formats = [...new Set(years.flatMap((y) => Object.keys(s.formatsByYear[y]!)))].sort();
    const header = [t('batch_year', {}, lang), ...formats.map((f) => (f === 'unknown' ? t('cli_unknown', {}, lang) : t('cli_formatName', { format: f }, lang))), t('batch_total', {}, lang)];
    const rows = years.map((y) => {
      const byFormat = s.formatsByYear[y]!;
      const total = Object.values(byFormat).reduce((a, b) => a + b, 0);
      return [y === 'unknown' ? t('cli_unknown', {}, lang) : y, ...formats.map((f) => String(byFormat[f] ?? 0)), String(total)];
    });
    out.push(table([header, ...rows]));
  }
  const rules = Object.entries(s.findingsByRule).sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]));
  if (rules.length) {
    out.push('', t('batch_findingsByRule', {}, lang));
    out.push(table([[t('batch_rule', {}, lang), t('severity_error', {}, lang), t('severity_warning', {}, lang), t('severity_info', {}, lang)], ...rules.map(([r, c]) => [r, String(c.error), String(c.warning), String(c.info)])]));
  }
  if (s.rows.length) {
    out.push('', t('batch_ratios', {}, lang));
    out.push(
      table([
        [t('cli_agency', {}, lang), t('cli_year', {}, lang), t('batch_disclosureRate', {}, lang), t('batch_reviewCorrection', {}, lang), t('batch_suitDirectCorrection', {}, lang), t('batch_suitAfterReviewCorrection', {}, lang)],
        ...s.rows.map((r) => [r.agency ?? r.source, String(r.year ?? '—'), pct(r.disclosure), pct(r.reviewCorrection), pct(r.suitDirectCorrection), pct(r.suitAfterReviewCorrection)]),
      ]),
    );
  }
  if (s.unaudited.length) {
    out.push('', t('batch_unaudited', {}, lang));
    for (const u of s.unaudited) out.push(`  ${u.source}: ${u.rule} — ${u.message}`);
  }
  return out.join('\n');
}
