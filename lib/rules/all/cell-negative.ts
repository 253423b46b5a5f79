/** cell.negative — a negative count where only 本年增/减 (`change`) may be negative. */
import { cellLabel } from '../../format/cell-label';
import type { Rule } from '../context';

export const cellNegative: Rule = {
  id: 'cell.negative',
  run: (ctx) =>
    [...ctx.recognition.cells.values()]
      .filter((c) => c.parsed.kind === 'number' && c.parsed.value < 0 && c.column !== 'change')
      .map((c) => ({
        rule: 'cell.negative',
        severity: 'error' as const,
        params: { cell: cellLabel(c.id, ctx.lang, c.label), value: c.parsed.kind === 'number' ? c.parsed.value : '' },
        cells: [c.id],
        actual: c.parsed.kind === 'number' ? c.parsed.value : undefined,
        suspects: [c.id],
      })),
};
