/**
 * The cells of a finding worth naming: a relation of many terms names the cells that carry figures and
 * counts its zero terms (a 20-term sum is not 20 lines of "= 0"). Shared by the memo and the panel, so
 * both name the same cells.
 */
import type { Finding, Report } from '../model/schema';

/** A relation with more terms than this names the cells with figures and counts the zeros. */
export const TERMS_LISTED = 4;

const isPrintedZero = (report: Report | null, id: string) => {
  const cell = report?.cells[id];
  return !!cell && cell.raw.trim() !== '' && cell.value === 0;
};

/** The cells to name, in the finding's order, and how many zero terms were left unnamed. */
export function namedTerms(finding: Pick<Finding, 'cells'>, report: Report | null, skip: ReadonlySet<string> = new Set()): { named: string[]; zeros: number } {
  const countZeros = finding.cells.length > TERMS_LISTED;
  const named: string[] = [];
  let zeros = 0;
  for (const id of finding.cells) {
    if (skip.has(id)) continue;
    if (countZeros && isPrintedZero(report, id)) zeros++;
    else named.push(id);
  }
  return { named, zeros };
}
