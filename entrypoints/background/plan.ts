/** The marks of a page: each finding's subject cells (lib/rules/subjects.ts), one mark per cell at its worst severity. */
import type { Finding } from '../../lib/model/schema';
import { SEVERITY_RANK as RANK, subjectCells } from '../../lib/rules/subjects';
import type { MarkSpec } from '../content/protocol';

export { subjectCells };

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
