/**
 * cell.unit — a unit that conflicts with the one the format prescribes. Only format 2021 item (八)
 * prescribes one (万元), so 元 there is flagged; units elsewhere are read and kept, never flagged.
 */
import { cellLabel } from '../../format/cell-label';
import { ACTIVE_ITEMS } from '../../model/statutory';
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

const SAME_UNIT: Record<string, string[]> = { 万元: ['万元', '万'] };

export const cellUnit: Rule = {
  id: 'cell.unit',
  run(ctx) {
    const format = ctx.recognition.tableFormats.active;
    if (!format) return [];
    const findings: FindingDraft[] = [];
    for (const item of ACTIVE_ITEMS[format]) {
      for (const row of item.rows) {
        for (const col of row.columns) {
          if (!col.unit) continue;
          const cell = ctx.recognition.cells.get(`active/${row.id}/${col.id}`);
          if (!cell || cell.parsed.kind !== 'number' || !cell.parsed.unit) continue;
          if ((SAME_UNIT[col.unit] ?? [col.unit]).includes(cell.parsed.unit)) continue;
          findings.push({ rule: 'cell.unit', severity: 'warning', params: { cell: cellLabel(cell.id, ctx.lang), unit: cell.parsed.unit, prescribed: col.unit }, cells: [cell.id] });
        }
      }
    }
    return findings;
  },
};
