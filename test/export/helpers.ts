/**
 * Inputs for the export tests: every fixture page and every seed, audited once through the CLI's code
 * path (bytes → auditBytes), and small readers of our own output written for the tests only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { auditBytes } from '../../lib/audit';
import type { AuditResult } from '../../lib/model/schema';
import { loadManifest } from '../fixtures/manifest';
import { SEEDS } from '../seeds/expected';

export const ROOT = join(import.meta.dirname, '../..');
export const SEEDS_DIR = process.env.GOUJI_SEEDS_DIR ?? join(ROOT, '../shared/seeds');
export const HAVE_SEEDS = existsSync(SEEDS_DIR);
export const TODAY = new Date('2026-11-22');

export interface Input {
  name: string;
  path: string;
  kind: 'fixture' | 'seed';
}

/** Every fixture page (reports and hostile inputs) and every seed. */
export function allInputs(): Input[] {
  const fixtures = loadManifest().map((e) => ({ name: e.file, path: e.path, kind: 'fixture' as const }));
  const seeds = HAVE_SEEDS ? SEEDS.map((s) => ({ name: s.file, path: join(SEEDS_DIR, s.file), kind: 'seed' as const })) : [];
  return [...fixtures, ...seeds];
}

let cache: { input: Input; result: AuditResult }[] | undefined;
export function audited(): { input: Input; result: AuditResult }[] {
  cache ??= allInputs().map((input) => ({ input, result: auditBytes(readFileSync(input.path), input.name, { today: TODAY }) }));
  return cache;
}

export const BOM = '\uFEFF';

/** RFC 4180 / Excel reader (csv-parse, the csv project's parser); asserts nothing about the BOM. */
export function readDelimited(text: string, delimiter: ',' | '\t'): string[][] {
  return parse(text.startsWith(BOM) ? text.slice(1) : text, { delimiter, record_delimiter: ['\r\n'], relax_column_count: true }) as string[][];
}

/** Undo the formula guard (one leading apostrophe). */
export const unguard = (s: string): string => (s.startsWith("'") ? s.slice(1) : s);
