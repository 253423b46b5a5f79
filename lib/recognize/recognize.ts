/**
 * PageDoc → the statutory report: finds the three tables however the page renders them, tells format
 * 2019 from 2021 by what is printed, and names every number by its canonical cell id. One recogniser
 * for every input (HTML through either adapter, text dumps).
 */
import type { CellSource, PageDoc } from '../extract/page';
import {
  ACTIVE_HEADER_EVIDENCE,
  ACTIVE_ITEMS,
  APPEAL_HEADER_WORDS,
  APPEAL_OUTCOMES,
  APPEAL_ROW,
  APPLICATION_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_HEADER_WORDS,
  APPLICATION_ROWS,
  FORMAT_IDS,
  SECTIONS,
  STAND_IN_ROWS,
  activeRowsWith,
  applicationRowsPrinted,
  formatForYear,
  cellId,
  statutoryRows,
  type ColumnDef,
  type FormatId,
  type RowDef,
  type SectionId,
  type TableId,
} from '../model/statutory';
import type { FindingDraft } from '../rules/types';
import { labelKey, matchLabel, type LabelKey, type MatchQuality } from './labels';
import { logicalRows, type LogicalRow, type Token } from './logical-rows';
import { readMeta, type ReportMeta } from './meta';
import type { CellValue } from './numbers';

export interface ReportCell {
  id: string;
  table: TableId;
  row: string;
  column: string;
  raw: string;
  parsed: CellValue;
  /** The printed label of a local extra row. */
  label?: string;
  source?: CellSource;
}

export interface Recognition {
  meta: ReportMeta;
  format: FormatId | null;
  tableFormats: Partial<Record<TableId, FormatId>>;
  cells: Map<string, ReportCell>;
  /** structure.* findings made while recognising. */
  findings: FindingDraft[];
  /** Narrative lines of each text section found by its heading. */
  sections: Map<SectionId, string[]>;
  foundTables: Set<TableId>;
  /** A report on a year before 2019: the old format is not modelled. */
  unsupported: boolean;
  lines: string[];
}

export type RecognitionResult =
  | { ok: true; recognition: Recognition }
  | { ok: false; meta: ReportMeta; attachments: { text: string; href: string }[] };

// ---- The statutory labels, prepared once ---------------------------------------------------------

interface RowEntry {
  table: 'active' | 'applications';
  rowId: string;
  key: LabelKey;
  /** Another wording of the row's label (RowDef.aliases): matched, and said as a label variant. */
  alias?: boolean;
  /** Columns the row has (in the first format that prints this label). */
  columns: number;
  formats: FormatId[];
  group?: string;
  requiresGroup?: boolean;
}

// Labels repeat from page to page; a paragraph (which names the agency, its figures) never does, and kept
// it would grow a batch's memory with every page (10,000 inputs: ~50 MB a thread). Only label-length texts
// are remembered (the longest statutory label has 57 characters), and a bounded number of them.
const keyCache = new Map<string, LabelKey>();
const CACHED_TEXT = 120;
function cachedKey(text: string): LabelKey {
  if (text.length > CACHED_TEXT) return labelKey(text);
  let k = keyCache.get(text);
  if (!k) {
    if (keyCache.size >= 20_000) keyCache.clear();
    k = labelKey(text);
    keyCache.set(text, k);
  }
  return k;
}

function buildRowEntries(): RowEntry[] {
  const entries: RowEntry[] = [];
  const add = (table: RowEntry['table'], row: RowDef, format: FormatId) => {
    [row.label.zh, ...(row.aliases ?? [])].forEach((label, i) => {
      const key = labelKey(label);
      const found = entries.find((e) => e.table === table && e.rowId === row.id && e.key.full === key.full);
      if (found) found.formats.push(format);
      else entries.push({ table, rowId: row.id, key, ...(i > 0 ? { alias: true } : {}), columns: row.columns.length, formats: [format], group: row.group, requiresGroup: row.requiresGroup });
    });
  };
  for (const f of FORMAT_IDS) {
    for (const item of ACTIVE_ITEMS[f]) for (const row of item.rows) add('active', row, f);
    for (const row of APPLICATION_ROWS[f]) add('applications', row, f);
  }
  return entries;
}
const ROW_ENTRIES = buildRowEntries();
const GROUP_KEYS = APPLICATION_GROUPS.map((g) => ({ group: g, key: labelKey(g) }));
const ACTIVE_HEADERS = FORMAT_IDS.flatMap((f) => ACTIVE_HEADER_EVIDENCE[f].map((h) => ({ format: f, key: labelKey(h) })));
const TOTAL_COLUMN = APPLICATION_COLUMNS.find((c) => c.id === 'total')!;
/** 总计 and its aliases (合计): a column header when printed bare among headers, else the (七)总计 row. */
const BARE_TOTALS = new Set([TOTAL_COLUMN.label.zh, ...(TOTAL_COLUMN.aliases ?? [])]);
const APPLICATION_HEADERS = APPLICATION_HEADER_WORDS.filter((w) => !BARE_TOTALS.has(w)).map(labelKey);
const APPEAL_HEADERS = [...APPEAL_HEADER_WORDS, ...APPEAL_OUTCOMES.filter((o) => o.id !== 'total').map((o) => o.label.zh)].map(labelKey);
/** The order the report prints its tables in: a part starting with an earlier table than it holds is a new copy. */
const TABLE_ORDER: Record<TableId, number> = { active: 0, applications: 1, appeals: 2 };
/** Table 二 rows printed in both formats: three value columns in 2019, one (处理决定数量) in 2021. */
const DECISION_ROWS_IN_BOTH = activeRowsWith('2021', ['decisions'])
  .map((r) => r.id)
  .filter((id) => activeRowsWith('2019', ['decisions']).some((r) => r.id === id));
