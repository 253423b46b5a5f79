/** Quoting, BOM and the formula guard shared by every spreadsheet-bound export. */
import { describe, expect, it } from 'vitest';
import { guardFormula, looksLikeFormula, unguardFormula, writeDelimited } from '../../lib/export/spreadsheet';
import { readDelimited } from './helpers';

describe('writeDelimited', () => {
  it('quotes Excel-style exactly the cells with a tab, a line break or a quote (TSV)', () => {
    const tsv = writeDelimited([['a\tb', 'say "hi"', 'line 1\nline 2', 'cr\rhere', 'plain', ''], ['42.21万元', '-5']], { delimiter: '\t' });
    expect(tsv).toBe('"a\tb"\t"say ""hi"""\t"line 1\nline 2"\t"cr\rhere"\tplain\t\r\n42.21万元\t-5\r\n');
    expect(readDelimited(tsv, '\t')).toEqual([['a\tb', 'say "hi"', 'line 1\nline 2', 'cr\rhere', 'plain', ''], ['42.21万元', '-5']]);
  });

  it('CSV: commas quoted, BOM first when asked, CRLF records', () => {
    const csv = writeDelimited([['1,234', 'x']], { delimiter: ',', bom: true });
    expect(csv).toBe('\uFEFF"1,234",x\r\n');
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('the formula guard', () => {
  it('leaves printed numbers alone, signs included', () => {
    for (const s of ['-5', '+14', '1,234', '42.21', '-0.5', '0', '']) expect(looksLikeFormula(s), s).toBe(false);
  });

  it('guards text a spreadsheet would run or mangle, and is exactly reversible', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+cmd', '-5项', '@SUM(A1)', '＝1+1', "'quoted", '\tx']) {
      expect(looksLikeFormula(s), s).toBe(true);
      expect(guardFormula(s)).toBe(`'${s}`);
      expect(unguardFormula(guardFormula(s))).toBe(s);
    }
    for (const s of ['32个', '规章', '<img src=x>']) expect(unguardFormula(guardFormula(s))).toBe(s);
  });
});
