/**
 * Hand transcription of the five seed reports in /work/shared/seeds/.
 *
 * Every value below was read by a person from the text dump, row by row, and typed in.
 * No parser was used; the small helpers at the top only turn a hand-typed row of raw
 * strings into cell objects, so that the data stays close to how it looks in the source.
 * See README.md in this folder for the conventions.
 *
 * This file must not import anything from lib/: it is an independent reference that the
 * extractor is tested against.
 */

export type Format = '2019' | '2021';

export interface Cell {
  raw: string;
  value: number | null;
  unit?: string;
}

export type NarrativeField =
  | 'newApplications'
  | 'handled'
  | 'carriedOver'
  | 'carriedForward'
  | 'reviews'
  | 'suits';

/**
 * Figures that the narrative (mostly section 一) states about applications / appeals,
 * in the sense of the spec's `text.table-mismatch` rule.
 *  - newApplications: 共收到/收到依申请公开/全年依申请公开 N件   -> applications/new/total
 *  - handled:         办结/处理 N件                              -> applications/result.total/total
 *  - carriedOver:     上年结转 N件                               -> applications/carried_over/total
 *  - carriedForward:  结转下年度 N件                             -> applications/carried_forward/total
 *  - reviews:         行政复议 N件                               -> appeals/counts/review.total
 *  - suits:           行政诉讼 N件    -> appeals/counts/suit_direct.total + suit_after_review.total
 * A figure stated in words ("没有…行政复议") is recorded as 0 and says so in a comment.
 * `quotes` holds the sentence, NFKC-normalised like `raw`.
 */
export interface NarrativeFigures {
  newApplications?: number;
  handled?: number;
  carriedOver?: number;
  carriedForward?: number;
  reviews?: number;
  suits?: number;
  /** format 2021, section 六: the sentence about 信息处理费 */
  feeStatement?: string;
  quotes?: Partial<Record<NarrativeField, string>>;
}

export interface ExtraRow {
  table: string;
  item?: string;
  /** the short printed label; the full printed label follows it in the source (see comment) */
  label: string;
  values: (number | null)[];
}

export interface SeedExpectation {
  file: string;
  year: number;
  format: Format;
  /** the publishing body as named in the text, null if never named */
  agency: string | null;
  /** other spellings of the same body that also occur in the text (informational) */
  agencyVariants?: string[];
  published: string | null;
  cells: Record<string, Cell>;
  blanks: string[];
  extraRows?: ExtraRow[];
  narrative: NarrativeFigures;
}

// ---------------------------------------------------------------------------
// Canonical ids (from /work/shared/spec/statutory-structure.md)
// ---------------------------------------------------------------------------

export const APPLICATION_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'social_welfare',
  'legal_service',
  'other_org',
  'total',
] as const;

const COMMON_ROWS_HEAD = [
  'new',
  'carried_over',
  'result.disclosed',
  'result.partial',
  'result.withheld.1',
  'result.withheld.2',
  'result.withheld.3',
  'result.withheld.4',
  'result.withheld.5',
  'result.withheld.6',
  'result.withheld.7',
  'result.withheld.8',
  'result.unavailable.1',
  'result.unavailable.2',
  'result.unavailable.3',
  'result.unprocessed.1',
  'result.unprocessed.2',
  'result.unprocessed.3',
  'result.unprocessed.4',
  'result.unprocessed.5',
] as const;

export const APPLICATION_ROWS: Record<Format, readonly string[]> = {
  '2019': [...COMMON_ROWS_HEAD, 'result.other', 'result.total', 'carried_forward'],
  '2021': [
    ...COMMON_ROWS_HEAD,
    'result.other.1',
    'result.other.2',
    'result.other.3',
    'result.total',
    'carried_forward',
  ],
};

