/**
 * Which cells a finding is *about* (its subjects, marked on the page) versus the rest of its relation
 * (highlighted only when the finding is selected). Shared by the page's marks and the Word memo's shading.
 *
 * A broken sum names every term, so marking every cell of every finding would paint half the table.
 * A cell shared by several broken relations is the likely culprit (one wrong 总计 breaks its row, its
 * column and the balance): Arelle's "no cascades" idea. So for a relation finding the subjects are its
 * cells that occur in the most error/warning findings; on a tie the printed total (the first cell, whose
 * value is `actual`) wins; an isolated relation therefore marks its total. A narrative figure that
 * contradicts the table (text.table-mismatch) is weighed the same way. Findings about cells themselves (cell.*, text.*, structure.extra-row) are about all their cells. relation.not-checked is
 * about nothing new: its blank terms carry their own cell.missing findings.
 */
import type { Finding, Severity } from '../model/schema';
import { ruleMeta } from './catalogue';

/** A finding whose cells are a relation's terms rather than the cells at fault: a sum, or the narrative against one. */
const namesTerms = (rule: string) => {
  const meta = ruleMeta(rule);
  return !!meta?.linksByCells && (meta.kind === 'relation' || meta.kind === 'text');
};
/** A sum relation proper, whose first cell is the printed total. */
const isSum = (rule: string) => ruleMeta(rule)?.kind === 'relation' && !!ruleMeta(rule)?.linksByCells;

export function subjectCells(finding: Finding, all: readonly Finding[]): string[] {
  if (finding.rule === 'relation.not-checked') return [];
  if (!namesTerms(finding.rule)) return [...finding.cells];
  const counts = new Map<string, number>();
  for (const f of all) {
    if (f.severity === 'info') continue;
    for (const c of new Set(f.cells)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = 0;
  for (const c of finding.cells) best = Math.max(best, counts.get(c) ?? 0);
  const top = finding.cells.filter((c) => (counts.get(c) ?? 0) === best);
  const total = finding.cells[0];
  if (isSum(finding.rule) && top.length > 1 && total !== undefined && top.includes(total)) return [total];
  return top;
}

/** Severity order, most severe first. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
