/**
 * A cell's printed text → its value (lib/recognize/numbers.ts), after the text normalisation extraction
 * applies (lib/extract/normalize-text.ts: full width → half width, every white space run → one space).
 * Numbers as printed on agency pages: thousands separators, signs, decimals, units, units in brackets,
 * and the blanks pages print for zero or nothing.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLine, normalizeText } from '../../lib/extract/normalize-text';
import { isValueLike, parseCellValue } from '../../lib/recognize/numbers';

/** As a cell's text reaches the parser. */
const read = (printed: string) => parseCellValue(normalizeText(printed));

describe('numbers', () => {
  it.each([
    ['0', 0, 0],
    ['6', 6, 0],
    ['1,234', 1234, 0],
    ['1,234,567', 1234567, 0],
    ['1,234.5', 1234.5, 1],
    ['42.21', 42.21, 2],
    ['0.5', 0.5, 1],
    ['+14', 14, 0],
    ['-2', -2, 0],
    ['−2', -2, 0],
    ['﹣2', -2, 0],
    ['-0', 0, 0],
  ])('%j → %d (%d decimals)', (text, value, decimals) => {
    const v = parseCellValue(text);
    expect(v).toEqual({ kind: 'number', value, decimals });
    expect(Object.is(v.kind === 'number' && v.value, -0)).toBe(false);
  });

  it.each([
    ['75394432.52元', 75394432.52, '元'],
    ['42.21万元', 42.21, '万元'],
    ['1691.4万', 1691.4, '万'],
    ['32个', 32, '个'],
    ['6件', 6, '件'],
    ['3条', 3, '条'],
    ['5项', 5, '项'],
    ['+2项', 2, '项'],
    ['6(件)', 6, '件'],
    ['2913705元', 2913705, '元'],
  ])('%j → %d in %s (the number as printed, in the printed unit)', (text, value, unit) => {
    expect(parseCellValue(text)).toMatchObject({ kind: 'number', value, unit });
  });

  // 5. is a number with a stray full stop (Word cells): test below.
  it.each(['12,34', '1,2345', '1.2.3', '.5', '12%', '1/2', '见附件', '不详', 'abc', '二', '6件6', '约6'])('%j is text, not a number', (text) => {
    expect(parseCellValue(text)).toEqual({ kind: 'text' });
    expect(isValueLike(text)).toBe(false);
  });

  it.each(['', ' ', '—', '——', '–', '-', '--', '/', '／', '无', '－', '―'])('%j is blank', (text) => {
    expect(read(text)).toEqual({ kind: 'blank' });
    expect(isValueLike(normalizeText(text))).toBe(true);
  });
});

describe('after extraction normalises the text', () => {
  it.each([
    ['１２３', 123],
    ['－２', -2],
    ['＋１４', 14],
    ['１，２３４', 1234],
    ['４２．２１', 42.21],
    ['\u00a012\u00a0\u00a0', 12],
    ['\u300012\u3000', 12],
    ['\n\n7\n', 7],
    ['\u200b9', 9],
  ])('%j → %d', (printed, value) => {
    expect(read(printed)).toMatchObject({ kind: 'number', value });
  });

  it('&nbsp; alone, U+3000 alone and empty Word paragraphs are blank', () => {
    for (const t of ['\u00a0', '\u3000', '\n\u00a0\n', '\u00a0\u00a0\u00a0']) expect(read(t), JSON.stringify(t)).toEqual({ kind: 'blank' });
  });

  it('normalizeLine: full width as half width, white space runs as one space, trimmed', () => {
    expect(normalizeLine('（一）予以公开\u3000')).toBe('(一)予以公开');
    expect(normalizeLine(' 自\u00a0然\u3000人 ')).toBe('自 然 人');
    expect(normalizeText('一、\n\n\u00a0\n本年新收')).toBe('一、\n本年新收');
  });
});

describe('a stray full stop after a number', () => {
  it.each([['5.', 5], ['20。', 20], ['3.5', 3.5]])('%j reads as %d', (text, value) => {
    expect(parseCellValue(text)).toMatchObject({ kind: 'number', value });
  });
});

describe('box-drawing dashes', () => {
  it.each(['─', '──', '━'])('%j is a blank', (text) => {
    expect(parseCellValue(text)).toEqual({ kind: 'blank' });
  });
});
