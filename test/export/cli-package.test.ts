/**
 * The CLI ships as built JavaScript: dist/cli.mjs imports nothing but Node built-ins and the runtime
 * `dependencies`, and the packed tarball, installed with `--omit=dev` (no tsx, no TypeScript), audits a
 * report. This is the install a reviewer's office makes on a machine that is not a developer's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const work = mkdtempSync(join(tmpdir(), 'gouji-pack-'));
const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 540_000 });

/** `pdfjs-dist/legacy/build/pdf.mjs` → `pdfjs-dist`; `@scope/x/y` → `@scope/x`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the CLI as built JavaScript', { timeout: 600_000 }, () => {
  beforeAll(() => {
    const built = run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--quiet'], ROOT);
    expect(built.status, built.stderr).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('dist/cli.mjs and its worker import only Node built-ins and runtime dependencies (no tsx, no devDependency)', () => {
    const code = ['dist/cli.mjs', 'dist/audit-worker.mjs'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(3);
    const builtins = new Set(builtinModules);
    const foreign = specifiers.filter((s) => !s.startsWith('node:') && !builtins.has(s) && !(packageOf(s) in pkg.dependencies));
    expect([...new Set(foreign)]).toEqual([]);
    expect(code).not.toMatch(/["']tsx(?:\/|["'])/);
  });

  it('packs, installs with --omit=dev, and audits a report with no TypeScript loader', () => {
    const packed = run('npm', ['pack', '--silent', '--pack-destination', work], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = join(work, 'app');
    const init = run('npm', ['init', '-y'], (spawnSync('mkdir', ['-p', app]), app));
    expect(init.status, init.stderr).toBe(0);
    const installed = run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball!)], app);
    expect(installed.status, installed.stderr).toBe(0);
    expect(readdirSync(join(app, 'node_modules'))).not.toContain('tsx');
    const audited = run(join(app, 'node_modules/.bin/gouji'), ['audit', '--json', join(ROOT, 'demo/demo-2023-word-faults.html')], app);
    expect(audited.status, audited.stderr).toBe(1); // the demo has error findings
    const [result] = JSON.parse(audited.stdout) as { report: { year: number } | null; findings: { rule: string }[] }[];
    expect(result!.report?.year).toBe(2023);
    expect(result!.findings.length).toBeGreaterThan(0);
    // The batch's worker threads load the built worker too, with no TypeScript loader.
    const demos = ['demo-2020-site-clean.html', 'demo-2023-word-faults.html'].map((f) => join(ROOT, 'demo', f));
    const threaded = run(join(app, 'node_modules/.bin/gouji'), ['audit', '--json', '--workers', '2', ...demos], app);
    expect(threaded.status, threaded.stderr).toBe(1);
    expect((JSON.parse(threaded.stdout) as { source: string }[]).map((r) => r.source)).toEqual(demos);
  });
});
