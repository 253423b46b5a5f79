/**
 * Runs `gouji …` in the test's own process: the same main() the binary calls, with stdout and stderr
 * captured. Tests that need many CLI runs use this instead of spawning a Node process per run, so a busy
 * machine slows them down a little instead of a lot (test/export/cli-package.test.ts and a few spawned
 * runs still prove the real binary).
 */
import { main } from '../../cli/main';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for binary formats. */
  bytes: Buffer;
}

type Write = typeof process.stdout.write;

function capture(chunks: Buffer[]): Write {
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as Write;
}

/** One run at a time: the captured streams are the process's own. */
let queue: Promise<unknown> = Promise.resolve();

export function gouji(args: string[]): Promise<CliRun> {
  const run = queue.then(async () => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const [stdoutWrite, stderrWrite] = [process.stdout.write, process.stderr.write];
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    let status: number;
    try {
      status = await main(args);
    } finally {
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
    }
    const bytes = Buffer.concat(out);
    return { status, stdout: bytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), bytes };
  });
  queue = run.catch(() => undefined);
  return run;
}
