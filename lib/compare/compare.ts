/**
 * Two years of one agency's report compared: the share of each section's newer text that repeats the
 * older's (内容雷同), the share of table cells equal in both years, and the findings — text.repeated-*
 * and the cross-year.* rules. The two reports are ordered by year, whatever order they were given in;
 * two reports that are not one agency's (consecutive) years get a notice and no findings.
 *
 * Thresholds, chosen on the series of test/lib/compare-series.test.ts (five real seed reports and the
 * fixture generator; shares weighted by characters, stock phrases and numbers not counted):
 *   - a copy with only years and numbers changed: sections 一 and 五 96–100 %;
 *   - next year rewritten, a quarter to a third of the sentences kept: 15–57 %;
 *   - rewritten, half the sentences kept: up to 68 %;
 *   - another agency's report (only stock phrases can repeat): 0–1 %.
 * REPEATED_SHARE = 70 % is above every rewrite and well below every copy (a copy that also edits a
 * quarter of its text is still caught). A section must also repeat SECTION_MIN_WEIGHT characters, so a
 * two-sentence section repeating one plain sentence is not called a copy.
 */
import { agencyKey, compareYears } from '../cross-year';
import { stableHash } from '../hash';
import { ruleMessageKey, t, type Lang } from '../i18n/messages';
import type { AuditResult, Finding, Report } from '../model/schema';
import { alignSentences, type AlignedRow } from './align';
import { defaultTitle, splitSections, type SectionNumber } from './sections';
import { splitSentences, weightedShare, type Sentence } from './sentences';

/** A report to compare: its audit result and its narrative lines (PageDoc.lines). */
export interface ComparedInput {
  result: AuditResult;
  lines: readonly string[];
}

export const REPEATED_SHARE = 0.7;
/** Characters (stock phrases and numbers excluded) a section must repeat to be flagged. */
export const SECTION_MIN_WEIGHT = 80;
export const REPORT_MIN_WEIGHT = 300;
/** The whole text's share counts these: the tables' sections (二 三 四) print the format's labels, which every year repeats. */
export const NARRATIVE_SECTIONS: readonly SectionNumber[] = [1, 5, 6];
/** The sections text.repeated-section is checked for: 一 总体情况 and 五 问题及改进 are the agency's own words. */
export const CHECKED_SECTIONS: readonly SectionNumber[] = [1, 5];

export interface SectionComparison {
  section: SectionNumber;
  title: string;
  repeated: number;
  sentences: { text: string; repeated: boolean }[];
  /** Both years side by side (for the HTML page). */
  rows: AlignedRow[];
  weight: number;
  repeatedWeight: number;
}

export interface CellComparison {
  id: string;
  old: string;
  new: string;
  equal: boolean;
}

export interface TextComparison {
  sections: SectionComparison[];
  /** The whole narrative (preamble, 一 五 六): share of the newer's weight repeating anything of the older. */
  repeated: number;
  repeatedWeight: number;
  /** No section heading found in the old / new report: only the whole text is compared. */
  noHeadings: { old: boolean; new: boolean };
  outOfOrder: { old: boolean; new: boolean };
  emptyNarrative: { old: boolean; new: boolean };
  identical: boolean;
}

export interface TableComparison {
  cells: number;
  equal: number;
  repeated: number;
  list: CellComparison[];
}

export type NoticeKey = 'compare_notConsecutive' | 'compare_self' | 'compare_noHeadings' | 'compare_outOfOrder' | 'compare_emptyNarrative' | 'compare_unaudited';

export interface Side {
  source: string;
  agency: string | null;
  year: number | null;
}

