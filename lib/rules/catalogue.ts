/**
 * The rule catalogue: every rule id Gouji emits, with what it declares about itself (see rule-meta.ts).
 * The single place to look a rule up; docs/rules.md is generated from it (`npm run docs:rules`). Data only,
 * so the content script can read it without the rules' code.
 */
import type { RuleKind, RuleMeta } from './rule-meta';

const ALL_TABLES = ['active', 'applications', 'appeals'] as const;
const SUMS = ['applications', 'appeals'] as const;

function rule(id: string, kind: RuleKind, meta: Partial<Omit<RuleMeta, 'id' | 'kind'>> = {}): RuleMeta {
  return { id, kind, tables: [], severity: 'error', reads: [], variants: [], linksByCells: false, ...meta };
}

export const RULE_CATALOGUE: readonly RuleMeta[] = [
  // The structure of the report (the recogniser and two rules).
  rule('structure.template-mismatch', 'structure', { tables: [...ALL_TABLES], variants: ['year', 'mixed'] }),
  rule('structure.unsupported-format', 'structure', { severity: 'info' }),
  rule('structure.missing-section', 'structure'),
  rule('structure.missing-row', 'structure', { tables: [...ALL_TABLES], variants: ['standIn'] }),
  rule('structure.missing-column', 'structure', { tables: [...ALL_TABLES] }),
  rule('structure.extra-row', 'structure', { tables: [...ALL_TABLES], severity: 'info' }),
  rule('structure.extra-value', 'structure', { tables: ['applications'], severity: 'warning' }),
  rule('structure.second-copy', 'structure', { severity: 'info' }),
  rule('structure.label-variant', 'structure', { tables: [...ALL_TABLES], severity: 'info' }),
  // One cell at a time.
  rule('cell.not-a-number', 'cell', { tables: [...ALL_TABLES], reads: ['*/*/*'], linksByCells: true }),
  rule('cell.missing', 'cell', { tables: [...ALL_TABLES], reads: ['*/*/*'], variants: ['implied', 'grouped', 'plain', 'zero', 'ambiguous', 'reasonZero', 'reasonMixed'], numbers: 'expected', linksByCells: true }),
  rule('cell.negative', 'cell', { tables: [...ALL_TABLES], reads: ['*/*/*'], linksByCells: true }),
  rule('cell.unit', 'cell', { tables: ['active'], severity: 'warning', reads: ['active/*/*'] }),
  // The arithmetic relations of tables 三 and 四 (lib/model/relations.ts).
  rule('applications.row-total', 'relation', { tables: ['applications'], reads: ['applications/*/*'], numbers: 'expected', linksByCells: true }),
  rule('applications.result-total', 'relation', { tables: ['applications'], reads: ['applications/*/*'], numbers: 'expected', linksByCells: true }),
  rule('applications.balance', 'relation', { tables: ['applications'], reads: ['applications/*/*'], numbers: 'expected', linksByCells: true }),
  rule('appeals.group-total', 'relation', { tables: ['appeals'], reads: ['appeals/counts/*'], numbers: 'expected', linksByCells: true }),
  rule('relation.not-checked', 'relation', { tables: [...SUMS], severity: 'info', reads: ['applications/*/*', 'appeals/counts/*'], variants: ['text', 'blank', 'absent'], linksByCells: true }),
  rule('active.published-exceeds-total', 'relation', { tables: ['active'], severity: 'warning', reads: ['active/*/published', 'active/*/total'], numbers: 'expected' }),
  rule('active.in-force-below-issued', 'relation', { tables: ['active'], severity: 'warning', reads: ['active/*/in_force', 'active/*/issued', 'active/*/repealed'], numbers: 'expected' }),
  // The narrative against the tables and the year.
  rule('text.table-mismatch', 'text', {
    tables: [...SUMS],
    severity: 'warning',
    reads: ['applications/*/total', 'appeals/counts/*'],
    variants: ['allDone', 'allUpheld', 'share', 'totalAtFault'],
    numbers: 'stated',
    linksByCells: true,
  }),
  rule('text.fee-statement-missing', 'text', { severity: 'warning' }),
  rule('text.year-mismatch', 'text', { severity: 'warning' }),
  rule('text.repeated-section', 'text', { severity: 'warning' }),
  rule('text.repeated-report', 'text', { severity: 'warning' }),
  // The page's date.
  rule('meta.late-publication', 'meta', { severity: 'warning', variants: ['department', 'government', 'township'] }),
  // Last year's report of the same agency (lib/cross-year.ts): `reads` is all a streamed batch keeps.
  rule('cross-year.carried-over', 'cross-year', { tables: ['applications'], reads: ['applications/carried_over/*', 'applications/carried_forward/*'], numbers: 'expected' }),
  rule('cross-year.previous-count', 'cross-year', { tables: ['active'], severity: 'warning', reads: ['active/*/previous', 'active/*/change'], numbers: 'expected' }),
  rule('cross-year.in-force', 'cross-year', { tables: ['active'], severity: 'warning', reads: ['active/*/in_force', 'active/*/issued', 'active/*/repealed'], numbers: 'expected' }),
  // A whole-area report against its units' reports (lib/roster/rollup.ts, `--roster`).
  rule('rollup.sum-mismatch', 'region', { tables: [...SUMS], severity: 'info', reads: ['applications/*/*', 'appeals/counts/*'], numbers: 'expected' }),
  // The input itself, and Gouji's own faults.
  rule('input.no-report', 'input', { variants: ['attachment'] }),
  rule('input.unreadable', 'input', { variants: ['empty', 'binary', 'pdf', 'encoding', 'folder', 'open', 'missing', 'fetch', 'http', 'challenge', 'timeout', 'emptyShell', 'encrypted', 'damaged', 'unzipLimit'] }),
  rule('input.too-large', 'input', { variants: ['stopped'] }),
  rule('input.truncated', 'input'),
  rule('input.image-only', 'input'),
  // Documents: a .doc/.wps read as text whose tables were not all rebuilt; a page whose attachment was audited instead.
  rule('input.doc-text-only', 'input', { severity: 'warning' }),
  rule('input.attachment-audited', 'input', { severity: 'info' }),
  rule('internal.rule-failed', 'internal'),
  rule('internal.error', 'internal'),
];

