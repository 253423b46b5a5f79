/**
 * The README says what the install needs and prints (issue 15 item 7): the Node version agrees with
 * what the installed toolchain declares, and each notice of the install and the build is explained.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const engines = (pkg: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node ?? '';

describe('README: requirements and install noise', () => {
  it('states the Node version Vite needs, and why listr2 warns EBADENGINE', () => {
    const stated = /Node\.js (\d+\.\d+) or later/.exec(readme)?.[1];
    expect(stated).toBeDefined();
    expect(engines('vite')).toContain(`^${stated}`);
    const listr2 = /(\d+\.\d+)/.exec(engines('listr2'))?.[1];
    expect(readme).toContain('EBADENGINE');
    expect(readme).toContain(`Node ≥ ${listr2}`);
  });

  it('explains npm\'s install-scripts notice and the Rollup comment warnings from zod', () => {
    expect(readme).toMatch(/install-scripts .*allowScripts/);
    expect(readme).toMatch(/zod.*\n?.*annotation that Rollup\s+cannot interpret/);
  });

  it('gives the figures of `npm run bench` with its date', () => {
    expect(readme).toMatch(/`npm run bench` as it printed on \d{4}-\d{2}-\d{2}/);
    expect(readme).toMatch(/\| audit ÷ `cheerio\.load`, 300 KB \/ 1 MB \/ 5 MB \/ 20 MB page \(median ratio\) \| [\d.]+ \/ [\d.]+ \/ [\d.]+ \/ [\d.]+/);
  });
});