export const APPEAL_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const;
export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** all numeric cells of table 二 per format, `row/column` (without the `active/` prefix) */
export const ACTIVE_CELLS: Record<Format, readonly string[]> = {
  '2019': [
    '20_1.rules/made', '20_1.rules/published', '20_1.rules/total',
    '20_1.normative/made', '20_1.normative/published', '20_1.normative/total',
    '20_5.licensing/previous', '20_5.licensing/change', '20_5.licensing/decisions',
    '20_5.other_services/previous', '20_5.other_services/change', '20_5.other_services/decisions',
    '20_6.penalty/previous', '20_6.penalty/change', '20_6.penalty/decisions',
    '20_6.coercion/previous', '20_6.coercion/change', '20_6.coercion/decisions',
    '20_8.fees/previous', '20_8.fees/change',
    '20_9.procurement/count', '20_9.procurement/amount',
  ],
  '2021': [
    '20_1.rules/issued', '20_1.rules/repealed', '20_1.rules/in_force',
    '20_1.normative/issued', '20_1.normative/repealed', '20_1.normative/in_force',
    '20_5.licensing/decisions',
    '20_6.penalty/decisions',
    '20_6.coercion/decisions',
    '20_8.fees/amount',
  ],
};

// ---------------------------------------------------------------------------
// Helpers: hand-typed raw strings -> cells. '' means the source cell is blank.
// ---------------------------------------------------------------------------

/** a plain number as printed (digits, optional sign and decimals, no unit); '' is blank */
function n(raw: string): Cell {
  if (raw === '') return { raw: '', value: null };
  if (!/^[+-]?\d+(\.\d+)?$/.test(raw)) throw new Error(`not a plain number: ${raw}`);
  return { raw, value: Number(raw) };
}

/** a number printed with a unit, typed in full by hand */
function u(raw: string, value: number, unit: string): Cell {
  return { raw, value, unit };
}

type RowValues = readonly (string | Cell)[];

function toCell(v: string | Cell): Cell {
  return typeof v === 'string' ? n(v) : v;
}

/** table 二: rows keyed `item.row`, values in the format's column order */
function active(format: Format, rows: Record<string, RowValues>): Record<string, Cell> {
  const cols: Record<Format, Record<string, readonly string[]>> = {
    '2019': {
      '20_1.rules': ['made', 'published', 'total'],
      '20_1.normative': ['made', 'published', 'total'],
      '20_5.licensing': ['previous', 'change', 'decisions'],
      '20_5.other_services': ['previous', 'change', 'decisions'],
      '20_6.penalty': ['previous', 'change', 'decisions'],
      '20_6.coercion': ['previous', 'change', 'decisions'],
      '20_8.fees': ['previous', 'change'],
      '20_9.procurement': ['count', 'amount'],
    },
    '2021': {
      '20_1.rules': ['issued', 'repealed', 'in_force'],
      '20_1.normative': ['issued', 'repealed', 'in_force'],
      '20_5.licensing': ['decisions'],
      '20_6.penalty': ['decisions'],
      '20_6.coercion': ['decisions'],
      '20_8.fees': ['amount'],
    },
  };
  const out: Record<string, Cell> = {};
  for (const [row, values] of Object.entries(rows)) {
    const c = cols[format][row];
    if (!c) throw new Error(`unknown active row ${row} for format ${format}`);
    if (c.length !== values.length) throw new Error(`active/${row}: ${values.length} values, ${c.length} columns`);
    c.forEach((col, i) => (out[`active/${row}/${col}`] = toCell(values[i]!)));
  }
  return out;
}

/** table 三: rows keyed by row id, 7 values in column order natural_person … total */
function applications(rows: Record<string, RowValues>): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [row, values] of Object.entries(rows)) {
    if (values.length !== 7) throw new Error(`applications/${row}: ${values.length} values`);
    APPLICATION_COLUMNS.forEach((col, i) => (out[`applications/${row}/${col}`] = toCell(values[i]!)));
  }
  return out;
}

/** table 四: the 15 values of the single data row, left to right */
function appeals(values: RowValues): Record<string, Cell> {
  if (values.length !== 15) throw new Error(`appeals: ${values.length} values`);
  const out: Record<string, Cell> = {};
  let i = 0;
  for (const g of APPEAL_GROUPS)
    for (const c of APPEAL_COLUMNS) out[`appeals/counts/${g}.${c}`] = toCell(values[i++]!);
  return out;
}

const Z7 = ['0', '0', '0', '0', '0', '0', '0'] as const;
const Z15 = Array.from({ length: 15 }, () => '0');

