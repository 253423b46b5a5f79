/**
 * Audits many inputs with a bounded number at once (fetches overlap; parsing stays on this thread), one
 * bad input never stopping the rest. Results go to a sink as each finishes; the caller decides whether
 * to keep them (one JSON array) or stream them (NDJSON), so memory can stay flat.
 */
import { auditBytes, internalErrorResult, tooLargeResult, unreadableResult } from '../lib/audit';
import type { Lang } from '../lib/i18n/messages';
import type { AuditResult } from '../lib/model/schema';
import { DEFAULT_FETCH, readInput, type FetchOptions } from './read-input';

export interface BatchOptions {
  lang: Lang;
  concurrency: number;
  fetch: FetchOptions;
}

export async function auditOne(source: string, lang: Lang, fetchOptions: FetchOptions = DEFAULT_FETCH): Promise<AuditResult> {
  try {
    const input = await readInput(source, fetchOptions);
    if (input.ok) return auditBytes(input.bytes, source, { lang, charset: input.charset });
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
      const result = await auditOne(inputs[index]!, options.lang, options.fetch);
      sink(result, index);
      // Let timers (progress, fetch timeouts) run between CPU-bound audits.
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, inputs.length)) }, worker));
}
