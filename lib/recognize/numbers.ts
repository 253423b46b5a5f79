/**
 * A cell's printed text → its value. Full-width digits are already half-width (extraction). Reads
 * thousands separators, signs (+14, -2, －2, −2), units (个 件 条 项 元 万元 万, and 次 起 宗 家),
 * and the blanks real pages print for zero or nothing (empty, —, /, 无).
 */
export type CellValue =
  | { kind: 'number'; value: number; unit?: string; decimals: number }
  | { kind: 'blank' }
  | { kind: 'text' };

export const KEPT_UNITS = ['万元', '元', '万', '个', '件', '条', '项', '次', '起', '宗', '家'] as const;

const BLANK = /^(?:[-—–―~～/\\_－−﹣]+|无|空|暂无|nil|null|n\/a)$/i;
const NUMBER = new RegExp(
  `^([+\\-−﹣])?((?:\\d{1,3}(?:,\\d{3})+)|\\d+)(?:\\.(\\d+))?(${KEPT_UNITS.join('|')})?$`,
);

export function parseCellValue(text: string): CellValue {
  const t = text.replace(/\s+/g, '');
  if (t === '' || BLANK.test(t)) return { kind: 'blank' };
  // Units in brackets after the number: 6(件)
  const m = NUMBER.exec(t.replace(/^(.+?)\((个|件|条|项|元|万元|万)\)$/, '$1$2'));
  if (!m) return { kind: 'text' };
  const [, sign, int = '', frac, unit] = m;
  const magnitude = Number(`${int.replace(/,/g, '')}${frac ? `.${frac}` : ''}`);
  const value = sign && sign !== '+' ? -magnitude : magnitude;
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, decimals: frac?.length ?? 0, ...(unit ? { unit } : {}) };
}

/** True for a token the row builder treats as a value (a number or a blank), not as a label. */
export function isValueLike(text: string): boolean {
  return parseCellValue(text).kind !== 'text';
}
