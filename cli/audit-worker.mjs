// Entry of a batch worker thread started from the sources (cli/worker-pool.ts; the built CLI starts
// dist/audit-worker.mjs instead). A fresh build is run as is — it starts in a fraction of the time; otherwise
// the worker, being plain Node, loads the TypeScript through tsx itself, however the parent was started.
import { freshBuild } from '../bin/fresh-build.mjs';

const built = freshBuild('audit-worker.mjs');
if (built) await import(built.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./audit-worker.ts');
}
