/**
 * The published schema of `gouji audit --json` (schema/audit-result.schema.json): generated from the
 * zod schemas, committed, and checked against the CLI's real output. The validator is Ajv (draft
 * 2020-12 build) — a JSON Schema validator, so the test reads the committed file exactly as a consumer
 * of the schema would, rather than re-checking with the zod schemas it came from.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { auditResultJsonSchemaText } from '../../lib/export/json-schema';
import type { AuditResult } from '../../lib/model/schema';
import { allInputs, HAVE_SEEDS, ROOT } from './helpers';

const SCHEMA_FILE = join(ROOT, 'schema', 'audit-result.schema.json');
const committed = readFileSync(SCHEMA_FILE, 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(committed) as object);

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gouji.mjs'), 'audit', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('schema/audit-result.schema.json', () => {
  it('is what `npm run schema` generates from the zod schemas today (regenerate and commit if this fails)', () => {
    expect(committed).toBe(auditResultJsonSchemaText());
  });

  it('is closed: an unknown field, a missing field or a wrong type fails', () => {
    const ok: AuditResult = { source: 'x', report: { year: 2020, format: '2019', agency: null, published: null, cells: { 'a/b/c': { raw: '', value: null, implied: 0 } } }, findings: [] };
    expect(validate([ok])).toBe(true);
    expect(validate([{ ...ok, extra: 1 }])).toBe(false);
    expect(validate([{ ...ok, report: { ...ok.report!, cells: { 'a/b/c': { raw: '1', value: '1' } } } }])).toBe(false);
    expect(validate([{ ...ok, findings: [{ rule: 'x', severity: 'fatal', message: '', cells: [] }] }])).toBe(false);
    const { source: _, ...noSource } = ok;
    expect(validate([noSource])).toBe(false);
  });
});

describe('the CLI’s real --json output validates against the committed schema', { timeout: 120_000 }, () => {
  const inputs = allInputs();
  const fixtures = inputs.filter((i) => i.kind === 'fixture').map((i) => i.path);
  const seeds = inputs.filter((i) => i.kind === 'seed').map((i) => i.path);

  it(`every fixture page (${fixtures.length}, hostile inputs included), in one run`, () => {
    const { stdout, status } = cli(['--json', ...fixtures]);
    expect(status).toBe(2); // some hostile inputs cannot be audited
    const out = JSON.parse(stdout) as AuditResult[];
    expect(out).toHaveLength(fixtures.length);
    const valid = validate(out);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
    expect(out.some((r) => r.report === null)).toBe(true);
    expect(out.some((r) => r.report && Object.values(r.report.cells).some((c) => c.implied !== undefined))).toBe(true);
  });

  it.skipIf(!HAVE_SEEDS)('every seed, with --lang en too', () => {
    for (const args of [['--json'], ['--json', '--lang', 'en'], ['--format', 'json']]) {
      const { stdout } = cli([...args, ...seeds]);
      expect(validate(JSON.parse(stdout)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });
});
