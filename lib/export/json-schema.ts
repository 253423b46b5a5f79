/**
 * The published JSON Schema of `gouji audit --json`, generated from the zod schemas (zod 4's own
 * z.toJSONSchema, draft 2020-12) so the two cannot drift: `npm run schema` writes it to
 * schema/audit-result.schema.json and a test fails when the committed file differs from this.
 * Objects are closed (additionalProperties: false): a field added to the output without being added
 * to the zod schema, and so to this schema, fails the validation of the CLI's real output.
 */
import { z } from 'zod';
import { AuditResultSchema } from '../model/schema';

export function auditResultJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(z.array(AuditResultSchema).describe('gouji audit --json: one AuditResult per input, in input order'), {
    target: 'draft-2020-12',
    io: 'output',
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    title: 'Gouji (勾稽) audit results',
    ...rest,
  };
}

/** The file's text: 2-space JSON and a final newline. */
export function auditResultJsonSchemaText(): string {
  return `${JSON.stringify(auditResultJsonSchema(), null, 2)}\n`;
}
