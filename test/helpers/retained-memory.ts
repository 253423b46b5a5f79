/**
 * Memory a step keeps, measured after a full collection on both sides: `arrayBuffers` alone also counts
 * garbage not yet collected (a refused 32 MB inflation's chunks), which made the figure depend on when V8
 * happened to collect — on a busy machine, after the measurement.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A context made after the flag has `gc`; the test's own context was made before it.
const collect = runInNewContext('gc') as () => void;

/** ArrayBuffer bytes still held after `step` (negative if it freed some), each side after a full collection. */
export async function retainedArrayBuffers(step: () => unknown): Promise<number> {
  collect();
  const before = process.memoryUsage().arrayBuffers;
  await step();
  collect();
  return process.memoryUsage().arrayBuffers - before;
}
