#!/usr/bin/env node
/**
 * npm run build:cli — bundles the CLI (cli/ and lib/, messages included) into dist/cli.mjs, plain JavaScript
 * that starts without a TypeScript loader. Packages stay external: the bundle imports only the runtime
 * `dependencies`, so it runs from an `npm ci --omit=dev` install or a packed tarball. Run by `npm ci`
 * (postinstall), by `npm pack` (prepack) and by the tests' global setup.
 */
import { build } from 'esbuild';

const outfile = new URL('../dist/cli.mjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../cli/main.ts', import.meta.url).pathname],
  outfile,
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
if (!process.argv.includes('--quiet')) process.stdout.write(`built ${outfile}\n`);
