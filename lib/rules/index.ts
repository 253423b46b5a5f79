/** Every single-report rule, one file each under all/, in the order findings are listed. */
import { activeInForceBelowIssued } from './all/active-in-force-below-issued';
import { activePublishedExceedsTotal } from './all/active-published-exceeds-total';
import { appealsGroupTotal } from './all/appeals-group-total';
import { applicationsBalance } from './all/applications-balance';
import { applicationsResultTotal } from './all/applications-result-total';
import { applicationsRowTotal } from './all/applications-row-total';
import { cellMissing } from './all/cell-missing';
import { cellNegative } from './all/cell-negative';
import { cellNotANumber } from './all/cell-not-a-number';
import { cellUnit } from './all/cell-unit';
import { metaLatePublication } from './all/meta-late-publication';
import { relationNotChecked } from './all/relation-not-checked';
import { structureMissingSection } from './all/structure-missing-section';
import { structureTemplateMismatch } from './all/structure-template-mismatch';
import { textFeeStatementMissing } from './all/text-fee-statement-missing';
import { textTableMismatch } from './all/text-table-mismatch';
import { textYearMismatch } from './all/text-year-mismatch';
import { RULE_CATALOGUE } from './catalogue';
import type { Rule } from './context';

export const RULES: readonly Rule[] = [
  structureTemplateMismatch,
  structureMissingSection,
  cellNotANumber,
  cellMissing,
  cellNegative,
  cellUnit,
  applicationsRowTotal,
  applicationsResultTotal,
  applicationsBalance,
  appealsGroupTotal,
  relationNotChecked,
  activePublishedExceedsTotal,
  activeInForceBelowIssued,
  textTableMismatch,
  textFeeStatementMissing,
  textYearMismatch,
  metaLatePublication,
];

/**
 * Rule ids emitted outside RULES: by the recogniser (structure.*), by the audit itself (input.*, internal.*),
 * by the document readers (input.image-only), by the year-over-year comparison (text.repeated-*) and the
 * roster roll-up — every catalogue id that is neither a single-report rule here nor a cross-year rule.
 */
const SINGLE_REPORT_IDS = new Set(RULES.map((r) => r.id));
export const OTHER_RULE_IDS: readonly string[] = RULE_CATALOGUE.filter((m) => m.kind !== 'cross-year' && !SINGLE_REPORT_IDS.has(m.id)).map((m) => m.id);
