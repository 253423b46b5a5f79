/**
 * The arithmetic relations (勾稽关系) of tables 三 and 四 as data: Σ left = Σ right. For a sum the left
 * side is the terms and the right side the printed total, so `expected` = Σ left and `actual` = Σ right
 * as the spec defines them; for the balance, left = 新收 + 上年结转, right = 办理结果总计 + 结转下年度.
 */
import { APPEAL_GROUPS, APPEAL_OUTCOMES, APPLICATION_COLUMNS, APPLICANT_COLUMN_IDS, applicationRowsPrinted, cellId, type FormatId } from './statutory';

export type RelationRule = 'applications.row-total' | 'applications.result-total' | 'applications.balance' | 'appeals.group-total';

export interface Relation {
  rule: RelationRule;
  /** The row or column or group the relation is about (a row id, a column id, a group id). */
  about: string;
  left: string[];
  right: string[];
  /** What differs between the terms, for naming them in an equation. */
  varies: 'row' | 'column';
}

/** The relations of a format; `printed` tells which table 三 rows the page prints (a stand-in row joins the sums). */
export function relationsFor(format: FormatId, printed: (rowId: string) => boolean = () => false): Relation[] {
  const { rows } = applicationRowsPrinted(format, printed);
  const out: Relation[] = [];
  for (const row of rows) {
    out.push({
      rule: 'applications.row-total',
      about: row.id,
      left: APPLICANT_COLUMN_IDS.map((c) => cellId('applications', row.id, c)),
      right: [cellId('applications', row.id, 'total')],
      varies: 'column',
    });
  }
  const resultRows = rows.filter((r) => r.id.startsWith('result.') && r.id !== 'result.total');
  for (const col of APPLICATION_COLUMNS) {
    out.push({
      rule: 'applications.result-total',
      about: col.id,
      left: resultRows.map((r) => cellId('applications', r.id, col.id)),
      right: [cellId('applications', 'result.total', col.id)],
      varies: 'row',
    });
    out.push({
      rule: 'applications.balance',
      about: col.id,
      left: [cellId('applications', 'new', col.id), cellId('applications', 'carried_over', col.id)],
      right: [cellId('applications', 'result.total', col.id), cellId('applications', 'carried_forward', col.id)],
      varies: 'row',
    });
  }
  for (const g of APPEAL_GROUPS) {
    out.push({
      rule: 'appeals.group-total',
      about: g.id,
      left: APPEAL_OUTCOMES.filter((o) => o.id !== 'total').map((o) => cellId('appeals', 'counts', `${g.id}.${o.id}`)),
      right: [cellId('appeals', 'counts', `${g.id}.total`)],
      varies: 'column',
    });
  }
  return out;
}
