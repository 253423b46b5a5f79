/**
 * structure.template-mismatch — a table's format does not fit the report year (2021 and later use
 * format 2021; 2019 and 2020 format 2019), or the tables mix formats. Names the table.
 */
import { tableName } from '../../format/cell-label';
import { TABLE_IDS, formatForYear } from '../../model/statutory';
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

export const structureTemplateMismatch: Rule = {
  id: 'structure.template-mismatch',
  run(ctx) {
    const { meta, tableFormats, format } = ctx.recognition;
    const findings: FindingDraft[] = [];
    const expected = formatForYear(meta.year);
    // Table 四 is the same in both formats: only 二 and 三 can say which one a page uses.
    for (const table of TABLE_IDS.filter((x) => x !== 'appeals')) {
      const f = tableFormats[table];
      if (!f) continue;
      const cells = [...ctx.recognition.cells.keys()].filter((id) => id.startsWith(`${table}/`));
      if (expected && f !== expected) {
        findings.push({ rule: 'structure.template-mismatch', severity: 'error', messageKey: 'structure.template-mismatch#year', params: { table: tableName(table, ctx.lang), tableFormat: f, year: meta.year ?? '', expectedFormat: expected }, cells });
      } else if (!expected && format && f !== format) {
        findings.push({ rule: 'structure.template-mismatch', severity: 'error', messageKey: 'structure.template-mismatch#mixed', params: { table: tableName(table, ctx.lang), tableFormat: f, format }, cells });
      }
    }
    return findings;
  },
};
