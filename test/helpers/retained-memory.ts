/**
 * Memory a step keeps, as ArrayBuffer bytes once garbage is gone. `arrayBuffers` right after a step also
 * counts garbage not yet collected (a refused 32 MB inflation's chunks), and even after a full collection V8
 * frees backing stores on a background thread: on a busy machine, later. So: collect, give the sweeper a
 * moment, and look again, until the figure is under `expectedBelow` or it has had every chance. What the step
 * really keeps never goes away, so a leak still fails.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A context made after the flag has `gc`; the test's own context was made before it.
const collect = runInNewContext('gc') as () => void;

const ROUNDS = 40;

async function collected(): Promise<number> {
  collect();
  await sleep(25);
  return process.memoryUsage().arrayBuffers;
}

/** ArrayBuffer bytes still held after `step` (negative if it freed some): the least seen over up to ROUNDS collections. */
export async function retainedArrayBuffers(step: () => unknown, expectedBelow: number): Promise<number> {
  // The baseline settled too: garbage of earlier tests freed late would otherwise make a leak look smaller.
  let before = await collected();
  for (let round = 0, previous = Infinity; round < ROUNDS && previous - before > 64 * 1024; round++) [previous, before] = [before, Math.min(before, await collected())];
  await step();
  let kept = Infinity;
  for (let round = 0; round < ROUNDS && kept >= expectedBelow; round++) kept = Math.min(kept, (await collected()) - before);
  return kept;
}