// ---------------------------------------------------------------------------
// Seed 000 — 大潭办事处 (武汉 黄陂, Hubei), report on 2020, format 2019.
// Form: cells separated by ` | `, rows padded with trailing `|`.
// No title, no signature and no date in the dump: published = null.
// Table 二 is Hubei's variant: long explanatory text inside labels, an extra row
// 其他主动公开文件 under item (一), (八) has 2 value columns plus an empty third slot
// (not a statutory cell), (九) prints units: 32个, 2913705元.
// Table 三 and 四: every one of the 23 × 7 and 15 cells is printed as 0 (checked row by row:
// each line 42–64 of the dump holds exactly seven `0`). No blank cells.
// ---------------------------------------------------------------------------

const seed000: SeedExpectation = {
  file: '000_2ddb75e6feefc9c5.txt',
  year: 2020,
  format: '2019',
  // named in the preamble: "全面反映大潭办事处信息公开工作情况" and 《大潭办事处政府信息公开指南(试行)》
  agency: '大潭办事处',
  published: null,
  cells: {
    ...active('2019', {
      // label: 规章(设区的市、自治州人民政府应提供相关数据)
      '20_1.rules': ['0', '0', '0'],
      // label: 规范性文件(行政机关制定发布的决定、公告、…一般情况下属于规范性文件)
      // made 70 but published 0 and total 0 — as printed (published ≤ total still holds).
      '20_1.normative': ['70', '0', '0'],
      '20_5.licensing': ['0', '0', '0'],
      // label: 其他对外管理服务事项(指行政许可以外的政务服务事项,…以及公共服务事项)
      '20_5.other_services': ['0', '0', '0'],
      '20_6.penalty': ['0', '0', '0'],
      '20_6.coercion': ['0', '0', '0'],
      // `行政事业性收费 | 0 | 0 | |` — two values; the third slot is empty and has no column
      '20_8.fees': ['0', '0'],
      // `政府集中采购 | 32个 | 2913705元 |`
      '20_9.procurement': [u('32个', 32, '个'), u('2913705元', 2913705, '元')],
    }),
    ...applications({
      new: Z7,
      carried_over: Z7,
      'result.disclosed': Z7,
      'result.partial': Z7,
      'result.withheld.1': Z7,
      'result.withheld.2': Z7,
      'result.withheld.3': Z7,
      'result.withheld.4': Z7,
      'result.withheld.5': Z7,
      'result.withheld.6': Z7,
      'result.withheld.7': Z7,
      'result.withheld.8': Z7,
      'result.unavailable.1': Z7,
      'result.unavailable.2': Z7,
      'result.unavailable.3': Z7,
      'result.unprocessed.1': Z7,
      'result.unprocessed.2': Z7,
      'result.unprocessed.3': Z7,
      'result.unprocessed.4': Z7,
      'result.unprocessed.5': Z7,
      'result.other': Z7,
      'result.total': Z7,
      carried_forward: Z7,
    }),
    ...appeals(Z15),
  },
  blanks: [],
  extraRows: [
    {
      table: 'active',
      item: '20_1',
      // full printed label: 其他主动公开文件(含以本单位或本单位办公室名义正式签发的、除规范性文件以外的
      // 主动公开文件,可参考本单位政府信息公开平台“其他主动公开文件”栏目数据)
      // columns as item (一): 本年新制作数量, 本年新公开数量, 对外公开总数量
      label: '其他主动公开文件',
      values: [0, 0, 0],
    },
  ],
  narrative: {
    newApplications: 0,
    handled: 0,
    quotes: {
      newApplications: '2020年共收到政府信息公开申请0件;共处理政府信息公开申请0件。',
      handled: '2020年共收到政府信息公开申请0件;共处理政府信息公开申请0件。',
    },
  },
};

// ---------------------------------------------------------------------------
// Seed 001 — 乌兰察布市人民政府办公室 (Inner Mongolia), report on 2020, format 2019.
// Form: one cell per line ending in ` |`; lines of only pipes are padding and/or empty cells.
// Rows of table 三 are padded to 10 slots (the cells present in the row + trailing pipes);
// the last row of each table is not padded.
// No date anywhere in the dump: published = null.
// ---------------------------------------------------------------------------