const PLAIN = /[\s\p{P}\p{S}]/gu;
const APPEAL_GROUP_WIDTH = APPEAL_OUTCOMES.length;
const STAND_IN_IDS = new Set(FORMAT_IDS.flatMap((f) => STAND_IN_ROWS[f].map((s) => s.row.id)));
/** Table 三's column headers: a header printed bare (自然人, 总计) names the grid column of its values. */
const APPLICATION_COLUMN_KEYS = APPLICATION_COLUMNS.flatMap((c) => [c.label.zh, ...(c.aliases ?? [])].map((label) => ({ id: c.id, core: labelKey(label).core })));
/** 其他 names a column only beside its sibling headers (商业企业 … 其他). */
const GENERIC_COLUMN = 'other_org';
const ITEM_HEADER = /第二十条第\(?([一二三四五六七八九十]+)\)?项/;
const NUMERALS = '一二三四五六七八九十';

function best<T extends { key: LabelKey }>(key: LabelKey, candidates: readonly T[], accept: (c: T) => boolean = () => true) {
  let found: { c: T; q: MatchQuality } | null = null;
  if (key.core.length > 80) return null;
  for (const c of candidates) {
    if (!accept(c)) continue;
    const q = matchLabel(key, c.key);
    if (q === 'exact') return { c, q };
    if (q && !found) found = { c, q };
  }
  return found;
}

const anyMatch = (key: LabelKey, keys: readonly LabelKey[]) => keys.some((k) => matchLabel(key, k) !== null);

// ---- Column assignment -----------------------------------------------------------------------------

/** Fits a row's value tokens to n columns: padding cells beyond n dropped, too few placed by grid column. */
function fitValues(values: Token[], n: number, learnedX?: number[], padFirst: 'end' | 'start' = 'end'): (Token | null)[] {
  let v = values.slice();
  const trimEnd = () => {
    while (v.length > n && v[v.length - 1]!.parsed.kind === 'blank') v.pop();
  };
  const trimStart = () => {
    while (v.length > n && v[0]!.parsed.kind === 'blank') v.shift();
  };
  // Padding of a dumped row trails it; under a header dumped one cell a line it leads the values.
  if (padFirst === 'end') (trimEnd(), trimStart());
  else (trimStart(), trimEnd());
  if (v.length > n) v = v.slice(0, n);
  if (v.length === n) return v;
  if (learnedX && v.length > 0) {
    const placed: (Token | null)[] = new Array(n).fill(null);
    let ok = true;
    for (const t of v) {
      const col = learnedX.indexOf(t.x);
      if (col < 0 || placed[col]) ok = false;
      else placed[col] = t;
    }
    if (ok) return placed;
  }
  return [...v, ...new Array<null>(n - v.length).fill(null)];
}

/** The values of a row beyond its n columns once padding blanks are trimmed: printed, so reported, not dropped. */
function overflow(values: Token[], n: number): Token[] {
  let end = values.length;
  while (end > n && values[end - 1]!.parsed.kind === 'blank') end--;
  let start = 0;
  while (end - start > n && values[start]!.parsed.kind === 'blank') start++;
  return values.slice(start + n, end);
}

/** Per physical table, the grid column of each of table 三's seven columns, learned from complete rows. */
function learnColumns(rows: LogicalRow[]): Map<number, number[]> {
  const votes = new Map<number, Map<string, number>>();
  for (const r of rows) {
    if (!r.hard || r.values.length !== APPLICATION_COLUMNS.length) continue;
    const table = r.values[0]!.table;
    const sig = r.values.map((t) => t.x).join(',');
    const m = votes.get(table) ?? new Map<string, number>();
    m.set(sig, (m.get(sig) ?? 0) + 1);
    votes.set(table, m);
  }
  const out = new Map<number, number[]>();
  for (const [table, m] of votes) {
    const top = [...m.entries()].sort((a, b) => b[1] - a[1])[0];
    if (top) out.set(table, top[0].split(',').map(Number));
  }
  return out;
}

// ---- Sections --------------------------------------------------------------------------------------

/** 一、总体情况 · 1. 总体情况 · (一)总体情况 — possibly followed on the same line by the section's text. */
const SECTION_HEADING = /^(?:([一二三四五六])\s*[、.,]|([1-6])\s*[.、]|\(([一二三四五六])\))\s*(.*)$/;
const ARABIC = '123456';