export interface Comparison {
  old: Side;
  new: Side;
  text: TextComparison;
  tables: TableComparison;
  findings: Finding[];
  notices: { key: NoticeKey; message: string }[];
  /** The two inputs in year order (old first), for the side-by-side page. */
  inputs: [ComparedInput, ComparedInput];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The text of two reports compared section by section, the newer against the older. */
export function compareText(oldLines: readonly string[], newLines: readonly string[], lang: Lang = 'zh'): TextComparison {
  const older = splitSections(oldLines);
  const newer = splitSections(newLines);
  const allOld = new Set<string>();
  const oldPreamble = splitSentences(older.preamble);
  for (const s of oldPreamble) allOld.add(s.key);
  const oldSentences = older.sections.map((s) => splitSentences(s.lines));
  for (const list of oldSentences) for (const s of list) allOld.add(s.key);
  const whole: { weight: number; repeated: boolean }[] = [];
  const newPreamble = splitSentences(newer.preamble);
  for (const s of newPreamble) whole.push({ weight: s.weight, repeated: allOld.has(s.key) });
  const sections = newer.sections.map((n, i): SectionComparison => {
    const rows = alignSentences(oldSentences[i]!, splitSentences(n.lines));
    const mine = rows.filter((r): r is AlignedRow & { new: Sentence } => r.new !== null);
    if (NARRATIVE_SECTIONS.includes(n.section)) for (const r of mine) whole.push({ weight: r.new.weight, repeated: r.repeated || allOld.has(r.new.key) });
    const marked = mine.map((r) => ({ weight: r.new.weight, repeated: r.repeated }));
    const weight = marked.reduce((a, s) => a + s.weight, 0);
    return {
      section: n.section,
      title: n.title ?? older.sections[i]!.title ?? defaultTitle(n.section, lang),
      repeated: round(weightedShare(marked)),
      sentences: mine.map((r) => ({ text: r.new.text, repeated: r.repeated })),
      rows,
      weight,
      repeatedWeight: marked.reduce((a, s) => a + (s.repeated ? s.weight : 0), 0),
    };
  });
  const noHeading = (s: ReturnType<typeof splitSections>) => s.sections.every((x) => x.title === null);
  return {
    sections,
    repeated: round(weightedShare(whole)),
    repeatedWeight: whole.reduce((a, s) => a + (s.repeated ? s.weight : 0), 0),
    noHeadings: { old: noHeading(older), new: noHeading(newer) },
    outOfOrder: { old: older.outOfOrder, new: newer.outOfOrder },
    emptyNarrative: { old: allOld.size === 0, new: newPreamble.length === 0 && sections.every((s) => s.sentences.length === 0) },
    identical: oldLines.length === newLines.length && oldLines.every((l, i) => l === newLines[i]),
  };
}

/** Cells holding a number in both years, and those printing the same number. */
export function compareTables(older: Report | null, newer: Report | null): TableComparison {
  const list: CellComparison[] = [];
  if (older && newer) {
    for (const [id, cell] of Object.entries(newer.cells)) {
      const before = older.cells[id];
      if (!before || cell.value === null || before.value === null) continue;
      list.push({ id, old: before.raw, new: cell.raw, equal: cell.value === before.value });
    }
  }
  const equal = list.filter((c) => c.equal).length;
  return { cells: list.length, equal, repeated: list.length ? round(equal / list.length) : 0, list };
}

const NUMERAL = ' 一二三四五六';
/** Repeated sentences a finding quotes. */
const QUOTED = 10;

/** text.repeated-section (sections 一 and 五) and text.repeated-report, beyond the thresholds. */
export function repetitionFindings(text: TextComparison, older: Side, newer: Side, lang: Lang = 'zh'): Finding[] {
  const findings: Finding[] = [];
  const common = { severity: 'warning' as const, cells: [], previous: { source: older.source, cells: [] } };
  const key = [agencyKey(newer.agency ?? ''), older.year ?? '', newer.year ?? ''].join('|');
  for (const s of text.sections) {
    if (!CHECKED_SECTIONS.includes(s.section) || s.repeated < REPEATED_SHARE || s.repeatedWeight < SECTION_MIN_WEIGHT) continue;
    const params = { section: lang === 'zh' ? NUMERAL[s.section]! : String(s.section), title: s.title, otherYear: older.year ?? '', share: percent(s.repeated) };
    findings.push({
      id: stableHash(['text.repeated-section', s.section, key, s.repeated].join('|')),
      rule: 'text.repeated-section',
      message: t(ruleMessageKey('text.repeated-section'), params, lang),
      // The most telling repeated sentences first: by weight, stock phrases last.
      quote: s.rows.filter((r) => r.repeated && r.new).map((r) => r.new!).sort((a, b) => b.weight - a.weight).slice(0, QUOTED).map((x) => x.text).join('\n'),
      ...common,
    });
  }
  if (text.repeated >= REPEATED_SHARE && text.repeatedWeight >= REPORT_MIN_WEIGHT) {
    findings.push({
      id: stableHash(['text.repeated-report', key, text.repeated].join('|')),
      rule: 'text.repeated-report',
      message: t(ruleMessageKey('text.repeated-report'), { otherYear: older.year ?? '', share: percent(text.repeated) }, lang),
      ...common,
    });
  }
  return findings;
}

const sideOf = (r: AuditResult): Side => ({ source: r.source, agency: r.report?.agency ?? null, year: r.report?.year ?? null });

/** Two results in year order; the argument order when a year is unknown or both are the same. */
export function yearOrder(a: AuditResult, b: AuditResult): [AuditResult, AuditResult] {
  const ya = a.report?.year;
  const yb = b.report?.year;
  return typeof ya === 'number' && typeof yb === 'number' && ya > yb ? [b, a] : [a, b];
}

function inYearOrder(a: ComparedInput, b: ComparedInput): [ComparedInput, ComparedInput] {
  return yearOrder(a.result, b.result)[0] === a.result ? [a, b] : [b, a];
}

/** Why two audited reports get no cross-year findings, or null when they are one agency's consecutive years. */
export function notConsecutive(older: AuditResult, newer: AuditResult): NoticeKey | null {
  if (!older.report || !newer.report) return 'compare_unaudited';
  const { agency: a, year: ya } = older.report;
  const { agency: b, year: yb } = newer.report;
  if (!a || !b || agencyKey(a) !== agencyKey(b) || ya === null || yb === null || yb !== ya + 1) return 'compare_notConsecutive';
  return null;
}

export function compareReports(first: ComparedInput, second: ComparedInput, lang: Lang = 'zh'): Comparison {
  const [older, newer] = inYearOrder(first, second);
  const oldSide = sideOf(older.result);
  const newSide = sideOf(newer.result);
  const text = compareText(older.lines, newer.lines, lang);
  const tables = compareTables(older.result.report, newer.result.report);
  const notices: NoticeKey[] = [];
  const findings: Finding[] = [];
  const self = older.result.source === newer.result.source || (text.identical && oldSide.year === newSide.year);
  const why = notConsecutive(older.result, newer.result);
  const sameAgency = !!oldSide.agency && !!newSide.agency && agencyKey(oldSide.agency) === agencyKey(newSide.agency);
  if (why === 'compare_unaudited') notices.push(why);
  else if (self) notices.push('compare_self');
  else {
    if (why) notices.push(why);
    // Another year of the same agency: its text may be compared even when the years are not consecutive.
    if (sameAgency && oldSide.year !== null && newSide.year !== null && oldSide.year !== newSide.year) findings.push(...repetitionFindings(text, oldSide, newSide, lang));
    if (!why) findings.unshift(...compareYears(older.result, newer.result, lang));
  }
  if (text.emptyNarrative.old || text.emptyNarrative.new) notices.push('compare_emptyNarrative');
  else if (text.noHeadings.old || text.noHeadings.new) notices.push('compare_noHeadings');
  if (text.outOfOrder.old || text.outOfOrder.new) notices.push('compare_outOfOrder');
  const params = { old: oldSide.source, new: newSide.source, share: percent(text.repeated), which: text.noHeadings.new || text.emptyNarrative.new ? newSide.source : oldSide.source };
  return {
    old: oldSide,
    new: newSide,
    text,
    tables,
    findings,
    notices: notices.map((key) => ({ key, message: t(key, params, lang) })),
    inputs: [older, newer],
  };
}

/** The `gouji compare --json` object. */
export function comparisonJson(c: Comparison) {
  return {
    old: c.old,
    new: c.new,
    sections: c.text.sections.map((s) => ({ section: s.section, title: s.title, repeated: s.repeated, sentences: s.sentences })),
    tables: { cells: c.tables.cells, equal: c.tables.equal, repeated: c.tables.repeated },
    findings: c.findings,
    repeated: c.text.repeated,
    notices: c.notices.map((n) => n.message),
  };
}

/** What a batch's NDJSON cross-year line carries about the pair's text: the shares only. */
export function repetitionSummary(older: Side, text: TextComparison, tables: TableComparison) {
  return {
    previous: older.source,
    repeated: text.repeated,
    sections: text.sections.map((s) => ({ section: s.section, repeated: s.repeated })),
    tables: { cells: tables.cells, equal: tables.equal, repeated: tables.repeated },
  };
}