const seed001: SeedExpectation = {
  file: '001_40372296bbc69180.txt',
  year: 2020,
  format: '2019',
  // section 一 names it "乌兰察布市人民政府办公室"; the preamble says "2020年乌兰察布市政府办公室
  // 信息公开工作年度报告" and "乌兰察布市政府办"
  agency: '乌兰察布市人民政府办公室',
  agencyVariants: ['乌兰察布市政府办公室', '乌兰察布市政府办', '市政府办'],
  published: null,
  cells: {
    ...active('2019', {
      '20_1.rules': ['0', '0', '0'],
      '20_1.normative': ['9', '9', '9'],
      '20_5.licensing': ['0', '0', '0'],
      '20_5.other_services': ['0', '0', '0'],
      '20_6.penalty': ['0', '0', '0'],
      '20_6.coercion': ['0', '0', '0'],
      // `行政事业性收费 |` `0 |` `0 |` `|` — the trailing `|` is the 4-slot grid's padding
      '20_8.fees': ['0', '0'],
      '20_9.procurement': ['0', '0'],
    }),
    ...applications({
      new: ['6', '0', '0', '0', '0', '0', '6'],
      carried_over: Z7,
      'result.disclosed': Z7,
      'result.partial': Z7,
      'result.withheld.1': Z7,
      'result.withheld.2': Z7,
      'result.withheld.3': Z7,
      'result.withheld.4': Z7,
      'result.withheld.5': Z7,
      'result.withheld.6': Z7,
      'result.withheld.7': Z7,
      'result.withheld.8': Z7,
      'result.unavailable.1': ['6', '0', '0', '0', '0', '0', '6'],
      'result.unavailable.2': Z7,
      'result.unavailable.3': Z7,
      'result.unprocessed.1': Z7,
      // BLANK: dump lines 242–249 read `2.重复申请 |`, six lines `0 |`, then `|||`.
      // Every other one-label row in this table is label + 7 values + `||` (= 10 slots);
      // this one is label + 6 values + `|||`, i.e. one value slot fewer and one pipe more.
      // No empty `|` line sits between the label and the first 0, so the six 0s fill
      // natural_person … other_org from the left and the missing value is the rightmost
      // column, 总计. (Its terms are all 0, so the relations imply 0.)
      'result.unprocessed.2': ['0', '0', '0', '0', '0', '0', ''],
      'result.unprocessed.3': Z7,
      'result.unprocessed.4': Z7,
      'result.unprocessed.5': Z7,
      'result.other': Z7,
      'result.total': ['6', '0', '0', '0', '0', '0', '6'],
      carried_forward: Z7,
    }),
    ...appeals(Z15),
  },
  blanks: ['applications/result.unprocessed.2/total'],
  narrative: {
    newApplications: 6,
    // "没有因…被申请行政复议、提起行政诉讼情况" — stated in words: none of either.
    reviews: 0,
    suits: 0,
    // Not counted (not about disclosure applications): 12345 热线 有效来电53855件 / 转办35560件,
    // 市长信箱 323件. "已全部给予回复" is not one of the spec's 均已办结/全部办结 phrases;
    // carried_forward/total is 0 anyway.
    quotes: {
      newApplications: '2020年市政府办收到依申请公开政府信息6件,已全部给予回复。',
      reviews: '没有因政府信息公开工作被申请行政复议、提起行政诉讼情况。',
      suits: '没有因政府信息公开工作被申请行政复议、提起行政诉讼情况。',
    },
  },
};

// ---------------------------------------------------------------------------
// Seed 002 — 慈化镇 (袁州区, 宜春, Jiangxi), report on 2023, format 2021.
// Same one-cell-per-line form as 001, table 三 padded to 10 slots.
// No date anywhere in the dump: published = null.
// ---------------------------------------------------------------------------

