/**
 * The JSON of `gouji audit --json`: one array, an AuditResult per input, cells keyed by canonical id
 * (shared/spec/statutory-structure.md, "The JSON contract"; schema/audit-result.schema.json). The
 * popup's "copy JSON" writes the same text for its one page, so one schema and one reader serve both.
 */
import type { AuditResult } from '../model/schema';

export function auditJson(results: readonly AuditResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