function textSections(lines: string[]): Map<SectionId, string[]> {
  const sections = new Map<SectionId, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const m = SECTION_HEADING.exec(line);
    if (m) {
      const numeral = m[1] ?? m[3] ?? SECTIONS[ARABIC.indexOf(m[2] ?? '')]?.numeral;
      const rest = m[4] ?? '';
      // The heading is what comes before the first full stop or colon; the text after it belongs to the section.
      const cut = rest.search(/[。:：]/);
      const heading = (cut < 0 ? rest : rest.slice(0, cut)).slice(0, 40);
      const def = SECTIONS.find((s) => s.numeral === numeral && s.keywords.some((k) => heading.includes(k)));
      if (def && !sections.has(def.id) && (cut >= 0 || rest.length <= 40)) {
        current = [];
        sections.set(def.id, current);
        const text = cut < 0 ? '' : rest.slice(cut + 1).trim();
        if (text) current.push(text);
        continue;
      }
    }
    current?.push(line);
  }
  return sections;
}

// ---- The recogniser --------------------------------------------------------------------------------

interface RowMatch {
  entry: RowEntry;
  row: LogicalRow;
  token: Token;
  quality: MatchQuality;
  index: number;
  /** A group label on a row of blanks (may head sub-rows rather than be a row). */
  heading?: boolean;
}

interface ExtraCandidate {
  table: 'active' | 'applications';
  item: string | null;
  row: LogicalRow;
  index: number;
  /** A statutory row of the other format (item (九) in a 2021 table): part of the table wherever it stands. */
  statutory?: boolean;
}

/**
 * How much each printed sign counts towards a format, and how far apart the parts of one table may be.
 * Named so that a change to the recogniser's judgement is a change to one number here.
 */
const WEIGHTS = {
  /** A table 二 column header of one format (本年制发件数 is 2021, 本年新制作数量 2019). */
  headerExact: 2,
  headerVariant: 1,
  /** A table 三 row of only one format ((六)1.申请人无正当理由…): the strongest sign of all. */
  applicationsRowOfOneFormat: 3,
  /** A table 二 row of only one format (item (九) 政府集中采购 is 2019 only). */
  activeRowOfOneFormat: 1,
  /** A (五)(六) row's values: three filled in 2019, one column in 2021. */
  decisionRowValues: 1,
  /** (六)其他处理 as one row: 2019's row, but also printed in 2021 tables (STAND_IN_ROWS), so no sign of either. */
  standInRow: 0,
} as const;

const WINDOWS = {
  /** Fewer statutory rows than this (table 四 counts as one) and the page is not a report. */
  minMatchedRows: 3,
  /** Table 四 as two tables: the 诉讼 data row at most this many rows after the 复议 one. */
  splitAppealsRows: 6,
  /** A local row of table 二 printed at most this many rows after its last statutory row. */
  activeRowsAfterLast: 2,
  /** A copy of a report printed twice counts as complete with this share of the fullest copy's rows. */
  completeCopyShare: 0.8,
  /** A repeat of the labels is a copy of the report when it prints rows of at least this many of its tables. */
  copyTables: 2,
} as const;

interface Scan {
  matches: Map<string, RowMatch>;
  extras: ExtraCandidate[];
  evidence: Record<'active' | 'applications', Record<FormatId, number>>;
  headerWordsSeen: Set<string>;
  appeals: { row: LogicalRow; index: number } | null;
  /** Per physical table, the grid column under each table 三 column header printed in it. */
  columnHeaders: Map<number, Map<string, number>>;
  /**
   * A report printed again (a corrected copy after it): the logical row each copy starts at, its matched rows,
   * and what its rows print (copies that print the same are one report).
   */
  copies: { start: number; rows: number; printed: string; tables: number }[];
}