const seed002: SeedExpectation = {
  file: '002_4ae1aa7670344e20.txt',
  year: 2023,
  format: '2021',
  // the text calls itself 慈化镇 / 我镇 throughout; "慈化镇人民政府" occurs only inside the
  // title of a regulation (《慈化镇人民政府信息公开制度》)
  agency: '慈化镇',
  agencyVariants: ['慈化镇人民政府'],
  published: null,
  cells: {
    ...active('2021', {
      '20_1.rules': ['0', '0', '0'],
      '20_1.normative': ['0', '0', '0'],
      '20_5.licensing': ['0'],
      '20_6.penalty': ['0'],
      '20_6.coercion': ['0'],
      // header says 本年收费金额(单位:万元); the cell itself prints a bare 0, so no unit
      '20_8.fees': ['0'],
    }),
    ...applications({
      new: Z7,
      carried_over: Z7,
      'result.disclosed': Z7,
      'result.partial': Z7,
      'result.withheld.1': Z7,
      'result.withheld.2': Z7,
      'result.withheld.3': Z7,
      'result.withheld.4': Z7,
      'result.withheld.5': Z7,
      'result.withheld.6': Z7,
      'result.withheld.7': Z7,
      'result.withheld.8': Z7,
      'result.unavailable.1': Z7,
      'result.unavailable.2': Z7,
      // BLANK: dump lines 190–198 read `3.补正后申请内容仍不明确 |`, then a line holding only
      // `|`, then six `0 |`, then `||`. Slots: label + empty + 6 values + 2 padding = 10, the
      // same width as the neighbouring rows (label + 7 values + `||`). The empty cell comes
      // right after the label, before the first 0, so it is the first value column, 自然人.
      'result.unavailable.3': ['', '0', '0', '0', '0', '0', '0'],
      'result.unprocessed.1': Z7,
      // BLANK: dump lines 209–217 read `2.重复申请 |`, `|`, six `0 |`, `||` — exactly the same
      // shape as result.unavailable.3 above: the empty cell is the first value column, 自然人.
      'result.unprocessed.2': ['', '0', '0', '0', '0', '0', '0'],
      'result.unprocessed.3': Z7,
      'result.unprocessed.4': Z7,
      'result.unprocessed.5': Z7,
      'result.other.1': Z7,
      'result.other.2': Z7,
      'result.other.3': Z7,
      'result.total': Z7,
      carried_forward: Z7,
    }),
    // header labels are truncated in the dump (结果 / 其他 / 尚未), the 15 values are all 0
    ...appeals(Z15),
  },
  blanks: [
    'applications/result.unavailable.3/natural_person',
    'applications/result.unprocessed.2/natural_person',
  ],
  narrative: {
    // no statement about numbers of applications, 复议 or 诉讼 (the "80条" are 主动公开 items)
    feeStatement: '2023年度,本机关无收取信息处理费情况。',
  },
};

// ---------------------------------------------------------------------------
// Seed 003 — 咸丰路街道办事处, report on 2019, format 2019.
// Form: Word text, one tab-indented cell per line, rows separated by blank lines; a line
// holding only a tab is an empty (spanned) label slot. Full-width punctuation (，（）：；)
// is normalised to half-width in `raw`/quotes per NFKC.
// Signed at the end: "咸丰路街道办事处 / 2020年1月13日".
// ---------------------------------------------------------------------------

const seed003: SeedExpectation = {
  file: '003_619ff23674f91ae2.txt',
  year: 2019,
  format: '2019',
  // title "2019年度咸丰路街道办事处信息公开工作年度报告" and the signature
  agency: '咸丰路街道办事处',
  published: '2020-01-13',
  cells: {
    ...active('2019', {
      '20_1.rules': ['0', '0', '0'],
      '20_1.normative': ['0', '0', '0'],
      '20_5.licensing': ['0', '0', '0'],
      '20_5.other_services': ['0', '0', '0'],
      '20_6.penalty': ['0', '0', '0'],
      '20_6.coercion': ['0', '0', '0'],
      '20_8.fees': ['0', '0'],
      // label printed as 政府集中釆购 — 釆 (U+91C6) is a typo for 采 (U+91C7): a label variant,
      // still row 20_9.procurement.
      '20_9.procurement': ['19', u('42.21万元', 42.21, '万元')],
    }),
    ...applications({
      // dump lines 105–113: `0`, an EMPTY line (no tab — not a cell, a stray paragraph break
      // inside the first cell), then six `0`: seven tab-lines = seven values, no blank.
      new: Z7,
      carried_over: Z7,
      'result.disclosed': Z7,
      'result.partial': Z7,
      'result.withheld.1': Z7,
      'result.withheld.2': Z7,
      'result.withheld.3': Z7,
      'result.withheld.4': Z7,
      'result.withheld.5': Z7,
      'result.withheld.6': Z7,
      'result.withheld.7': Z7,
      'result.withheld.8': Z7,
      'result.unavailable.1': Z7,
      'result.unavailable.2': Z7,
      'result.unavailable.3': Z7,
      'result.unprocessed.1': Z7,
      'result.unprocessed.2': Z7,
      'result.unprocessed.3': Z7,
      'result.unprocessed.4': Z7,
      'result.unprocessed.5': Z7,
      'result.other': Z7,
      'result.total': Z7,
      carried_forward: Z7,
    }),
    ...appeals(Z15),
  },
  blanks: [],
  narrative: {
    newApplications: 0,
    // "未发生有关政府信息公开方面的行政复议、行政诉讼和申诉" — stated in words: none.
    reviews: 0,
    suits: 0,
    quotes: {
      newApplications: '2019年,我办共收到政府信息公开申请0件。',
      reviews: '2019年未发生有关政府信息公开方面的行政复议、行政诉讼和申诉。',
      suits: '2019年未发生有关政府信息公开方面的行政复议、行政诉讼和申诉。',
    },
  },
};

