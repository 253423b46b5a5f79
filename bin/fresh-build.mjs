// Whether the built JavaScript in dist/ is at least as new as the sources it was built from (cli/, lib/, the
// messages): the CLI and its worker threads then run it, and otherwise the sources through tsx, so that a
// change is never run with a stale build. Plain JavaScript, shared by bin/gouji.mjs and cli/audit-worker.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** The newest modification time under the source folders, 0 when there are none (an installed package). */
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

/** dist/NAME when it exists and is fresh (or tsx is not installed to run the sources), else null. */
export function freshBuild(name) {
  const built = new URL(`dist/${name}`, root);
  if (!existsSync(built)) return null;
  const canRunSources = existsSync(new URL('node_modules/tsx/', root));
  return !canRunSources || statSync(built).mtimeMs >= newestSource() ? built : null;
}