/** Job 1: walk the logical rows once, matching statutory rows and collecting format evidence and extra rows. */
function scanRows(rows: LogicalRow[]): Scan {
  let matches = new Map<string, RowMatch>();
  let extras: ExtraCandidate[] = [];
  const noEvidence = (): Scan['evidence'] => ({ active: { '2019': 0, '2021': 0 }, applications: { '2019': 0, '2021': 0 } });
  let evidence = noEvidence();
  const headerWordsSeen = new Set<string>();
  let appeals: { row: LogicalRow; index: number } | null = null;
  const columnHeaders = new Map<number, Map<string, number>>();
  const ctx = { table: null as TableId | null, item: null as string | null, group: null as string | null, appealsHeader: false, lastRow: '', lastRowTable: -1 };
  const copies: Scan['copies'] = [{ start: 0, rows: 0, printed: '', tables: 0 }];
  const closeCopy = () => {
    const copy = copies[copies.length - 1]!;
    copy.rows = matches.size + (appeals ? 1 : 0);
    const rowsPrinted = [...matches].map(([k, m]) => `${k}:${m.row.values.map((t) => t.text).join(',')}`);
    copy.printed = [...rowsPrinted, appeals?.row.values.map((t) => t.text).join(',') ?? ''].join('|');
    copy.tables = new Set([...matches.values()].map((m) => m.entry.table)).size + (appeals ? 1 : 0);
  };
  const firstRowOfTable = new Map<number, number>();
  /** Rows matched in any part of the page so far (a part restarts at a copy or an appendix). */
  const everMatched = new Set<string>();

  rows.forEach((row, index) => {
    const physical = row.labels[0]?.table ?? row.values[0]?.table;
    if (physical !== undefined && !firstRowOfTable.has(physical)) firstRowOfTable.set(physical, index);
    // A group label and its first item merged in one cell: （三）不予公开 1.属于国家秘密.
    row.labels = row.labels.flatMap((token) => splitMergedLabel(token.text).map((text) => (text === token.text ? token : { ...token, text })));
    // Tokens up to the last column header are header; a data row's label can only come after them
    // (a streamed dump runs 信息内容 本年新制作数量 … 规章 0 0 0 together).
    let lastHeader = -1;
    row.labels.forEach((token, i) => {
      const key = cachedKey(token.text);
      const item = ITEM_HEADER.exec(token.text.replace(/\s+/g, ''));
      if (item) {
        ctx.table = 'active';
        ctx.item = `20_${NUMERALS.indexOf(item[1]!) + 1}`;
        lastHeader = i;
        return;
      }
      const header = best(key, ACTIVE_HEADERS);
      if (header) {
        evidence.active[header.c.format] += header.q === 'exact' ? WEIGHTS.headerExact : WEIGHTS.headerVariant;
        ctx.table = 'active';
        lastHeader = i;
        return;
      }
      if (anyMatch(key, APPLICATION_HEADERS)) {
        headerWordsSeen.add(key.core);
        ctx.table = 'applications';
        lastHeader = i;
      } else if (anyMatch(key, APPEAL_HEADERS)) {
        ctx.table = 'appeals';
        ctx.appealsHeader = true;
        lastHeader = i;
      } else if (BARE_TOTALS.has(key.core) && key.full === token.text.replace(PLAIN, '') && (lastHeader >= 0 || row.values.length === 0 || ctx.table !== 'applications')) {
        // 总计 printed without its numbering after other headers, over no values or outside table 三 is a
        // column header; first in a row of values of table 三 it is the (七)总计 row with its numbering dropped.
        lastHeader = i;
      }
      const group = best(key, GROUP_KEYS);
      if (group) {
        ctx.group = group.c.group;
        ctx.table = 'applications';
      }
    });
    if (row.values.length === 0 && ctx.table === 'applications') recordColumnHeaders(row, columnHeaders);
    const hasNumber = row.values.some((t) => t.parsed.kind === 'number');
    let hit: { entry: RowEntry; token: Token; quality: MatchQuality } | null = null;
    // A header row (自然人 … 总计, 结果维持 … 总计) names columns, never a data row. A row of text
    // alone (规章 | 详见附件) may still be a data row whose values are not numbers.
    if (row.values.length > 0 || (row.hard && row.labels.length >= 2)) {
      // 3.其他 belongs to (六)其他处理: under its group label, or right after its sibling rows when the label is missing.
      // Another wording (总计 for (七)总计) counts only inside its own table.
      const accept = (e: RowEntry) =>
        (!e.alias || ctx.table === e.table) && (!e.requiresGroup || e.group === ctx.group || ctx.lastRow.startsWith(e.rowId.replace(/\.\d+$/, '.')));
      for (let j = row.labels.length - 1; j > lastHeader && !hit; j--) {
        const token = row.labels[j]!;
        const m = best(cachedKey(token.text), ROW_ENTRIES, accept);
        if (m) hit = { entry: m.c, token, quality: m.c.alias ? 'variant' : m.q };
      }
    }
    // (六)其他处理 on a row of its own with empty cells: the 2019 row left blank, or the heading of the
    // 2021 sub-rows — told apart once the sub-rows are (or are not) found.
    const heading = hit !== null && row.values.every((t) => t.parsed.kind === 'blank') && best(cachedKey(hit.token.text), GROUP_KEYS) !== null;
    const seen = hit ? matches.get(`${hit.entry.table}/${hit.entry.rowId}`) : undefined;
    const again = hit !== null && seen !== undefined && !seen.heading && seen.token.table !== hit.token.table;
    // A row printed in an earlier part, of a table the report prints before every table of the current part
    // (table 二 after an appendix of table 三): the report starts again (a corrected copy after the appendix).
    const behind = hit !== null && !seen && everMatched.has(`${hit.entry.table}/${hit.entry.rowId}`) && [...matches.values()].every((m) => TABLE_ORDER[m.entry.table] > TABLE_ORDER[hit.entry.table]);
    if ((again || behind) && matches.size >= WINDOWS.minMatchedRows) {
      const hitToken = hit!.token;
      // A statutory row again, in another table: the report printed a second time. Later copies are scanned
      // afresh by recognise(); here the state restarts so that the copies can be counted and sized.
      closeCopy();
      copies.push({ start: firstRowOfTable.get(hitToken.table) ?? index, rows: 0, printed: '', tables: 0 });
      matches = new Map();
      extras = [];
      evidence = noEvidence();
      appeals = null;
    }
    if (hit) {
      // Text cells after the row's label are values when the row is short of values (见附件 in 自然人).
      const at = row.labels.indexOf(hit.token);
      if (at < row.labels.length - 1 && row.values.length < hit.entry.columns) {
        row.values.unshift(...row.labels.splice(at + 1));
      }
      ctx.table = hit.entry.table;
      ctx.lastRow = hit.entry.rowId;
      ctx.lastRowTable = hit.token.table;
      if (hit.entry.group) ctx.group = hit.entry.group;
      const k = `${hit.entry.table}/${hit.entry.rowId}`;
      if (!matches.has(k)) matches.set(k, { ...hit, row, index, heading });
      everMatched.add(k);
      const weight = STAND_IN_IDS.has(hit.entry.rowId) ? WEIGHTS.standInRow : hit.entry.table === 'applications' ? WEIGHTS.applicationsRowOfOneFormat : WEIGHTS.activeRowOfOneFormat;
      if (!heading) for (const f of hit.entry.formats.length === 1 ? hit.entry.formats : []) evidence[hit.entry.table][f] += weight;
      return;
    }
    // Values of whole groups (five each) under headers only: a part of table 四 even when all blank (复议 with
    // no case), or one group a row (table 四 transposed: 行政复议 | 0 0 0 0 0).
    // A row of blanks is one group under at most one group's headers (结果维持 … 总计 over five blanks):
    // a header row's padding (行政复议 | 行政诉讼 ||||| …) is not data.
    const groupRow =
      row.hard &&
      row.labels.length - 1 === lastHeader &&
      row.values.length > 0 &&
      row.values.length % APPEAL_GROUP_WIDTH === 0 &&
      row.values.every((t) => t.parsed.kind !== 'text') &&
      (hasNumber || (row.labels.length <= APPEAL_GROUP_WIDTH && row.values.length === APPEAL_GROUP_WIDTH));
    // Table 四 with its headers drawn as a picture: a row of its fifteen values alone, in a table of its own after table 三.
    const headerless =
      ctx.table === 'applications' && row.hard && row.labels.length === 0 && row.values.length === APPEAL_ROW.columns.length && row.values[0]!.table !== ctx.lastRowTable;
    if (((ctx.table === 'appeals' && ctx.appealsHeader) || headerless) && !appeals && row.values.length >= 5 && (hasNumber || row.values.length >= 15 || groupRow)) {
      // A data row whose first cells are text (见附件) reads them as values, not as a label.
      if (row.hard && lastHeader < 0 && row.values.length < APPEAL_ROW.columns.length) row.values.unshift(...row.labels.splice(0));
      appeals = { row, index };
      return;
    }
    // Table 四 printed as two tables (行政复议, then 行政诉讼), or one group a row: later data rows complete the first.
    const first = appeals as { row: LogicalRow; index: number } | null;
    const width = first ? first.row.values.length + row.values.length : 0;
    if (first && ctx.table === 'appeals' && (hasNumber || groupRow) && row.hard && first.row.hard && (width === APPEAL_ROW.columns.length || (groupRow && width < APPEAL_ROW.columns.length)) && index - first.index <= WINDOWS.splitAppealsRows) {
      first.row.values.push(...row.values);
      return;
    }
    if (row.labels.length > 0 && hasNumber && (ctx.table === 'active' || ctx.table === 'applications')) {
      extras.push({ table: ctx.table, item: ctx.table === 'active' ? ctx.item : null, row, index });
    }
  });

  const otherRow = matches.get('applications/result.other');
  if (otherRow?.heading && [1, 2, 3].some((n) => matches.has(`applications/result.other.${n}`))) matches.delete('applications/result.other');
  closeCopy();
  return { matches, extras, evidence, headerWordsSeen, appeals, columnHeaders, copies };
}

