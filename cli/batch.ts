/**
 * Audits many inputs with a bounded number at once (fetches overlap; parsing on this thread, or on
 * `workers` worker threads), one bad input never stopping the rest. Results go to a sink as each finishes; the caller decides whether
 * to keep them (one JSON array) or stream them (NDJSON), so memory can stay flat.
 */
import { dirname, resolve } from 'node:path';
import { addInputFinding, internalErrorResult, tooLargeResult, unreadableResult, type AuditOptions, type DetailedAudit, type DocumentContext } from '../lib/audit';
import { DOCUMENT_LINK } from '../lib/document/attachment';
import { auditFile } from '../lib/document/index';
import type { PageDoc } from '../lib/extract/page';
import type { Lang } from '../lib/i18n/messages';
import type { AuditResult } from '../lib/model/schema';
import { DEFAULT_FETCH, isUrl, readInput, type FetchOptions } from './read-input';
import { HostGate } from './host-gate';
import { WorkerPool } from './worker-pool';

export interface BatchOptions {
  lang: Lang;
  concurrency: number;
  fetch: FetchOptions;
  /** Worker threads to parse on (default 1: this thread). */
  workers?: number;
  /** Called with each input's text lines as read, before its result (the year-over-year comparison keeps them). */
  onLines?: (lines: string[], index: number) => void;
  /** Worker threads the caller started (with lines, if `onLines` is given) and closes: already loaded for a second batch; `workers` is then ignored. */
  pool?: WorkerPool;
  /** Given: one input at a time per host, this many ms between two of one host (HostGate). */
  hostDelayMs?: number;
  /** With hostDelayMs: when each host was last asked before the batch (the crawl that found its inputs). */
  hostLastRequestAt?: ReadonlyMap<string, number>;
}

/** The attachment's address: resolved against the page's URL, or beside the page's file. */
export function attachmentSource(href: string, page: string): string | null {
  try {
    if (isUrl(page)) return new URL(href, page).href;
    if (isUrl(href)) return href;
    // A scheme (javascript:, mailto:) or a path from the site's root, unknown for a saved file.
    if (/^[a-z][\w+.-]*:/i.test(href) || href.startsWith('/')) return null;
    return resolve(dirname(page), decodeURIComponent(href.split(/[?#]/)[0]!));
  } catch {
    return null;
  }
}

/** The audit, and where the input was read (a URL after its redirects: what its relative links resolve against). */
async function auditSource(source: string, lang: Lang, fetchOptions: FetchOptions, audit: AuditOptions, context?: DocumentContext): Promise<DetailedAudit & { readFrom: string }> {
  const input = await readInput(source, fetchOptions);
  if (!input.ok) return { result: input.rule === 'input.too-large' ? tooLargeResult(source, input.size, { lang }, input.stoppedAt) : unreadableResult(source, input.why, { lang }), sources: {}, readFrom: source };
  return { ...(await auditFile(input.bytes, source, { ...audit, lang, charset: input.charset, ...(context ? { context } : {}) })), readFrom: input.url ?? source };
}

/**
 * One input of any kind (page, PDF, Word). A report page whose report is only an attachment (a PDF or
 * Word file) has the attachment fetched and audited, under the page's agency, year and publication date.
 */
export async function auditOne(source: string, lang: Lang, fetchOptions: FetchOptions = DEFAULT_FETCH, options: AuditOptions = {}): Promise<AuditResult> {
  try {
    const audit = await auditSource(source, lang, fetchOptions, options);
    const link = audit.attachment;
    const target = link && DOCUMENT_LINK.test(link.href) ? attachmentSource(link.href, audit.readFrom) : null;
    if (!link || !target) return audit.result;
    const attached = await auditSource(target, lang, fetchOptions, options, link.context);
    // The attachment could not be read either: the page's own finding (naming the attachment) stays, with why.
    if (!attached.result.report) return { ...audit.result, findings: [...audit.result.findings, ...attached.result.findings] };
    addInputFinding(attached.result, { rule: 'input.attachment-audited', severity: 'info', params: { page: source }, cells: [] }, { lang });
    return attached.result;
  } catch (error) {
    return internalErrorResult(source, error, { lang });
  }
}

export async function runBatch(inputs: readonly string[], options: BatchOptions, sink: (result: AuditResult, index: number) => void): Promise<void> {
  let next = 0;
  const onLines = options.onLines;
  const threads = options.pool ? options.pool.size : Math.max(1, Math.min(options.workers ?? 1, inputs.length));
  const pool = options.pool ?? (threads > 1 ? new WorkerPool(threads, options.lang, options.fetch, !!onLines) : null);
  const audit = async (source: string, index: number): Promise<AuditResult> => {
    if (!pool) return auditOne(source, options.lang, options.fetch, onLines ? { onPage: (page) => onLines(page.lines, index) } : {});
    const { result, lines } = await pool.audit(source);
    if (lines) onLines?.(lines, index);
    return result;
  };
  // With workers, each keeps `concurrency` inputs in hand, so it is never idle while the others parse.
  const lanes = Math.max(1, Math.min(options.concurrency * threads, inputs.length));
  const gate = options.hostDelayMs === undefined ? null : new HostGate(inputs, options.hostDelayMs, options.hostLastRequestAt);
  const lane = async () => {
    for (;;) {
      const turn = gate ? await gate.next() : next < inputs.length ? { index: next++, host: '' } : null;
      if (!turn) return;
      const source = inputs[turn.index]!;
      const result = gate ? await gate.run(turn.host, () => audit(source, turn.index)) : await audit(source, turn.index);
      sink(result, turn.index);
      // Let timers (progress, fetch timeouts) run between CPU-bound audits.
      if (!pool) await new Promise((r) => setImmediate(r));
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    if (!options.pool) await pool?.close();
  }
}

/** Worker threads worth starting for a batch: one per core, none for a handful of inputs (a worker takes a moment to load). */
export function defaultWorkers(inputCount: number, cores: number): number {
  return inputCount < 16 ? 1 : Math.max(1, Math.min(cores, 8));
}
