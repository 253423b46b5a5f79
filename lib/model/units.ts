/**
 * The units real tables print after a number, in one list: the parser reads them (lib/recognize/numbers.ts),
 * the text reader tells value cells by them (lib/extract/from-text.ts), the wide sheet keeps counts as
 * numbers (lib/export/wide-csv.ts) and the narrative check reads counts with them (text.table-mismatch).
 */

/** Units of a count: a cell or a sentence with one of these counts things, and sums as is. */
export const COUNT_UNITS = ['件次', '人次', '个', '件', '条', '项', '次', '起', '宗', '家', '笔', '户', '份'] as const;

/** Units of money: amounts are kept with their printed text (42.21万元 is not 2913705元). */
export const MONEY_UNITS = ['万元', '元', '万'] as const;

/** Every unit read after a number, longest first so that 万元 wins over 万 and 件次 over 件. */
export const KEPT_UNITS: readonly string[] = [...MONEY_UNITS, ...COUNT_UNITS].sort((a, b) => b.length - a.length);

/** An alternation of units for a regular expression (all are plain CJK characters: nothing to escape). */
export const unitPattern = (units: readonly string[] = KEPT_UNITS): string => units.join('|');

export function isCountUnit(unit: string): boolean {
  return (COUNT_UNITS as readonly string[]).includes(unit);
}
