/** Cross-year rules compare two audited reports of one agency for consecutive years (their JSON results). */
import type { Lang } from '../../i18n/messages';
import type { Report } from '../../model/schema';
import type { FindingDraft } from '../types';

export interface YearPair {
  previous: { source: string; report: Report };
  current: { source: string; report: Report };
  lang: Lang;
}

export interface CrossYearDraft extends FindingDraft {
  previousCells: string[];
}

export interface CrossYearRule {
  id: string;
  run(pair: YearPair): CrossYearDraft[];
}

/** A cell's number as the audit read it: printed, or implied for a blank. */
export function numberOf(report: Report, id: string): number | null {
  const cell = report.cells[id];
  if (!cell) return null;
  return cell.value ?? cell.implied ?? null;
}
