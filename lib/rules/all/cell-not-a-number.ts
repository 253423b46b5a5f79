/** cell.not-a-number — a cell holds text that is not a number once units are read. */
import { cellLabel } from '../../format/cell-label';
import type { Rule } from '../context';

export const cellNotANumber: Rule = {
  id: 'cell.not-a-number',
  run: (ctx) =>
    [...ctx.recognition.cells.values()]
      .filter((c) => c.parsed.kind === 'text')
      .map((c) => ({
        rule: 'cell.not-a-number',
        severity: 'error' as const,
        params: { cell: cellLabel(c.id, ctx.lang, c.label), raw: c.raw.replace(/\n/g, ' ').slice(0, 80) },
        cells: [c.id],
        suspects: [c.id],
      })),
};
