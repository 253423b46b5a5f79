/**
 * Which cells a finding is *about* (its subjects, marked on the page) versus the rest of its relation
 * (highlighted only when the finding is selected).
 *
 * A broken sum names every term, so marking every cell of every finding would paint half the table.
 * A cell shared by several broken relations is the likely culprit (one wrong 总计 breaks its row, its
 * column and the balance): Arelle's "no cascades" idea. So for a relation finding the subjects are its
 * cells that occur in the most error/warning findings; on a tie the printed total (the first cell, whose
 * value is `actual`) wins; an isolated relation therefore marks its total. A narrative figure that
 * contradicts the table (text.table-mismatch) is weighed the same way. Findings about cells themselves (cell.*, text.*, structure.extra-row) are about all their cells. relation.not-checked is
 * about nothing new: its blank terms carry their own cell.missing findings.
 */
import type { Finding, Severity } from '../../lib/model/schema';
import type { MarkSpec } from '../content/protocol';

const RELATION = /^(applications\.(row-total|result-total|balance)|appeals\.group-total)$/;
/** Findings whose cells are a relation's terms rather than the cells at fault. */
const SHARED = /^(applications\.(row-total|result-total|balance)|appeals\.group-total|text\.table-mismatch)$/;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function subjectCells(finding: Finding, all: readonly Finding[]): string[] {
  if (finding.rule === 'relation.not-checked') return [];
  if (!SHARED.test(finding.rule)) return [...finding.cells];
  const counts = new Map<string, number>();
  for (const f of all) {
    if (f.severity === 'info') continue;
    for (const c of new Set(f.cells)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = 0;
  for (const c of finding.cells) best = Math.max(best, counts.get(c) ?? 0);
  const top = finding.cells.filter((c) => (counts.get(c) ?? 0) === best);
  const total = finding.cells[0];
  if (RELATION.test(finding.rule) && top.length > 1 && total !== undefined && top.includes(total)) return [total];
  return top;
}

export function planMarks(findings: readonly Finding[]): { marks: MarkSpec[]; subjects: Record<string, string[]> } {
  const subjects: Record<string, string[]> = {};
  const byCell = new Map<string, MarkSpec>();
  findings.forEach((f, i) => {
    const id = f.id ?? `#${i}`;
    const cells = subjectCells(f, findings);
    subjects[id] = cells;
    for (const cell of cells) {
      const mark = byCell.get(cell);
      if (!mark) byCell.set(cell, { cell, severity: f.severity, findings: [id] });
      else {
        mark.findings.push(id);
        if (RANK[f.severity] < RANK[mark.severity]) mark.severity = f.severity;
      }
    }
  });
  return { marks: [...byCell.values()], subjects };
}
