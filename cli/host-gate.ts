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
  private readonly queues = new Map<string, { indexes: number[]; head: number }>();
  /** Hosts free to start their next input, as a binary heap on that input's index: the earliest goes first. */
  private readonly ready: string[] = [];
  private readonly lastDone = new Map<string, number>();
  private wake: (() => void)[] = [];
  private left: number;

  /** `lastRequestAt`: when each host (as hostOf gives it) was last asked (performance.now()), say by the crawl that found the inputs. */
  constructor(
    sources: readonly string[],
    private readonly delayMs: number,
    lastRequestAt: ReadonlyMap<string, number> = new Map(),
  ) {
    sources.forEach((source, index) => {
      const host = hostOf(source);
      const queue = this.queues.get(host) ?? { indexes: [], head: 0 };
      queue.indexes.push(index);
      this.queues.set(host, queue);
    });
    for (const host of this.queues.keys()) this.push(host);
    for (const [host, at] of lastRequestAt) this.lastDone.set(host, at);
    this.left = sources.length;
  }

  /** The next input that may start now, the earliest in input order; null when none is left; waits while every host left is busy. */
  async next(): Promise<{ index: number; host: string } | null> {
    for (;;) {
      if (this.left === 0) return null;
      const host = this.pop();
      if (host === undefined) {
        await new Promise<void>((r) => this.wake.push(r));
        continue;
      }
      const queue = this.queues.get(host)!;
      const index = queue.indexes[queue.head++]!;
      this.left--;
      // A file holds nothing back: its queue stays ready. A host is ready again when its input ends (run()).
      if (!host) this.pushIfLeft(host);
      return { index, host };
    }
  }

  /** Runs an input's audit in its host's turn: after the delay since that host was last asked. */
  async run<T>(host: string, job: () => Promise<T>): Promise<T> {
    if (!host) return job();
    const wait = (this.lastDone.get(host) ?? -Infinity) + this.delayMs - performance.now();
    if (wait > 0) await sleep(wait);
    try {
      return await job();
    } finally {
      this.lastDone.set(host, performance.now());
      this.pushIfLeft(host);
      const woken = this.wake;
      this.wake = [];
      for (const r of woken) r();
    }
  }

  private headOf(host: string): number {
    const queue = this.queues.get(host)!;
    return queue.indexes[queue.head]!;
  }

  private pushIfLeft(host: string): void {
    const queue = this.queues.get(host)!;
    if (queue.head < queue.indexes.length) this.push(host);
  }

  private push(host: string): void {
    const heap = this.ready;
    heap.push(host);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.headOf(heap[parent]!) <= this.headOf(heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private pop(): string | undefined {
    const heap = this.ready;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length && last !== undefined) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let least = i;
        if (l < heap.length && this.headOf(heap[l]!) < this.headOf(heap[least]!)) least = l;
        if (r < heap.length && this.headOf(heap[r]!) < this.headOf(heap[least]!)) least = r;
        if (least === i) break;
        [heap[least], heap[i]] = [heap[i]!, heap[least]!];
        i = least;
      }
    }
    return top;
  }
}

export function hostOf(source: string): string {
  if (!isUrl(source)) return '';
  try {
    return new URL(source).host.toLowerCase();
  } catch {
    return '';
  }
}
