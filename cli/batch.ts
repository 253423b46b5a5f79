/**
 * Audits many inputs with a bounded number at once (fetches overlap; parsing stays on this thread), one
 * bad input never stopping the rest. Results go to a sink as each finishes; the caller decides whether
 * to keep them (one JSON array) or stream them (NDJSON), so memory can stay flat.
 */
import { auditBytes, internalErrorResult, tooLargeResult, unreadableResult, type AuditOptions } from '../lib/audit';
import type { PageDoc } from '../lib/extract/page';
import type { Lang } from '../lib/i18n/messages';
import type { AuditResult } from '../lib/model/schema';
import { DEFAULT_FETCH, readInput, type FetchOptions } from './read-input';

export interface BatchOptions {
  lang: Lang;
  concurrency: number;
  fetch: FetchOptions;
  /** Called with each input's page as read (the year-over-year comparison keeps its text). */
  onPage?: (page: PageDoc, index: number) => void;
}

export async function auditOne(source: string, lang: Lang, fetchOptions: FetchOptions = DEFAULT_FETCH, audit: AuditOptions = {}): Promise<AuditResult> {
  try {
    const input = await readInput(source, fetchOptions);
    if (input.ok) return auditBytes(input.bytes, source, { ...audit, lang, charset: input.charset });
    return input.rule === 'input.too-large' ? tooLargeResult(source, input.size, { lang }) : unreadableResult(source, input.why, { lang });
  } catch (error) {
    return internalErrorResult(source, error, { lang });
  }
}

export async function runBatch(inputs: readonly string[], options: BatchOptions, sink: (result: AuditResult, index: number) => void): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      const onPage = options.onPage;
      const result = await auditOne(inputs[index]!, options.lang, options.fetch, onPage ? { onPage: (page) => onPage(page, index) } : {});
      sink(result, index);
      // Let timers (progress, fetch timeouts) run between CPU-bound audits.
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, inputs.length)) }, worker));
}
