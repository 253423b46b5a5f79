/**
 * Politeness across a batch: one input at a time per host, and a delay between two inputs of one host (an
 * input's attachment is fetched within its turn). Inputs of other hosts, and files, go on meanwhile; within a
 * host, inputs start in their order. Decided on this thread, before an input goes to a worker, so the rule
 * holds however many workers fetch.
 */
import { isUrl } from './read-input';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class HostGate {
  /** Inputs not started, per host ('' for files: never held back), each queue in input order. */
  private readonly queues = new Map<string, number[]>();
  private readonly heads = new Map<string, number>();
  private readonly busy = new Set<string>();
  private readonly lastDone = new Map<string, number>();
  private wake: (() => void)[] = [];
  private left: number;

  constructor(
    sources: readonly string[],
    private readonly delayMs: number,
  ) {
    sources.forEach((source, index) => {
      const host = hostOf(source);
      const queue = this.queues.get(host) ?? [];
      queue.push(index);
      this.queues.set(host, queue);
    });
    for (const host of this.queues.keys()) this.heads.set(host, 0);
    this.left = sources.length;
  }

  /** The next input that may start now, the earliest in input order; null when none is left; waits while every host left is busy. */
  async next(): Promise<{ index: number; host: string } | null> {
    for (;;) {
      if (this.left === 0) return null;
      let best: string | null = null;
      let bestIndex = Infinity;
      for (const [host, queue] of this.queues) {
        const head = this.heads.get(host)!;
        if (head >= queue.length || (host && this.busy.has(host))) continue;
        if (queue[head]! < bestIndex) [best, bestIndex] = [host, queue[head]!];
      }
      if (best === null) {
        await new Promise<void>((r) => this.wake.push(r));
        continue;
      }
      this.heads.set(best, this.heads.get(best)! + 1);
      this.left--;
      if (best) this.busy.add(best);
      return { index: bestIndex, host: best };
    }
  }

  /** Runs an input's audit in its host's turn: after the delay since that host's last input ended. */
  async run<T>(host: string, job: () => Promise<T>): Promise<T> {
    if (!host) return job();
    const wait = (this.lastDone.get(host) ?? -Infinity) + this.delayMs - performance.now();
    if (wait > 0) await sleep(wait);
    try {
      return await job();
    } finally {
      this.lastDone.set(host, performance.now());
      this.busy.delete(host);
      const woken = this.wake;
      this.wake = [];
      for (const r of woken) r();
    }
  }
}

function hostOf(source: string): string {
  if (!isUrl(source)) return '';
  try {
    return new URL(source).host.toLowerCase();
  } catch {
    return '';
  }
}