// ---------------------------------------------------------------------------
// Seed 004 — 重庆市巫山县规划和自然资源局, report on 2020, format 2019.
// Form: web page text, one cell per paragraph, paragraphs separated by blank lines.
// Page date line "日期:2021-01-31" (the deadline day itself for a department: on time).
// ---------------------------------------------------------------------------

const seed004: SeedExpectation = {
  file: '004_372b23988a900872.txt',
  year: 2020,
  format: '2019',
  // title "重庆市巫山县规划和自然资源局2020年政府信息公开工作年度报告"; the text also says 县规资局
  agency: '重庆市巫山县规划和自然资源局',
  agencyVariants: ['县规资局'],
  published: '2021-01-31',
  cells: {
    ...active('2019', {
      '20_1.rules': ['0', '0', '0'],
      '20_1.normative': ['0', '0', '0'],
      '20_5.licensing': ['32', '-2', '589'],
      // printed with an explicit plus sign
      '20_5.other_services': ['78', '+14', '191'],
      '20_6.penalty': ['99', '-1', '20'],
      '20_6.coercion': ['0', '0', '0'],
      '20_8.fees': ['4', '0'],
      // `1691.4万` — unit 万 (no 元)
      '20_9.procurement': ['47', u('1691.4万', 1691.4, '万')],
    }),
    ...applications({
      new: ['2', '0', '0', '0', '0', '0', '2'],
      carried_over: Z7,
      'result.disclosed': ['2', '0', '0', '0', '0', '0', '2'],
      'result.partial': Z7,
      'result.withheld.1': Z7,
      'result.withheld.2': Z7,
      'result.withheld.3': Z7,
      'result.withheld.4': Z7,
      'result.withheld.5': Z7,
      'result.withheld.6': Z7,
      'result.withheld.7': Z7,
      'result.withheld.8': Z7,
      'result.unavailable.1': Z7,
      'result.unavailable.2': Z7,
      'result.unavailable.3': Z7,
      'result.unprocessed.1': Z7,
      'result.unprocessed.2': Z7,
      'result.unprocessed.3': Z7,
      'result.unprocessed.4': Z7,
      'result.unprocessed.5': Z7,
      'result.other': Z7,
      'result.total': ['2', '0', '0', '0', '0', '0', '2'],
      carried_forward: Z7,
    }),
    ...appeals(Z15),
  },
  blanks: [],
  narrative: {
    newApplications: 2,
    handled: 2,
    // Not counted: 主动公开 figures (711条, 行政许可589条, 行政处罚14 条 …).
    quotes: {
      newApplications: '我局全年依申请公开2件,已办结2件。',
      handled: '我局全年依申请公开2件,已办结2件。',
    },
  },
};

export const SEEDS: SeedExpectation[] = [seed000, seed001, seed002, seed003, seed004];

export const SEEDS_BY_FILE: Record<string, SeedExpectation> = Object.fromEntries(
  SEEDS.map((s) => [s.file, s]),
);