/**
 * A part of the page that repeats statutory labels is a copy of the report when it prints rows of more than
 * one of its tables, as the report does; one table's labels again (an appendix 附表 of table 三 for the
 * agency's units, a blank form, table 二 with 说明 text) is an appendix, not a copy. The first part is the report.
 */
function isReportCopy(copy: Scan['copies'][number], index: number): boolean {
  return index === 0 || copy.tables >= WINDOWS.copyTables;
}

/**
 * Of a report printed more than once, the last copy about as complete as the fullest: its rows [start, end),
 * ending where the next part (a copy or an appendix) starts. Appendices are never chosen.
 */
function lastCompleteCopy(copies: Scan['copies'], rowCount: number): { start: number; end: number; reportCopies: Scan['copies'] } {
  const reportCopies = copies.filter(isReportCopy);
  const fullest = Math.max(...reportCopies.map((c) => c.rows));
  let i = copies.length - 1;
  while (i > 0 && (!isReportCopy(copies[i]!, i) || copies[i]!.rows < fullest * WINDOWS.completeCopyShare)) i--;
  return { start: copies[i]!.start, end: copies[i + 1]?.start ?? rowCount, reportCopies };
}

/** A header row of table 三: the grid column of every column label printed bare in it. */
function recordColumnHeaders(row: LogicalRow, columnHeaders: Scan['columnHeaders']) {
  const found: { id: string; token: Token }[] = [];
  for (const token of row.labels) {
    const key = cachedKey(token.text);
    // Printed bare: nothing dropped but white space and punctuation (其它 maps to 其他 character for character).
    if (key.full.length !== token.text.replace(PLAIN, '').length) continue;
    const column = APPLICATION_COLUMN_KEYS.find((c) => c.core === key.core);
    if (column) found.push({ id: column.id, token });
  }
  if (found.length < 2) {
    const alone = found[0];
    if (!alone || alone.id === GENERIC_COLUMN) return;
  }
  for (const { id, token } of found) {
    const m = columnHeaders.get(token.table) ?? new Map<string, number>();
    if (!m.has(id)) m.set(id, token.x);
    columnHeaders.set(token.table, m);
  }
}

/**
 * The column headers over a table's rows: its own, else those of the nearest table before it that printed
 * them (table 三 continued in a second table after a page break, its headers only above the first part).
 * A continuation whose grid does not line up with those headers falls back to position (placeByHeader).
 */
