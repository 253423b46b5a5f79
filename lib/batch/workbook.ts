/**
 * `--format xlsx`: the workbook a 通报 is drafted from — one sheet of problems (unit, year, link, table,
 * cell, the problem in words), one of coverage (units × years) and one of the ratios per report. Built one
 * result at a time; only each finding's row is kept.
 */
import { cellLabel, tableName } from '../format/cell-label';
import { t, type Lang } from '../i18n/messages';
import { splitCellId } from '../model/statutory';
import type { AuditResult, Severity } from '../model/schema';
import type { Coverage } from '../roster/coverage';
import { statusText } from '../roster/coverage-text';
import type { RosterUnit } from '../roster/roster';
import { ruleName } from './rule-name';
import type { BatchSummary } from './summary';

interface ProblemRow {
  order: number;
  unit: string;
  parent: string;
  year: number | null;
  source: string;
  href: string;
  table: string;
  cell: string;
  rule: string;
  name: string;
  severity: Severity;
  message: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export class WorkbookBuilder {
  private readonly problems: ProblemRow[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly hrefOf: (source: string) => string = (s) => s,
    private readonly includeInfo = false,
  ) {}

  add(result: AuditResult, order: number, unit?: RosterUnit | null): void {
    const lang = this.lang;
    for (const f of result.findings) {
      if (f.severity === 'info' && !this.includeInfo) continue;
      const first = f.cells[0];
      this.problems.push({
        order,
        unit: unit?.name ?? result.report?.agency ?? '',
        parent: unit?.parent ?? '',
        year: result.report?.year ?? null,
        source: result.source,
        href: this.hrefOf(result.source),
        table: first ? tableName(splitCellId(first).table, lang) : '',
        cell: f.cells.map((c) => cellLabel(c, lang)).join(lang === 'zh' ? '；' : '; '),
        rule: f.rule,
        name: ruleName(f.rule, lang),
        severity: f.severity,
        message: f.message,
      });
    }
  }

  async finish(summary: BatchSummary, coverage?: Coverage): Promise<Buffer> {
    const lang = this.lang;
    const h = (key: string) => t(key, {}, lang);
    // Loaded only for a workbook: it takes longer to load than a batch's worker threads to start.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = 'Gouji 勾稽';

    const problems = book.addWorksheet(h('xlsx_sheetProblems'), { views: [{ state: 'frozen', ySplit: 1 }] });
    problems.columns = [
      { header: h('coverage_unit'), width: 28 },
      { header: h('coverage_parent'), width: 22 },
      { header: h('cli_year'), width: 8 },
      { header: h('xlsx_link'), width: 40 },
      { header: h('xlsx_table'), width: 26 },
      { header: h('xlsx_cell'), width: 40 },
      { header: h('batch_rule'), width: 26 },
      { header: h('xlsx_ruleName'), width: 24 },
      { header: h('xlsx_severity'), width: 8 },
      { header: h('xlsx_problem'), width: 80 },
    ];
    const sorted = [...this.problems].sort((a, b) => a.order - b.order || RANK[a.severity] - RANK[b.severity]);
    for (const p of sorted) {
      const row = problems.addRow([p.unit, p.parent, p.year, { text: p.source, hyperlink: p.href }, p.table, p.cell, p.rule, p.name, h(`severity_${p.severity}`), p.message]);
      if (p.severity === 'error') row.getCell(9).font = { bold: true, color: { argb: 'FFCC0000' } };
    }
    problems.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 10 } };

    const cov = book.addWorksheet(h('xlsx_sheetCoverage'), { views: [{ state: 'frozen', ySplit: 1 }] });
    cov.columns = [
      { header: h('coverage_unit'), width: 28 },
      { header: h('coverage_parent'), width: 22 },
      { header: h('cli_year'), width: 8 },
      { header: h('xlsx_status'), width: 12 },
      { header: h('xlsx_sources'), width: 60 },
    ];
    for (const e of coverage?.entries ?? []) cov.addRow([e.unit, e.parent ?? '', e.year, statusText(e.status, lang), e.sources.join('\n')]);

    const ratios = book.addWorksheet(h('xlsx_sheetRatios'), { views: [{ state: 'frozen', ySplit: 1 }] });
    ratios.columns = [
      { header: h('cli_agency'), width: 28 },
      { header: h('cli_year'), width: 8 },
      { header: h('batch_disclosureRate'), width: 12, style: { numFmt: '0.0%' } },
      { header: h('batch_reviewCorrection'), width: 12, style: { numFmt: '0.0%' } },
      { header: h('batch_suitDirectCorrection'), width: 12, style: { numFmt: '0.0%' } },
      { header: h('batch_suitAfterReviewCorrection'), width: 12, style: { numFmt: '0.0%' } },
      { header: h('severity_error'), width: 8 },
      { header: h('severity_warning'), width: 8 },
      { header: h('xlsx_link'), width: 40 },
    ];
    for (const r of summary.rows) {
      ratios.addRow([r.agency ?? '', r.year, r.disclosure, r.reviewCorrection, r.suitDirectCorrection, r.suitAfterReviewCorrection, r.errors, r.warnings, { text: r.source, hyperlink: this.hrefOf(r.source) }]);
    }
    for (const sheet of [problems, cov, ratios]) sheet.getRow(1).font = { bold: true };
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}

