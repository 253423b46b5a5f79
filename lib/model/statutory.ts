/**
 * The statutory structure of a 政府信息公开工作年度报告 as data: formats, sections, tables, rows and
 * columns with their canonical ids and printed labels. The recogniser, the rules, the exports and the
 * UI all read this one file (contract: shared/spec/statutory-structure.md).
 */

export const FORMAT_IDS = ['2019', '2021'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export const TABLE_IDS = ['active', 'applications', 'appeals'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const SECTION_IDS = ['overview', 'active', 'applications', 'appeals', 'problems', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

export interface SectionDef {
  id: SectionId;
  numeral: string;
  heading: Bilingual;
  /** Words one of which a printed heading of this section contains (headings vary a little). */
  keywords: string[];
  isTable: boolean;
}

export const SECTIONS: readonly SectionDef[] = [
  { id: 'overview', numeral: '一', heading: { zh: '一、总体情况', en: '1. Overview' }, keywords: ['总体情况', '总体'], isTable: false },
  { id: 'active', numeral: '二', heading: { zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure' }, keywords: ['主动公开'], isTable: true },
  { id: 'applications', numeral: '三', heading: { zh: '三、收到和处理政府信息公开申请情况', en: '3. Applications received and handled' }, keywords: ['申请'], isTable: true },
  { id: 'appeals', numeral: '四', heading: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: '4. Administrative reviews and lawsuits' }, keywords: ['复议', '诉讼'], isTable: true },
  { id: 'problems', numeral: '五', heading: { zh: '五、存在的主要问题及改进情况', en: '5. Main problems and improvements' }, keywords: ['问题', '改进'], isTable: false },
  { id: 'other', numeral: '六', heading: { zh: '六、其他需要报告的事项', en: '6. Other matters' }, keywords: ['其他', '需要报告', '需报告'], isTable: false },
];

export const TABLE_NAMES: Record<TableId, Bilingual> = {
  active: { zh: '表二', en: 'Table 2' },
  applications: { zh: '表三', en: 'Table 3' },
  appeals: { zh: '表四', en: 'Table 4' },
};

export interface ColumnDef {
  id: string;
  label: Bilingual;
  /** The header printed above this column and its siblings (法人或其他组织 above 商业企业 … 其他). */
  parent?: Bilingual;
  /** The unit the format prescribes for this column, if any. */
  unit?: string;
  /** Other headers agencies print over this column (合计 for 总计). */
  aliases?: readonly string[];
}

export interface RowDef {
  id: string;
  /** The printed label of the row itself (without its group label). */
  label: Bilingual;
  /** The group label printed before the row (三、本年度办理结果 › (三)不予公开). */
  group?: string;
  /**
   * Other wordings agencies print for this row, read as this row (a label-variant): a long label cut short
   * (1.申请人无正当理由逾期不补正), 合计 for 总计, the numbering dropped (总计 for (七)总计).
   */
  aliases?: readonly string[];
  /** A label too generic to match outside its group (3.其他 under (六)其他处理). */
  requiresGroup?: boolean;
  columns: readonly ColumnDef[];
  /** Change columns may be negative (本年增/减). */
  signed?: readonly string[];
}

export interface ItemDef {
  /** 20_1 … 20_9: 第二十条第(X)项 */
  id: string;
  numeral: string;
  rows: readonly RowDef[];
}

const col = (id: string, zh: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  id,
  label: { zh, en },
  ...extra,
});

// ---- Table 二 (active) -------------------------------------------------------------------------

const COLS_2019_DOCS = [
  col('made', '本年新制作数量', 'made this year'),
  col('published', '本年新公开数量', 'published this year'),
  col('total', '对外公开总数量', 'total published'),
];
const COLS_2019_ITEMS = [
  col('previous', '上一年项目数量', 'items last year'),
  col('change', '本年增/减', 'change this year'),
  col('decisions', '处理决定数量', 'decisions'),
];
const COLS_2019_FEES = [col('previous', '上一年项目数量', 'items last year'), col('change', '本年增/减', 'change this year')];
const COLS_2019_PROCUREMENT = [col('count', '采购项目数量', 'procurement projects'), col('amount', '采购总金额', 'procurement amount')];

const COLS_2021_DOCS = [
  col('issued', '本年制发件数', 'issued this year'),
  col('repealed', '本年废止件数', 'repealed this year'),
  col('in_force', '现行有效件数', 'in force'),
];
const COLS_2021_DECISIONS = [col('decisions', '本年处理决定数量', 'decisions this year')];
const COLS_2021_FEES = [col('amount', '本年收费金额（单位：万元）', 'fees collected (10k yuan)', { unit: '万元' })];

export const ACTIVE_ITEMS: Record<FormatId, readonly ItemDef[]> = {
  '2019': [
    {
      id: '20_1',
      numeral: '一',
      rows: [
        { id: '20_1.rules', label: { zh: '规章', en: 'rules' }, columns: COLS_2019_DOCS },
        { id: '20_1.normative', label: { zh: '规范性文件', en: 'normative documents' }, columns: COLS_2019_DOCS },
      ],
    },
    {
      id: '20_5',
      numeral: '五',
      rows: [
        { id: '20_5.licensing', label: { zh: '行政许可', en: 'licensing' }, columns: COLS_2019_ITEMS, signed: ['change'] },
        { id: '20_5.other_services', label: { zh: '其他对外管理服务事项', en: 'other services' }, columns: COLS_2019_ITEMS, signed: ['change'] },
      ],
    },
    {
      id: '20_6',
      numeral: '六',
      rows: [
        { id: '20_6.penalty', label: { zh: '行政处罚', en: 'penalties' }, columns: COLS_2019_ITEMS, signed: ['change'] },
        { id: '20_6.coercion', label: { zh: '行政强制', en: 'coercive measures' }, columns: COLS_2019_ITEMS, signed: ['change'] },
      ],
    },
    {
      id: '20_8',
      numeral: '八',
      rows: [{ id: '20_8.fees', label: { zh: '行政事业性收费', en: 'administrative fees' }, columns: COLS_2019_FEES, signed: ['change'] }],
    },
    {
      id: '20_9',
      numeral: '九',
      rows: [{ id: '20_9.procurement', label: { zh: '政府集中采购', en: 'government procurement' }, columns: COLS_2019_PROCUREMENT }],
    },
  ],
  '2021': [
    {
      id: '20_1',
      numeral: '一',
      rows: [
        { id: '20_1.rules', label: { zh: '规章', en: 'rules' }, columns: COLS_2021_DOCS },
        { id: '20_1.normative', label: { zh: '行政规范性文件', en: 'normative documents' }, columns: COLS_2021_DOCS },
      ],
    },
    { id: '20_5', numeral: '五', rows: [{ id: '20_5.licensing', label: { zh: '行政许可', en: 'licensing' }, columns: COLS_2021_DECISIONS }] },
    {
      id: '20_6',
      numeral: '六',
      rows: [
        { id: '20_6.penalty', label: { zh: '行政处罚', en: 'penalties' }, columns: COLS_2021_DECISIONS },
        { id: '20_6.coercion', label: { zh: '行政强制', en: 'coercive measures' }, columns: COLS_2021_DECISIONS },
      ],
    },
    { id: '20_8', numeral: '八', rows: [{ id: '20_8.fees', label: { zh: '行政事业性收费', en: 'administrative fees' }, columns: COLS_2021_FEES }] },
  ],
};

/** Column headers printed in table 二, by format: the strongest evidence of which format a page uses. */
export const ACTIVE_HEADER_EVIDENCE: Record<FormatId, readonly string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '采购项目数量', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};

// ---- Table 三 (applications) ------------------------------------------------------------------

const LEGAL_PERSON: Bilingual = { zh: '法人或其他组织', en: 'legal persons or other organisations' };
export const APPLICATION_COLUMNS: readonly ColumnDef[] = [
  col('natural_person', '自然人', 'natural persons'),
  col('commercial', '商业企业', 'businesses', { parent: LEGAL_PERSON }),
  col('research', '科研机构', 'research institutions', { parent: LEGAL_PERSON }),
  col('social_welfare', '社会公益组织', 'public-interest organisations', { parent: LEGAL_PERSON }),
  col('legal_service', '法律服务机构', 'legal service providers', { parent: LEGAL_PERSON }),
  col('other_org', '其他', 'other organisations', { parent: LEGAL_PERSON }),
  col('total', '总计', 'total', { aliases: ['合计'] }),
];
export const APPLICANT_COLUMN_IDS = APPLICATION_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);

const appRow = (id: string, zh: string, en: string, extra: Partial<RowDef> = {}): RowDef => ({
  id,
  label: { zh, en },
  columns: APPLICATION_COLUMNS,
  ...extra,
});

const G_RESULT = '三、本年度办理结果';
/** The group of every 办理结果 row; its name is not repeated before the rows' own labels. */
export const RESULT_GROUP = G_RESULT;
const G_WITHHELD = '(三)不予公开';
const G_UNAVAILABLE = '(四)无法提供';
const G_UNPROCESSED = '(五)不予处理';
const G_OTHER = '(六)其他处理';

const APPLICATION_ROWS_COMMON_HEAD: RowDef[] = [
  appRow('new', '一、本年新收政府信息公开申请数量', 'new applications this year'),
  appRow('carried_over', '二、上年结转政府信息公开申请数量', 'carried over from last year'),
  appRow('result.disclosed', '(一)予以公开', 'disclosed', { group: G_RESULT }),
  appRow('result.partial', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', 'partly disclosed', { group: G_RESULT }),
  appRow('result.withheld.1', '1.属于国家秘密', 'withheld: state secret', { group: G_WITHHELD }),
  appRow('result.withheld.2', '2.其他法律行政法规禁止公开', 'withheld: prohibited by other laws', { group: G_WITHHELD }),
  appRow('result.withheld.3', '3.危及“三安全一稳定”', 'withheld: endangers security or stability', { group: G_WITHHELD }),
  appRow('result.withheld.4', '4.保护第三方合法权益', 'withheld: third-party rights', { group: G_WITHHELD }),
  appRow('result.withheld.5', '5.属于三类内部事务信息', 'withheld: internal affairs', { group: G_WITHHELD }),
  appRow('result.withheld.6', '6.属于四类过程性信息', 'withheld: process information', { group: G_WITHHELD }),
  appRow('result.withheld.7', '7.属于行政执法案卷', 'withheld: enforcement files', { group: G_WITHHELD }),
  appRow('result.withheld.8', '8.属于行政查询事项', 'withheld: administrative enquiry', { group: G_WITHHELD }),
  appRow('result.unavailable.1', '1.本机关不掌握相关政府信息', 'unavailable: not held', { group: G_UNAVAILABLE }),
  appRow('result.unavailable.2', '2.没有现成信息需要另行制作', 'unavailable: would need to be created', { group: G_UNAVAILABLE }),
  appRow('result.unavailable.3', '3.补正后申请内容仍不明确', 'unavailable: still unclear after correction', { group: G_UNAVAILABLE }),
  appRow('result.unprocessed.1', '1.信访举报投诉类申请', 'not processed: petitions and complaints', { group: G_UNPROCESSED }),
  appRow('result.unprocessed.2', '2.重复申请', 'not processed: repeated', { group: G_UNPROCESSED }),
  appRow('result.unprocessed.3', '3.要求提供公开出版物', 'not processed: published material', { group: G_UNPROCESSED }),
  appRow('result.unprocessed.4', '4.无正当理由大量反复申请', 'not processed: mass repeated without reason', { group: G_UNPROCESSED }),
  appRow('result.unprocessed.5', '5.要求行政机关确认或重新出具已获取信息', 'not processed: confirm or reissue obtained information', { group: G_UNPROCESSED }),
];
const APPLICATION_ROWS_COMMON_TAIL: RowDef[] = [
  appRow('result.total', '(七)总计', 'total handled', { group: G_RESULT, aliases: ['(七)合计', '总计', '合计'] }),
  appRow('carried_forward', '四、结转下年度继续办理', 'carried forward to next year'),
];

export const APPLICATION_ROWS: Record<FormatId, readonly RowDef[]> = {
  '2019': [
    ...APPLICATION_ROWS_COMMON_HEAD,
    appRow('result.other', '(六)其他处理', 'other handling', { group: G_RESULT }),
    ...APPLICATION_ROWS_COMMON_TAIL,
  ],
  '2021': [
    ...APPLICATION_ROWS_COMMON_HEAD,
    appRow('result.other.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other: applicant did not correct in time', { group: G_OTHER, aliases: ['1.申请人无正当理由逾期不补正', '1.申请人逾期不补正'] }),
    appRow('result.other.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other: applicant did not pay the fee', { group: G_OTHER, aliases: ['2.申请人逾期未按收费通知要求缴纳费用', '2.申请人逾期未缴纳费用'] }),
    appRow('result.other.3', '3.其他', 'other: other', { group: G_OTHER, requiresGroup: true }),
    ...APPLICATION_ROWS_COMMON_TAIL,
  ],
};

/**
 * A row of one format printed in a table of the other in place of its rows: partly updated templates print
 * (六)其他处理 as one row in a 2021 table. Read as itself, the sums use it in place of the rows it stands for,
 * and those rows are missing as a warning (spec: result.other).
 */
export interface StandIn {
  row: RowDef;
  for: readonly string[];
}
export const STAND_IN_ROWS: Record<FormatId, readonly StandIn[]> = {
  '2019': [],
  '2021': [{ row: APPLICATION_ROWS['2019'].find((r) => r.id === 'result.other')!, for: ['result.other.1', 'result.other.2', 'result.other.3'] }],
};

/** Table 三's rows as a page prints them: a stand-in in place of its rows when it is printed and they are not. */
export function applicationRowsPrinted(format: FormatId, printed: (rowId: string) => boolean): { rows: readonly RowDef[]; standIns: readonly StandIn[] } {
  const used = STAND_IN_ROWS[format].filter((s) => printed(s.row.id) && !s.for.some(printed));
  if (used.length === 0) return { rows: APPLICATION_ROWS[format], standIns: [] };
  const rows: RowDef[] = [];
  for (const r of APPLICATION_ROWS[format]) {
    const standIn = used.find((s) => s.for.includes(r.id));
    if (!standIn) rows.push(r);
    else if (!rows.includes(standIn.row)) rows.push(standIn.row);
  }
  return { rows, standIns: used };
}

/** Group labels printed in the first columns of table 三: they set the context for the rows below. */
export const APPLICATION_GROUPS = [G_RESULT, G_WITHHELD, G_UNAVAILABLE, G_UNPROCESSED, G_OTHER] as const;
export const APPLICATION_GROUP_NAMES: Record<string, Bilingual> = {
  [G_RESULT]: { zh: G_RESULT, en: 'results' },
  [G_WITHHELD]: { zh: '(三)不予公开', en: 'withheld' },
  [G_UNAVAILABLE]: { zh: '(四)无法提供', en: 'unavailable' },
  [G_UNPROCESSED]: { zh: '(五)不予处理', en: 'not processed' },
  [G_OTHER]: { zh: '(六)其他处理', en: 'other handling' },
};
/** Header words printed above table 三's columns. */
export const APPLICATION_HEADER_WORDS = ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '总计'];

// ---- Table 四 (appeals) -----------------------------------------------------------------------

export const APPEAL_GROUPS = [
  { id: 'review', label: { zh: '行政复议', en: 'administrative review' } },
  { id: 'suit_direct', label: { zh: '行政诉讼·未经复议直接起诉', en: 'lawsuit filed directly' } },
  { id: 'suit_after_review', label: { zh: '行政诉讼·复议后起诉', en: 'lawsuit after review' } },
] as const;
export const APPEAL_OUTCOMES = [
  { id: 'upheld', label: { zh: '结果维持', en: 'upheld' } },
  { id: 'corrected', label: { zh: '结果纠正', en: 'corrected' } },
  { id: 'other', label: { zh: '其他结果', en: 'other outcome' } },
  { id: 'pending', label: { zh: '尚未审结', en: 'pending' } },
  { id: 'total', label: { zh: '总计', en: 'total' } },
] as const;
export const APPEAL_COLUMNS: readonly ColumnDef[] = APPEAL_GROUPS.flatMap((g) =>
  APPEAL_OUTCOMES.map((o) => col(`${g.id}.${o.id}`, `${g.label.zh}·${o.label.zh}`, `${g.label.en} · ${o.label.en}`)),
);
export const APPEAL_ROW: RowDef = { id: 'counts', label: { zh: '', en: '' }, columns: APPEAL_COLUMNS };
/** Header words printed above table 四's data row. */
export const APPEAL_HEADER_WORDS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'];

// ---- Printed labels ----------------------------------------------------------------------------

/**
 * How agencies number the labels they print, each dropped before a label is compared: 一、 (一) 1. 1、 (1)
 * ① — up to three in front of one label (三、(一)1.). Labels arrive NFKC-normalised: （1） is (1), ① is 1.
 */
export const LABEL_NUMBERING: readonly string[] = [
  '[一二三四五六七八九十]+[、.,:]',
  '\\([一二三四五六七八九十\\d]+\\)',
  '\\d+[.、,:)]',
  '[①-⑳]',
  // ① after NFKC is a bare 1 before the label's first character.
  '\\d{1,2}(?=[\\u4e00-\\u9fff])',
];

// ---- Look-ups ---------------------------------------------------------------------------------

export interface CellDef {
  id: string;
  table: TableId;
  row: RowDef;
  column: ColumnDef;
  item?: ItemDef;
}

export const cellId = (table: TableId, row: string, column: string): string => `${table}/${row}/${column}`;

/**
 * The id of a statutory cell that code names directly (a rule about 上年结转, say): checked against the model
 * when the module loads, so a retyped or misspelt row or column fails at once instead of never matching.
 */
export function statutoryCellId(table: TableId, row: string, column: string): string {
  const id = cellId(table, row, column);
  if (!FORMAT_IDS.some((f) => statutoryCells(table, f).some((c) => c.id === id))) throw new Error(`not a statutory cell: ${id}`);
  return id;
}

/** Rows of table 二 in a format that print all these columns (规章 and 规范性文件 print 现行有效件数). */
export function activeRowsWith(format: FormatId, columnIds: readonly string[]): readonly RowDef[] {
  return ACTIVE_ITEMS[format].flatMap((i) => i.rows).filter((r) => columnIds.every((id) => r.columns.some((c) => c.id === id)));
}

/** The first report year of the 2021 format (国办公开办函〔2021〕30号); 2019 to 2020 use the 2019 format. */
export const FIRST_YEAR: Record<FormatId, number> = { '2019': 2019, '2021': 2021 };

/** The format a report of this year must use; null for an unknown year or one before 2019 (not modelled). */
export function formatForYear(year: number | null): FormatId | null {
  if (year === null || year < FIRST_YEAR['2019']) return null;
  return year >= FIRST_YEAR['2021'] ? '2021' : '2019';
}

export function splitCellId(id: string): { table: TableId; row: string; column: string } {
  const [table, row = '', column = ''] = id.split('/');
  return { table: table as TableId, row, column };
}

/** Every statutory cell of a table in a format, in printed order. */
export function statutoryCells(table: TableId, format: FormatId): CellDef[] {
  if (table === 'active') {
    return ACTIVE_ITEMS[format].flatMap((item) =>
      item.rows.flatMap((row) => row.columns.map((c) => ({ id: cellId(table, row.id, c.id), table, row, column: c, item }))),
    );
  }
  const rows = table === 'applications' ? APPLICATION_ROWS[format] : [APPEAL_ROW];
  return rows.flatMap((row) => row.columns.map((c) => ({ id: cellId(table, row.id, c.id), table, row, column: c })));
}

export function statutoryRows(table: TableId, format: FormatId): readonly RowDef[] {
  if (table === 'active') return ACTIVE_ITEMS[format].flatMap((i) => i.rows);
  return table === 'applications' ? APPLICATION_ROWS[format] : [APPEAL_ROW];
}

/** Printed label of a row including its group, as a reviewer reads it: （三）不予公开 1.属于国家秘密 */
export function rowDisplayLabel(row: RowDef, lang: 'zh' | 'en'): string {
  if (lang === 'en') return row.label.en;
  if (!row.group || row.group === G_RESULT) return row.label.zh;
  return `${row.group} ${row.label.zh}`;
}
