/**
 * A batch's summary, built one result at a time so memory stays flat however many pages run: pages
 * read, reports found, formats by year, findings by rule and severity, the inputs that could not be
 * audited with their reasons, and per report the grading ratios.
 */
import { isFailure } from '../rules/catalogue';
import type { AuditResult, Severity } from '../model/schema';
import { reportRatios, type ReportRatios } from './ratios';

export interface ReportRow extends ReportRatios {
  source: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
}

export interface BatchSummary {
  pages: number;
  reports: number;
  /** year → format → count ("unknown" where not read) */
  formatsByYear: Record<string, Record<string, number>>;
  /** rule → severity → count */
  findingsByRule: Record<string, Record<Severity, number>>;
  unaudited: { source: string; rule: string; message: string }[];
  rows: ReportRow[];
}

export class SummaryBuilder {
  private readonly order = new Map<string, number>();
  private summary: BatchSummary = { pages: 0, reports: 0, formatsByYear: {}, findingsByRule: {}, unaudited: [], rows: [] };

  /** `order`: the input's position, so the rows come out in input order whatever finished first. */
  add(result: AuditResult, order = this.summary.pages): void {
    const s = this.summary;
    this.order.set(result.source, order);
    s.pages++;
    for (const f of result.findings) {
      const bucket = (s.findingsByRule[f.rule] ??= { error: 0, warning: 0, info: 0 });
      bucket[f.severity]++;
    }
    const r = result.report;
    if (!r) {
      const why = result.findings.find((f) => isFailure(f.rule)) ?? result.findings[0];
      s.unaudited.push({ source: result.source, rule: why?.rule ?? 'input.unreadable', message: why?.message ?? '' });
      return;
    }
    s.reports++;
    const year = String(r.year ?? 'unknown');
    const byFormat = (s.formatsByYear[year] ??= {});
    byFormat[r.format ?? 'unknown'] = (byFormat[r.format ?? 'unknown'] ?? 0) + 1;
    s.rows.push({
      source: result.source,
      agency: r.agency,
      year: r.year,
      format: r.format,
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
      ...reportRatios(r),
    });
  }

  /** Findings added later to a report already counted (cross-year findings on the later report). */
  addFindings(source: string, findings: AuditResult['findings']): void {
    const row = this.summary.rows.find((x) => x.source === source);
    for (const f of findings) {
      const bucket = (this.summary.findingsByRule[f.rule] ??= { error: 0, warning: 0, info: 0 });
      bucket[f.severity]++;
      if (row && f.severity === 'error') row.errors++;
      if (row && f.severity === 'warning') row.warnings++;
    }
  }

  finish(): BatchSummary {
    const rank = (source: string) => this.order.get(source) ?? 0;
    this.summary.rows.sort((a, b) => rank(a.source) - rank(b.source));
    this.summary.unaudited.sort((a, b) => rank(a.source) - rank(b.source));
    return this.summary;
  }
}
