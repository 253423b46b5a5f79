/**
 * cell.missing — a cell that must hold a number is blank (empty, &nbsp;, —, /, 无) or absent. In tables
 * 三 and 四 the blank reads as the value the relations imply: 0 → warning (blank where 0 is due); not 0 →
 * error with that value as `expected`; no single value → warning. Table 二 has no relations: warning.
 * More than five warnings in one table become one grouped finding. Cells of local extra rows are not
 * statutory cells, so none must hold a number.
 */
import { cellLabel, cellRowLabel, rowsList, tableName } from '../../format/cell-label';
import { t } from '../../i18n/messages';
import { TABLE_IDS, splitCellId } from '../../model/statutory';
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

const GROUP_ABOVE = 5;
export const cellMissing: Rule = {
  id: 'cell.missing',
  run(ctx) {
    const findings: FindingDraft[] = [];
    const warnings = new Map<string, { id: string; zero: boolean }[]>();
    const listFor = (table: string) => {
      let list = warnings.get(table);
      if (!list) warnings.set(table, (list = []));
      return list;
    };
    for (const cell of ctx.recognition.cells.values()) {
      if (cell.parsed.kind !== 'blank') continue;
      // A local extra row (政务新媒体发布信息 under 政府集中采购) need not fill every column of the item it sits in.
      if (cell.label !== undefined) continue;
      const name = cellLabel(cell.id, ctx.lang, cell.label);
      if (cell.table === 'active') {
        listFor(cell.table).push({ id: cell.id, zero: false });
        continue;
      }
      const implied = ctx.solution.implied.get(cell.id);
      if (implied !== undefined && implied !== 0) {
        findings.push({ rule: 'cell.missing', severity: 'error', messageKey: 'cell.missing#implied', params: { cell: name, expected: implied }, cells: [cell.id], expected: implied });
      } else {
        listFor(cell.table).push({ id: cell.id, zero: implied === 0 });
      }
    }
    for (const table of TABLE_IDS) {
      const list = warnings.get(table) ?? [];
      if (list.length > GROUP_ABOVE) {
        const allZero = list.every((w) => w.zero);
        findings.push({
          rule: 'cell.missing',
          severity: 'warning',
          messageKey: 'cell.missing#grouped',
          params: {
            table: tableName(table, ctx.lang),
            count: list.length,
            reason: t(allZero ? 'rule_cell_missing__reasonZero' : 'rule_cell_missing__reasonMixed', {}, ctx.lang),
            // The rows, not every cell: 130 cell names are no reading (the finding's cells list them all).
            rowCount: new Set(list.map((w) => cellRowLabel(w.id, ctx.lang, ctx.recognition.cells.get(w.id)?.label))).size,
            rows: rowsList(list.map((w) => w.id), ctx.lang, (id) => ctx.recognition.cells.get(id)?.label),
          },
          cells: list.map((w) => w.id),
        });
        continue;
      }
      for (const w of list) {
        const variant = splitCellId(w.id).table === 'active' ? 'plain' : w.zero ? 'zero' : 'ambiguous';
        findings.push({
          rule: 'cell.missing',
          severity: 'warning',
          messageKey: `cell.missing#${variant}`,
          params: { cell: cellLabel(w.id, ctx.lang, ctx.recognition.cells.get(w.id)?.label) },
          cells: [w.id],
          ...(w.zero ? { expected: 0 } : {}),
        });
      }
    }
    return findings;
  },
};
