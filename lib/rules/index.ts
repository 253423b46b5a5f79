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
 * by the document readers (input.image-only) and by the year-over-year comparison (text.repeated-*).
 */
export const OTHER_RULE_IDS = [
  'structure.unsupported-format',
  'structure.missing-row',
  'structure.missing-column',
  'structure.extra-row',
  'structure.label-variant',
  'input.no-report',
  'input.unreadable',
  'input.too-large',
  'input.truncated',
  'internal.rule-failed',
  'internal.error',
  'input.image-only',
  // A .doc/.wps read as text whose tables were not all rebuilt; a page whose attachment was audited instead.
  'input.doc-text-only',
  'input.attachment-audited',
  'text.repeated-section',
  'text.repeated-report',
  // A whole-area report against the sum of its roster units' reports (lib/roster/rollup.ts, `--roster`).
  'rollup.sum-mismatch',
] as const;
