/**
 * npm run schema — writes schema/audit-result.schema.json, the JSON Schema of `gouji audit --json`,
 * from the zod schemas in lib/model/schema.ts (see lib/export/json-schema.ts). Commit the result;
 * test/export/json-schema.test.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { auditResultJsonSchemaText } from '../lib/export/json-schema';

const target = new URL('./audit-result.schema.json', import.meta.url);
writeFileSync(target, auditResultJsonSchemaText());
process.stdout.write(`wrote ${target.pathname}\n`);
