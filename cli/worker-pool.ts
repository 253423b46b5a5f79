/**
 * Audits on worker threads, so parsing uses every core. Each worker takes several sources at once (their
 * fetches overlap); the pool hands the next source to the least busy worker. A worker that dies has its
 * sources answered as internal errors, never lost or waited for forever.
 */
import { Worker } from 'node:worker_threads';
import { internalErrorResult } from '../lib/audit';
import type { Lang } from '../lib/i18n/messages';
import type { AuditResult } from '../lib/model/schema';
import type { Job } from './audit-worker';
import type { FetchOptions } from './read-input';

const ENTRY = new URL('./audit-worker.mjs', import.meta.url);

/**
 * Each worker's young generation, three times V8's default of 48 MB. A page's parse5 tree outlives scavenges
 * of the default size, and isolates scavenging at once wait on the process's few V8 helper threads: with the
 * room, half the scavenges, and two warm workers went from 1.52× to 1.76× one (`npm run bench:batch`; one
 * thread alone gains nothing from it). The price: a worker may hold up to ~100 MB more.
 */
export const WORKER_YOUNG_GENERATION_MB = 144;

/** A result, and the page's text lines when asked for. */
export interface Audited {
  result: AuditResult;
  lines?: string[];
}

interface Slot {
  worker: Worker;
  pending: Map<number, { source: string; done: (r: Audited) => void }>;
  dead: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private nextId = 0;

  constructor(
    size: number,
    private readonly lang: Lang,
    private readonly fetch: FetchOptions,
    private readonly withLines = false,
  ) {
    this.slots = Array.from({ length: size }, () => this.spawn());
  }

  private spawn(): Slot {
    // The parent's own loader flags (vitest's, tsx's) are not for a plain worker: it registers tsx itself.
    const slot: Slot = { worker: new Worker(ENTRY, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }), pending: new Map(), dead: false };
    slot.worker.on('message', ({ id, result, lines }: { id: number } & Audited) => {
      const job = slot.pending.get(id);
      slot.pending.delete(id);
      job?.done({ result, lines });
    });
    const fail = (error: unknown) => {
      slot.dead = true;
      for (const job of slot.pending.values()) job.done({ result: internalErrorResult(job.source, error, { lang: this.lang }) });
      slot.pending.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`worker exited (${code})`)));
    return slot;
  }

  audit(source: string): Promise<Audited> {
    const alive = this.slots.filter((s) => !s.dead);
    if (!alive.length) return Promise.resolve({ result: internalErrorResult(source, new Error('no worker left'), { lang: this.lang }) });
    const slot = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((done) => {
      slot.pending.set(id, { source, done });
      const job: Job = { id, source, lang: this.lang, fetch: this.fetch, withLines: this.withLines };
      slot.worker.postMessage(job);
    });
  }

  get size(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => (s.dead ? undefined : s.worker.terminate())));
  }
}
