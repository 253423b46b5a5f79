/**
 * Every export_* message the exports and the popup buttons use exists in both catalogs, with the same
 * {parameters} in each (the popup looks keys up untyped, so a typo would show the key itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_IDS } from '../../lib/model/statutory';
import { ROOT } from './helpers';

type Catalog = Record<string, { message: string }>;
const catalog = (locale: string) => JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalog;
const zh = catalog('zh_CN');
const en = catalog('en');

const sources = [
  ...readdirSync(join(ROOT, 'lib', 'export')).map((f) => join(ROOT, 'lib', 'export', f)),
  join(ROOT, 'entrypoints', 'popup', 'ExportButtons.tsx'),
].map((f) => readFileSync(f, 'utf8'));

const used = new Set(sources.flatMap((s) => [...s.matchAll(/'(export_[A-Za-z]+(?:_[A-Za-z]+)?)'/g)].map((m) => m[1]!)));
// Keys built at run time.
for (const c of ['source', 'agency', 'year', 'format', 'published', 'table', 'row', 'column', 'cellId', 'raw', 'value', 'unit', 'implied']) used.add(`export_col_${c}`);
for (const a of [...TABLE_IDS, 'all', 'csv', 'json', 'memo']) used.add(`export_done_${a}`);

const params = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('export_* locale keys', () => {
  it('are all defined in zh_CN and en, with the same parameters', () => {
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(zh[key], `zh_CN ${key}`).toBeDefined();
      expect(en[key], `en ${key}`).toBeDefined();
      expect(params(en[key]!.message), key).toEqual(params(zh[key]!.message));
    }
  });

  it('both catalogs have the same export_* keys', () => {
    const keys = (c: Catalog) => Object.keys(c).filter((k) => k.startsWith('export_')).sort();
    expect(keys(en)).toEqual(keys(zh));
  });
});
