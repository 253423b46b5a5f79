/**
 * A cell's printed text → its value. Full-width digits are already half-width (extraction). Reads
 * thousands separators, signs (+14, -2, －2, −2), units (个 件 条 项 元 万元 万, and 次 起 宗 家),
 * and the blanks real pages print for zero or nothing (empty, —, /, 无).
 */
export type CellValue =
  | { kind: 'number'; value: number; unit?: string; decimals: number }
  | { kind: 'blank' }
  | { kind: 'text' };

import { unitPattern } from '../model/units';

const UNITS = unitPattern();

/** What pages print for nothing: dashes, slashes, 无, and "not applicable" wordings (不涉及, 未制定…). */
const BLANK = /^(?:[-—–―~～/\\_－−﹣─━]+|无|空|暂无|没有|不涉及|不适用|无此项|未制定|未发生|nil|null|n\/a)$/i;
const FOOTNOTE = new RegExp(`(?<=\\d(?:${UNITS})?)(?:[*※＊]+|\\(注\\d*\\)|注\\d*)$`);
/** Units in brackets after the number: 6(件). */
const UNIT_IN_BRACKETS = new RegExp(`^(.+?)\\((${UNITS})\\)$`);
/** 本年增/减 written in words: 增加3, 减少2, 减1. */
const CHANGE_WORDS = /^(增加|新增|增|减少|减)(?=\d)/;
const NUMBER = new RegExp(
  `^([+\\-−﹣])?((?:\\d{1,3}(?:,\\d{3})+)|\\d+)(?:\\.(\\d+))?(${UNITS})?$`,
);

export function parseCellValue(text: string): CellValue {
  let t = text.replace(/\s+/g, '');
  if (t === '' || BLANK.test(t)) return { kind: 'blank' };
  const word = CHANGE_WORDS.exec(t)?.[1];
  if (word) t = `${word.startsWith('减') ? '-' : '+'}${t.slice(word.length)}`;
  // A footnote mark after the number (29*, 29(注1), 29注) is not part of it, nor a stray full stop (20.).
  t = t.replace(FOOTNOTE, '').replace(/(?<=\d)[.。]$/, '');
  // An accountant's negative: (1) in 本年增/减.
  const bracketed = /^\((\d[\d,.]*)\)$/.exec(t);
  if (bracketed) t = `-${bracketed[1]}`;
  // Units in brackets after the number: 6(件)
  const m = NUMBER.exec(t.replace(UNIT_IN_BRACKETS, '$1$2'));
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
