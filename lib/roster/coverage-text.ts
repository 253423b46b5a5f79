/** The units × years coverage as plain text for the terminal summary: a matrix, counts per year, problems. */
import { table } from '../batch/summary-text';
import { t, type Lang } from '../i18n/messages';
import type { Coverage, CoverageStatus } from './coverage';

export const STATUS_MARK: Record<CoverageStatus, string> = { published: '✓', late: '!', missing: '✗' };

export const statusText = (s: CoverageStatus, lang: Lang) => `${STATUS_MARK[s]} ${t(`coverage_${s}`, {}, lang)}`;

/** Rows of the matrix: one per roster unit, in roster order; a column per year. */
export function coverageMatrix(c: Coverage): { unit: string; parent: string | null; byYear: Map<number, CoverageStatus> }[] {
  const rows = new Map<string, { unit: string; parent: string | null; byYear: Map<number, CoverageStatus> }>();
  for (const e of c.entries) {
    const key = `${e.unit}|${e.parent ?? ''}`;
    const row = rows.get(key) ?? { unit: e.unit, parent: e.parent, byYear: new Map() };
    rows.set(key, row);
    row.byYear.set(e.year, e.status);
  }
  return [...rows.values()];
}

export function yearCounts(c: Coverage, year: number): Record<CoverageStatus, number> {
  const n: Record<CoverageStatus, number> = { published: 0, late: 0, missing: 0 };
  for (const e of c.entries) if (e.year === year) n[e.status]++;
  return n;
}

export function coverageText(c: Coverage, notes: readonly string[], lang: Lang): string {
  const out = [t('coverage_title', {}, lang)];
  if (c.years.length) {
    const header = [t('coverage_unit', {}, lang), t('coverage_parent', {}, lang), ...c.years.map(String)];
    out.push(table([header, ...coverageMatrix(c).map((r) => [r.unit, r.parent ?? '—', ...c.years.map((y) => statusText(r.byYear.get(y) ?? 'missing', lang))])]));
    for (const year of c.years) out.push(t('coverage_counts', { year, ...yearCounts(c, year) }, lang));
  }
  if (notes.length) out.push('', t('coverage_problems', {}, lang), ...notes.map((n) => `  ${n}`));
  return out.join('\n');
}
