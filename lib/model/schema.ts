/**
 * The JSON contract (`audit --json`): one AuditResult per input. Types flow from these schemas.
 * Required and optional fields follow shared/spec/statutory-structure.md ("The JSON contract").
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FormatSchema = z.enum(['2019', '2021']);

export const CellSchema = z.object({
  raw: z.string(),
  value: z.number().nullable(),
  implied: z.number().optional().describe('the value the relations imply for a blank cell'),
  unit: z.string().optional().describe('the unit printed in the cell'),
  label: z.string().optional().describe('the printed label of a local extra row'),
  page: z.number().int().positive().optional().describe('for a document input: the page, from 1, the cell was printed on'),
});
export type Cell = z.infer<typeof CellSchema>;

export const ReportSchema = z.object({
  year: z.number().int().nullable(),
  format: FormatSchema.nullable(),
  agency: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  cells: z.record(z.string(), CellSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export const FindingSchema = z.object({
  id: z.string().optional().describe('stable over runs: a hash of rule, cells and values'),
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  cells: z.array(z.string()),
  expected: z.number().optional(),
  actual: z.number().optional(),
  related: z.array(z.string()).optional().describe('ids of findings that share its root cause'),
  quote: z.string().optional().describe('the sentence a text.* finding is about'),
  deadline: z.string().optional().describe('the date meta.late-publication applied'),
  previous: z
    .object({ source: z.string(), cells: z.array(z.string()) })
    .optional()
    .describe('for cross-year.*: last year\'s report and cells'),
  page: z.number().int().positive().optional().describe('for a document input: the page, from 1, of the cells the finding names'),
  stack: z.string().optional().describe('for internal.error: where Gouji failed (shown under --verbose)'),
});
export type Finding = z.infer<typeof FindingSchema>;

export const AuditResultSchema = z.object({
  source: z.string(),
  report: ReportSchema.nullable(),
  findings: z.array(FindingSchema),
});
export type AuditResult = z.infer<typeof AuditResultSchema>;
