/**
 * Audits many inputs with a bounded number at once (fetches overlap; parsing stays on this thread), one
 * bad input never stopping the rest. Results go to a sink as each finishes; the caller decides whether
 * to keep them (one JSON array) or stream them (NDJSON), so memory can stay flat.
 */
import { dirname, resolve } from 'node:path';
import { addInputFinding, internalErrorResult, tooLargeResult, unreadableResult, type AuditOptions, type DetailedAudit, type DocumentContext } from '../lib/audit';
import { auditFile } from '../lib/document/index';
import type { PageDoc } from '../lib/extract/page';
import type { Lang } from '../lib/i18n/messages';
import type { AuditResult } from '../lib/model/schema';
import { DEFAULT_FETCH, isUrl, readInput, type FetchOptions } from './read-input';

export interface BatchOptions {
  lang: Lang;
  concurrency: number;
  fetch: FetchOptions;
  /** Called with each input's page as read (the year-over-year comparison keeps its text). */
  onPage?: (page: PageDoc, index: number) => void;
}

/** An attachment worth fetching in place of its page: the report as a PDF or Word file. */
const DOCUMENT_LINK = /\.(?:pdf|docx?|wps)(?:$|[?#])/i;

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

async function auditSource(source: string, lang: Lang, fetchOptions: FetchOptions, audit: AuditOptions, context?: DocumentContext): Promise<DetailedAudit> {
  const input = await readInput(source, fetchOptions);
  if (!input.ok) return { result: input.rule === 'input.too-large' ? tooLargeResult(source, input.size, { lang }) : unreadableResult(source, input.why, { lang }), sources: {} };
  return auditFile(input.bytes, source, { ...audit, lang, charset: input.charset, ...(context ? { context } : {}) });
}

/**
 * One input of any kind (page, PDF, Word). A report page whose report is only an attachment (a PDF or
 * Word file) has the attachment fetched and audited, under the page's agency, year and publication date.
 */
export async function auditOne(source: string, lang: Lang, fetchOptions: FetchOptions = DEFAULT_FETCH, options: AuditOptions = {}): Promise<AuditResult> {
  try {
    const audit = await auditSource(source, lang, fetchOptions, options);
    const link = audit.attachment;
    const target = link && DOCUMENT_LINK.test(link.href) ? attachmentSource(link.href, source) : null;
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
