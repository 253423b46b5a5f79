/**
 * What a rule declares about itself, as data (the way axe-core keeps its rule metadata): the outputs — panel,
 * memo, CLI, HTML report, the `--ndjson` cross-year pass, docs/rules.md — read these fields instead of
 * guessing from the shape of a rule id.
 */
import { z } from 'zod';
import { SeveritySchema } from '../model/schema';
import { TABLE_IDS } from '../model/statutory';

export const RULE_KINDS = ['cell', 'relation', 'text', 'meta', 'structure', 'cross-year', 'input', 'internal', 'region'] as const;

export const RuleMetaSchema = z.object({
  id: z.string().regex(/^[a-z-]+\.[a-z-]+$/),
  kind: z.enum(RULE_KINDS).describe('what the rule checks: one cell, a relation between cells, the narrative, the page, the structure, last year, the input, Gouji itself, a region'),
  tables: z.array(z.enum(TABLE_IDS)).describe('the tables whose cells it reads; empty when it reads none'),
  severity: SeveritySchema.describe('its usual severity (a few rules lower or raise it case by case, as the spec says)'),
  reads: z.array(z.string()).describe('the cells it reads, as canonical ids where `*` stands for one path segment'),
  variants: z.array(z.string()).describe('message variants beside the plain one: rule_<id>__<variant> in the locales'),
  numbers: z
    .enum(['expected', 'stated'])
    .optional()
    .describe('how its expected/actual pair is worded: 应为 X，表中为 Y, or (text rules) 正文为 X，表中为 Y'),
  linksByCells: z.boolean().describe('whether its findings are linked to others naming the same cells (a shared root cause)'),
});
export type RuleMeta = z.infer<typeof RuleMetaSchema>;
export type RuleKind = (typeof RULE_KINDS)[number];
