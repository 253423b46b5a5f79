#!/usr/bin/env node
// The CLI as built JavaScript (dist/cli.mjs, `npm run build:cli`; `npm ci` and `npm pack` build it), so it
// starts without a TypeScript loader. In a clone where the sources are newer than the build, it runs the
// sources through tsx instead, so a change is never audited with a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const built = new URL('dist/cli.mjs', root);

/** The newest modification time under the source folders (cli/, lib/, the messages), 0 when there are none. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['cli/', 'lib/', 'public/_locales/']) walk(new URL(dir, root));
  return newest;
}

async function load() {
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestSource();
  if (fresh || !existsSync(new URL('node_modules/tsx/', root))) {
    if (existsSync(built)) return import(built.href);
    process.stderr.write('gouji: dist/cli.mjs is missing; run `npm run build:cli` (or `npm ci`) first.\n');
    process.exit(2);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL('cli/main.ts', root).href);
}

const { main } = await load();
process.exitCode = await main(process.argv.slice(2));
