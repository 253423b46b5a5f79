// Entry of a batch worker thread: the worker is plain Node, so it loads the TypeScript through tsx itself
// (however the parent was started: bin/gouji.mjs, tsx, vitest).
import { register } from 'tsx/esm/api';

register();
await import('./audit-worker.ts');
