/**
 * A finding's two numbers in words, the same in every output (panel tag, CLI, memo, HTML report):
 * 应为 X，表中为 Y for a check against a relation, 正文为 X，表中为 Y for the narrative against the table
 * (the rule's catalogue `numbers`). `actual` is always what the cell prints, `expected` the other side.
 */
import type { Finding } from '../model/schema';
import { ruleMeta } from '../rules/catalogue';

/** A message lookup: `t(key, params, lang)` in Node, `browser.i18n` in the content script. */
export type Translate = (key: string, params: Record<string, string | number>) => string;

/** Formats a number as the output shows it (the memo groups digits); identity by default. */
export type ShowNumber = (n: number) => string | number;

export function findingNumbers(f: Pick<Finding, 'rule' | 'expected' | 'actual'>, translate: Translate, show: ShowNumber = (n) => n): string | null {
  if (f.expected === undefined && f.actual === undefined) return null;
  const stated = ruleMeta(f.rule)?.numbers === 'stated';
  if (f.actual === undefined) return translate(stated ? 'numbers_statedOnly' : 'numbers_expectedOnly', { expected: show(f.expected!) });
  if (f.expected === undefined) return translate('numbers_actualOnly', { actual: show(f.actual) });
  return translate(stated ? 'numbers_stated' : 'numbers_expected', { expected: show(f.expected), actual: show(f.actual) });
}