const BY_ID = new Map(RULE_CATALOGUE.map((m) => [m.id, m]));

/** A rule's metadata; undefined for an id Gouji does not emit. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** Whether a finding's rule is of this kind (input.*, cross-year.*, …) by the catalogue, not by its id. */
export function isKind(ruleId: string, kind: RuleKind): boolean {
  return BY_ID.get(ruleId)?.kind === kind;
}

/** Whether the finding says the input was not audited (input.* or internal.*): the reason a report is missing. */
export function isFailure(ruleId: string): boolean {
  return isKind(ruleId, 'input') || isKind(ruleId, 'internal');
}

/** Whether a canonical cell id matches a `reads` pattern (`*` = one segment). */
export function cellMatches(pattern: string, id: string): boolean {
  const p = pattern.split('/');
  const c = id.split('/');
  return p.length === c.length && p.every((part, i) => part === '*' || part === c[i]);
}

/**
 * The cells the rules of one kind read, as a predicate over canonical ids. The answers are remembered per
 * id (ids are a small fixed set): a batch asks it for every cell of every report on its main thread.
 */
export function readByKind(kind: RuleKind): (cellId: string) => boolean {
  const patterns = RULE_CATALOGUE.filter((m) => m.kind === kind).flatMap((m) => m.reads);
  const known = new Map<string, boolean>();
  return (id) => {
    let reads = known.get(id);
    if (reads === undefined) known.set(id, (reads = patterns.some((p) => cellMatches(p, id))));
    return reads;
  };
}
