#!/usr/bin/env node
// The CLI as built JavaScript (dist/cli.mjs, `npm run build:cli`; `npm ci` and `npm pack` build it), so it
// starts without a TypeScript loader. In a clone where the sources are newer than the build, it runs the
// sources through tsx instead, so a change is never audited with a stale build (bin/fresh-build.mjs).
import { existsSync } from 'node:fs';
import { freshBuild } from './fresh-build.mjs';

const root = new URL('../', import.meta.url);

async function load() {
  const built = freshBuild('cli.mjs');
  if (built) return import(built.href);
  if (!existsSync(new URL('node_modules/tsx/', root))) {
    process.stderr.write('gouji: dist/cli.mjs is missing; run `npm run build:cli` (or `npm ci`) first.\n');
    process.exit(2);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL('cli/main.ts', root).href);
}

const { main } = await load();
process.exitCode = await main(process.argv.slice(2));