function headersOver(columnHeaders: Scan['columnHeaders'], table: number): Map<string, number> | undefined {
  const own = columnHeaders.get(table);
  if (own || table < 0) return own;
  let nearest = -1;
  for (const t of columnHeaders.keys()) if (t < table && t > nearest) nearest = t;
  return columnHeaders.get(nearest);
}

/**
 * A table 三 row placed by the headers above it: each value under its header's grid column, values beyond
 * the last header extra. Null when the row's cells do not line up with the headers (fall back to position).
 */
function placeByHeader(values: Token[], header: Map<string, number> | undefined): { byColumn: Map<string, Token>; extra: Token[] } | null {
  if (!header || header.size === 0) return null;
  const columnAt = new Map([...header].map(([id, x]) => [x, id]));
  const last = Math.max(...header.values());
  const byColumn = new Map<string, Token>();
  const extra: Token[] = [];
  for (const t of values) {
    const id = columnAt.get(t.x);
    if (id && !byColumn.has(id)) byColumn.set(id, t);
    else if (t.x > last) extra.push(t);
    else return null;
  }
  return byColumn.size === header.size ? { byColumn, extra } : null;
}

interface Formats {
  format: FormatId;
  tableFormats: Partial<Record<TableId, FormatId>>;
}

/** Job 2: the format of each table, from what is printed (headers, rows of one format, value counts), else the year. */
function decideFormats(scan: Scan, year: number | null): Formats {
  const { matches, evidence, appeals } = scan;
  // Value counts of the item (五)(六) rows are evidence too: three columns in 2019, one in 2021.
  for (const rowId of DECISION_ROWS_IN_BOTH) {
    const m = matches.get(`active/${rowId}`);
    if (!m) continue;
    const filled = m.row.values.filter((t) => t.parsed.kind !== 'blank').length;
    if (filled >= 2) evidence.active['2019'] += WEIGHTS.decisionRowValues;
    else if (m.row.values.length === 1) evidence.active['2021'] += WEIGHTS.decisionRowValues;
  }
  const decide = (e: Record<FormatId, number>): FormatId | null => (e['2019'] > e['2021'] ? '2019' : e['2021'] > e['2019'] ? '2021' : null);
  const hasTable = (t: TableId) => [...matches.values()].some((m) => m.entry.table === t);
  const tableFormats: Partial<Record<TableId, FormatId>> = {};
  const activeEvidence = decide(evidence.active);
  const applicationsEvidence = decide(evidence.applications);
  const format: FormatId = applicationsEvidence ?? activeEvidence ?? formatForYear(year) ?? '2021';
  if (hasTable('active')) tableFormats.active = activeEvidence ?? format;
  if (hasTable('applications')) tableFormats.applications = applicationsEvidence ?? format;
  if (appeals) tableFormats.appeals = format;
  return { format, tableFormats };
}

interface Placed {
  cells: Map<string, ReportCell>;
  findings: FindingDraft[];
  foundTables: Set<TableId>;
}

