/**
 * A report page that only links its report (a PDF or Word file): where that file is, and the one origin
 * the extension must be allowed to read to fetch it. Pure and tiny: the content script's panel uses it
 * to offer 审核附件, the report view to fetch, the CLI's batch to follow the link.
 */
import type { DocumentContext } from '../audit';

/** An attachment worth fetching in place of its page: the report as a PDF or Word file. */
export const DOCUMENT_LINK = /\.(?:pdf|docx?|wps)(?:$|[?#])/i;

/** The attachment's absolute http(s) address, or null (not a document, a javascript: link, a bad URL). */
export function attachmentUrl(href: string, pageUrl: string): string | null {
  if (!DOCUMENT_LINK.test(href)) return null;
  try {
    const url = new URL(href, pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The host permission to ask for, or null when the file is on the page's own origin (activeTab covers
 * it). Exactly that host: match patterns carry no port in Firefox, so the pattern names scheme and host.
 */
export function attachmentPermission(fileUrl: string, pageUrl: string): string | null {
  const file = new URL(fileUrl);
  return samePageOrigin(file, pageUrl) ? null : originPattern(fileUrl);
}

/** The match pattern of exactly a URL's host (any port, any path). */
export function originPattern(fileUrl: string): string {
  const file = new URL(fileUrl);
  return `${file.protocol}//${file.hostname}/*`;
}

function samePageOrigin(file: URL, pageUrl: string): boolean {
  let page: URL | null = null;
  try {
    page = new URL(pageUrl);
  } catch {
    // No page (opened by hand): ask.
  }
  return page !== null && page.origin === file.origin;
}

/** 审核附件's offer for a page that only links its report: the file, its page, what the page says of it. */
export interface AttachmentOffer {
  url: string;
  page: string;
  context: DocumentContext;
}

/** The offer for a page's attachment link, or null when the link is no file the report view can fetch. */
export function attachmentOffer(link: { href: string; context: DocumentContext } | undefined, pageUrl: string): AttachmentOffer | null {
  const url = link ? attachmentUrl(link.href, pageUrl) : null;
  return link && url ? { url, page: pageUrl, context: link.context } : null;
}

/** The report view's address parameters for an attachment and what its page says of the report. */
export function attachmentQuery(fileUrl: string, pageUrl: string, context: DocumentContext): URLSearchParams {
  const query = new URLSearchParams({ url: fileUrl, page: pageUrl });
  if (context.agency) query.set('agency', context.agency);
  if (context.year != null) query.set('year', String(context.year));
  if (context.published) query.set('published', context.published);
  return query;
}

/** The page's context back from the report view's address. */
export function contextFromQuery(query: URLSearchParams): DocumentContext | undefined {
  if (!query.has('page')) return undefined;
  const year = Number(query.get('year'));
  return { agency: query.get('agency'), year: Number.isInteger(year) && year > 0 ? year : null, published: query.get('published') };
}
