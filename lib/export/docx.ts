/**
 * The audit memo as a Word document (审核意见, .docx), ready to send: per report its title, agency and
 * year, the counts, the findings grouped by table (each with its equation, cells and numbers), then the
 * tables themselves with the flagged cells shaded. Wording and grouping come from memo.ts, so the
 * plain-text memo and the Word one never say different things. Built with `docx`; pure (no DOM, no
 * Node API): the CLI writes the bytes to a file, the popup saves them as a download.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { subjectCells } from '../rules/subjects';
import { t, type Lang } from '../i18n/messages';
import type { AuditResult, Finding, Severity } from '../model/schema';
import { TABLE_IDS, type TableId } from '../model/statutory';
import { hasTable, tableHeading, tableLayout, type LayoutSlot } from './layout';
import { findingLines, groupByTable, memoHeading, type MemoOptions } from './memo';

/** Fill of a flagged cell, by the worst finding it is the subject of (light enough to read the number). */
const SHADE: Record<Severity, string> = { error: 'F8C4C4', warning: 'FCE7A8', info: 'D6E4FA' };
const SEVERITY_COLOR: Record<Severity, string> = { error: 'B71C1C', warning: '9A4A00', info: '1D4ED8' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun' };

/** Cells to shade: each finding's subject cells (as the extension marks them), worst severity wins. */
function flaggedCells(findings: readonly Finding[], severities: readonly Severity[]): Map<string, Severity> {
  const flagged = new Map<string, Severity>();
  for (const f of findings) {
    if (!severities.includes(f.severity)) continue;
    for (const c of subjectCells(f, findings)) {
      const was = flagged.get(c);
      if (!was || RANK[f.severity] < RANK[was]) flagged.set(c, f.severity);
    }
  }
  return flagged;
}

function findingParagraphs(f: Finding, n: number, result: AuditResult, lang: Lang): Paragraph[] {
  const [first = '', ...rest] = findingLines(f, n, result.report, lang);
  const label = `【${t(`severity_${f.severity}`, {}, lang)}】`;
  return [
    new Paragraph({ spacing: { before: 120 }, keepNext: rest.length > 0, children: [new TextRun({ text: label, bold: true, color: SEVERITY_COLOR[f.severity] }), new TextRun(first)] }),
    ...rest.map((line) => new Paragraph({ indent: { left: 420 }, children: [new TextRun({ text: line.trim(), size: 20, color: '444444' })] })),
  ];
}

function slotCell(s: LayoutSlot, flagged: Map<string, Severity>): TableCell {
  const severity = s.cellId ? flagged.get(s.cellId) : undefined;
  const header = s.kind === 'header' || s.kind === 'heading';
  return new TableCell({
    rowSpan: s.rowspan,
    columnSpan: s.colspan,
    ...(severity ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: SHADE[severity] } } : header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } } : {}),
    children: s.text.split(/\r\n|\r|\n/).map(
      (line) =>
        new Paragraph({
          alignment: s.kind === 'value' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, size: 16, bold: header || severity === 'error' })],
        }),
    ),
  });
}

function tableBlock(result: AuditResult, table: TableId, flagged: Map<string, Severity>, lang: Lang): (Paragraph | Table)[] {
  const layout = tableLayout(result.report!, table, { lang });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(tableHeading(table, lang))] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: layout.rows.filter((row) => row.length > 0).map((row) => new TableRow({ cantSplit: true, children: row.map((s) => slotCell(s, flagged)) })),
    }),
  ];
}

/** The body of one report's memo. */
function reportSection(result: AuditResult, options: MemoOptions): (Paragraph | Table)[] {
  const lang = options.lang ?? 'zh';
  const [title = '', ...heading] = memoHeading(result, options);
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    ...heading.map((line) => new Paragraph({ children: [new TextRun(line)] })),
  ];
  for (const group of groupByTable(result.findings, options)) {
    const name = group.table ? tableHeading(group.table, lang) : t('export_docx_otherGroup', {}, lang);
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(t('export_docx_group', { table: name, count: group.findings.length }, lang))] }));
    group.findings.forEach((f, i) => out.push(...findingParagraphs(f, i + 1, result, lang)));
  }
  const report = result.report;
  const tables = report ? TABLE_IDS.filter((table) => hasTable(report, table)) : [];
  if (tables.length) {
    const severities: Severity[] = options.includeInfo ? ['error', 'warning', 'info'] : ['error', 'warning'];
    const flagged = flaggedCells(result.findings, severities);
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(t('export_docx_tables', {}, lang))] }));
    out.push(new Paragraph({ children: [new TextRun({ text: t('export_docx_legend', {}, lang), size: 18, color: '555555' })] }));
    for (const table of tables) out.push(...tableBlock(result, table, flagged, lang));
  }
  return out;
}

/** The Word document of several reports, each in its own section (starting on a new page). */
export function memoDocument(results: readonly AuditResult[], options: MemoOptions = {}): Document {
  const lang = options.lang ?? 'zh';
  const first = results[0];
  return new Document({
    creator: 'Gouji 勾稽',
    title: first ? memoHeading(first, options)[0] : t('export_fileStem', {}, lang),
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: results.map((r) => ({ children: reportSection(r, options) })),
  });
}

/** The .docx bytes. */
export async function memoDocx(results: readonly AuditResult[], options: MemoOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(memoDocument(results, options)));
}