/** Job 3: every value of the matched rows placed in its canonical cell; missing and extra rows reported. */
function placeCells(scan: Scan, { format, tableFormats }: Formats): Placed {
  const { matches, extras, headerWordsSeen } = scan;
  const findings: FindingDraft[] = [];
  const cells = new Map<string, ReportCell>();
  const foundTables = new Set<TableId>();
  const setCell = (table: TableId, row: string, column: ColumnDef, token: Token | null, label?: string) => {
    const id = cellId(table, row, column.id);
    cells.set(id, {
      id,
      table,
      row,
      column: column.id,
      raw: token?.text ?? '',
      parsed: token?.parsed ?? { kind: 'blank' },
      ...(label ? { label } : {}),
      ...(token ? { source: token.cell.source } : {}),
    });
  };

  // Table 二 and 三: every matched row, in its table's format.
  const learned = learnColumns([...matches.values()].filter((m) => m.entry.table === 'applications').map((m) => m.row));
  const applicationMatches = [...matches.values()].filter((m) => m.entry.table === 'applications');
  // Columns placed by their printed headers: a column no header names is missing (only 总计 printed).
  const headerPlacements = applicationMatches.map((m) => placeByHeader(m.row.values, headersOver(scan.columnHeaders, m.row.values[0]?.table ?? -1)));
  const placementOf = new Map(applicationMatches.map((m, i) => [m, headerPlacements[i] ?? null]));
  const placedByHeader = applicationMatches.filter((_, i) => headerPlacements[i]);
  // Values beyond the last header on most rows: a column whose header is not read (小计), so the headers do not place them.
  const overflowing = headerPlacements.filter((p) => p?.extra.some((t) => t.parsed.kind !== 'blank')).length;
  const headersHold = placedByHeader.length * 2 > applicationMatches.length && overflowing * 2 <= placedByHeader.length;
  const headerOfMost = headersHold ? headersOver(scan.columnHeaders, placedByHeader[0]!.row.values[0]!.table) : undefined;
  const headerMissing = headerOfMost ? APPLICATION_COLUMNS.filter((c) => !headerOfMost.has(c.id)).map((c) => c.id) : [];
  const missingColumn = headerOfMost ? null : detectMissingApplicationColumn(applicationMatches, headerWordsSeen);
  const reportExtraValues = (table: TableId, def: RowDef, extra: Token[]) => {
    const printed = extra.filter((t) => t.parsed.kind !== 'blank');
    if (printed.length === 0) return;
    findings.push({
      rule: 'structure.extra-value',
      severity: 'warning',
      params: { table, row: def.id, value: printed.map((t) => t.text.trim()).join('、') },
      cells: def.columns.map((c) => cellId(table, def.id, c.id)),
    });
  };
  for (const table of ['active', 'applications'] as const) {
    const f = tableFormats[table];
    if (!f) continue;
    foundTables.add(table);
    const printed = table === 'applications' ? applicationRowsPrinted(f, (id) => matches.has(`applications/${id}`)) : null;
    const defs = printed?.rows ?? statutoryRows(table, f);
    // One warning per stand-in, naming the rows it stands for (spec: a warning, not an error per row).
    for (const standIn of printed?.standIns ?? []) {
      findings.push({
        rule: 'structure.missing-row',
        messageKey: 'structure.missing-row#standIn',
        severity: 'warning',
        params: { table, row: standIn.row.id, count: standIn.for.length },
        cells: standIn.for.flatMap((row) => APPLICATION_COLUMNS.map((c) => cellId(table, row, c.id))),
      });
    }
    for (const def of defs) {
      const m = matches.get(`${table}/${def.id}`);
      if (!m) {
        findings.push({
          rule: 'structure.missing-row',
          severity: 'error',
          params: { table, row: def.id },
          cells: def.columns.map((c) => cellId(table, def.id, c.id)),
        });
        continue;
      }
      if (m.quality === 'variant') {
        findings.push({
          rule: 'structure.label-variant',
          severity: 'info',
          params: { printed: m.token.text.replace(/\n/g, ' '), label: def.label.zh },
          cells: def.columns.map((c) => cellId(table, def.id, c.id)),
        });
      }
      const byHeader = table === 'applications' && headerOfMost ? (placementOf.get(m) ?? null) : null;
      if (byHeader) {
        for (const c of def.columns) if (!headerMissing.includes(c.id)) setCell(table, def.id, c, byHeader.byColumn.get(c.id) ?? null);
        reportExtraValues(table, def, byHeader.extra);
        continue;
      }
      let columns = def.columns;
      if (table === 'applications' && missingColumn) columns = columns.filter((c) => c.id !== missingColumn);
      // No headers to place by: the grid columns of the table's complete rows place a row with a value more
      // (a dash for zero first and a value after the last column is not shifted into the row).
      const learnedX = table === 'applications' && !missingColumn ? learned.get(m.row.values[0]?.table ?? -1) : undefined;
      const byLearned = learnedX && m.row.values.length > columns.length ? placeByHeader(m.row.values, new Map(columns.map((c, i) => [c.id, learnedX[i]!]))) : null;
      if (byLearned) {
        for (const c of columns) setCell(table, def.id, c, byLearned.byColumn.get(c.id) ?? null);
        reportExtraValues(table, def, byLearned.extra);
        continue;
      }
      const fitted = fitValues(m.row.values, columns.length, table === 'applications' && !missingColumn ? learned.get(m.row.values[0]?.table ?? -1) : undefined);
      columns.forEach((c, i) => setCell(table, def.id, c, fitted[i] ?? null));
      if (table === 'applications') reportExtraValues(table, def, overflow(m.row.values, columns.length));
    }
    // Rows of the other format (a 2019 row in a 2021 table) are kept as extra rows.
    for (const m of matches.values()) {
      if (m.entry.table === table && !defs.some((d) => d.id === m.entry.rowId)) {
        const item = m.entry.rowId.split('.')[0] ?? null;
        extras.push({ table, item: table === 'active' ? item : null, row: m.row, index: m.index, statutory: true });
      }
    }
  }
  for (const column of headerMissing) {
    findings.push({
      rule: 'structure.missing-column',
      severity: 'error',
      params: { table: 'applications', column },
      cells: APPLICATION_ROWS[tableFormats.applications ?? format].map((r) => cellId('applications', r.id, column)),
    });
  }
  if (missingColumn) {
    findings.push({
      rule: 'structure.missing-column',
      severity: 'error',
      params: { table: 'applications', column: missingColumn },
      cells: APPLICATION_ROWS[tableFormats.applications ?? format].map((r) => cellId('applications', r.id, missingColumn)),
    });
  }

  // Table 四: one row of fifteen numbers under its header.
  if (scan.appeals) {
    foundTables.add('appeals');
    const fitted = fitValues(scan.appeals.row.values, APPEAL_ROW.columns.length, undefined, scan.appeals.row.hard ? 'end' : 'start');
    APPEAL_ROW.columns.forEach((c, i) => setCell('appeals', APPEAL_ROW.id, c, fitted[i] ?? null));
  }

  // Local extra rows inside a table's span.
  const spanOf = (table: TableId) => {
    const idx = [...matches.values()].filter((m) => m.entry.table === table).map((m) => m.index);
    return idx.length ? [Math.min(...idx), Math.max(...idx)] : null;
  };
  const spans = { active: spanOf('active'), applications: spanOf('applications') };
  const extraCount = new Map<string, number>();
  for (const extra of extras.sort((a, b) => a.index - b.index)) {
    const s = spans[extra.table];
    const f = tableFormats[extra.table];
    if (!s || !f) continue;
    const lastRowTable = extra.row.values[0]?.table;
    const afterLast = extra.index > s[1]! && extra.index <= s[1]! + WINDOWS.activeRowsAfterLast && extra.table === 'active' && lastRowTable !== undefined;
    if (!extra.statutory && !(extra.index > s[0]! && extra.index < s[1]!) && !afterLast) continue;
    const other: FormatId = f === '2019' ? '2021' : '2019';
    const item = extra.table === 'active' ? (ACTIVE_ITEMS[f].find((i) => i.id === extra.item) ?? ACTIVE_ITEMS[other].find((i) => i.id === extra.item)) : undefined;
    const prefix = extra.table === 'active' ? `${extra.item ?? '20_x'}.extra` : 'extra';
    const n = (extraCount.get(prefix) ?? 0) + 1;
    extraCount.set(prefix, n);
    const rowId = `${prefix}.${n}`;
    const columns: readonly ColumnDef[] = extra.table === 'applications' ? APPLICATION_COLUMNS : (item?.rows[0]?.columns ?? extra.row.values.map((_, i) => ({ id: `c${i + 1}`, label: { zh: `第${i + 1}列`, en: `column ${i + 1}` } })));
    const printed = extra.row.labels[extra.row.labels.length - 1]!.text.replace(/\n/g, '');
    const label = printed.replace(/[(（].*$/, '').trim() || printed;
    const fitted = fitValues(extra.row.values, columns.length);
    columns.forEach((c, i) => setCell(extra.table, rowId, c, fitted[i] ?? null, label));
    findings.push({ rule: 'structure.extra-row', severity: 'info', params: { label, table: extra.table }, cells: columns.map((c) => cellId(extra.table, rowId, c.id)) });
  }
  return { cells, findings, foundTables };
}

/** PageDoc → the recognised report, in three jobs: scan the rows, decide the formats, place the cells. */
export function recognise(page: PageDoc): RecognitionResult {
  const meta = readMeta(page);
  let scan = scanRows(logicalRows(page));
  const copyFindings: FindingDraft[] = [];
  if (scan.copies.length > 1) {
    // Scanning mutates rows (a split table 四 joined): the chosen copy is scanned from fresh rows.
    const rows = logicalRows(page);
    const { start, end, reportCopies } = lastCompleteCopy(scan.copies, rows.length);
    // Said when the copies print different figures (a corrected copy); an identical duplicate is one report.
    if (new Set(reportCopies.map((c) => c.printed)).size > 1) copyFindings.push({ rule: 'structure.second-copy', severity: 'info', params: { copies: reportCopies.length }, cells: [] });
    scan = scanRows(rows.slice(start, end));
  }
  const matchedCount = scan.matches.size + (scan.appeals ? 1 : 0);
  const lines = page.lines;
  const mentionsReport = /年度报告|年报/.test(`${meta.title}\n${lines.slice(0, 20).join('\n')}`);
  const unsupported = meta.year !== null && formatForYear(meta.year) === null && ![...scan.matches.values()].some((m) => m.entry.table === 'applications');
  if (!unsupported && matchedCount < WINDOWS.minMatchedRows) return { ok: false, meta, attachments: page.links };
  if (unsupported && !mentionsReport && matchedCount < WINDOWS.minMatchedRows) return { ok: false, meta, attachments: page.links };

  const sections = textSections(lines);
  if (unsupported) {
    const findings: FindingDraft[] = [{ rule: 'structure.unsupported-format', severity: 'info', params: { year: meta.year ?? '' }, cells: [] }];
    return {
      ok: true,
      recognition: { meta, format: null, tableFormats: {}, cells: new Map(), findings, sections, foundTables: new Set(), unsupported: true, lines },
    };
  }
  const formats = decideFormats(scan, meta.year);
  const { cells, findings, foundTables } = placeCells(scan, formats);
  findings.push(...copyFindings);
  return {
    ok: true,
    recognition: { meta, format: formats.format, tableFormats: formats.tableFormats, cells, findings, sections, foundTables, unsupported: false, lines },
  };
}

const MERGED_NUMBERING = /(?<=[^\s第])\s*(?=\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))/;

/** Splits a cell that prints a group label and its first item together, at the item's numbering. */
function splitMergedLabel(text: string): string[] {
  // Only labels: 20. or 3.5 are numbers, not a group label and an item.
  if (!/[\u4e00-\u9fff]{2}/.test(text)) return [text];
  const compact = text.replace(/\s+/g, ' ');
  const parts = compact.split(MERGED_NUMBERING).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 && parts.length <= 3 ? parts : [text];
}

/** Table 三 printed with a column left out: most rows carry six values and one header word is absent. */
function detectMissingApplicationColumn(matches: RowMatch[], headerWords: Set<string>): string | null {
  const rows = matches.filter((m) => m.entry.table === 'applications');
  if (rows.length < 5) return null;
  const counts = rows.map((m) => {
    let v = m.row.values.length;
    while (v > 6 && m.row.values[v - 1]!.parsed.kind === 'blank') v--;
    return v;
  });
  if (counts.filter((c) => c === 6).length < rows.length * 0.8) return null;
  const absent = APPLICATION_COLUMNS.filter((c) => c.id !== 'total' && c.id !== 'other_org' && !headerWords.has(labelKey(c.label.zh).core));
  return absent.length === 1 ? absent[0]!.id : null;
}
