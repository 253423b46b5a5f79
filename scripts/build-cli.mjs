#!/usr/bin/env node
/**
 * npm run build:cli — bundles the CLI (cli/ and lib/, messages included) into dist/cli.mjs, plain JavaScript
 * that starts without a TypeScript loader. Packages stay external: the bundle imports only the runtime
 * `dependencies`, so it runs from an `npm ci --omit=dev` install or a packed tarball. Run by `npm ci`
 * (postinstall), by `npm pack` (prepack) and by the tests' global setup.
 */
import { build } from 'esbuild';

// The batch's worker threads load dist/audit-worker.mjs beside dist/cli.mjs (cli/worker-pool.ts resolves
// './audit-worker.mjs' against its own module, which is cli/audit-worker.mjs — a tsx loader — in the sources).
const outdir = new URL('../dist/', import.meta.url).pathname;
const source = (path) => new URL(`../${path}`, import.meta.url).pathname;
await build({
  entryPoints: [
    { in: source('cli/main.ts'), out: 'cli' },
    { in: source('cli/audit-worker.ts'), out: 'audit-worker' },
  ],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '// Built by scripts/build-cli.mjs from cli/ and lib/ — do not edit; `npm run build:cli` rebuilds it.' },
});
if (!process.argv.includes('--quiet')) process.stdout.write(`built ${outdir}cli.mjs and audit-worker.mjs\n`);
