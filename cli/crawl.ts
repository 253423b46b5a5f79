/**
 * The network side of crawling (the discovery logic is lib/crawl/): fetches list pages politely — one
 * request at a time per host with a delay between them, a page cap, the batch's retries and timeout —
 * and hands each page to its SiteCrawl. Sites crawl in parallel, each host on its own.
 */
import { formatBytes, MAX_INPUT_BYTES } from '../lib/audit';
import { SiteCrawl, type CrawlNote } from '../lib/crawl/crawl';
import type { ReportLink } from '../lib/crawl/list-page';
import { decodeInput } from '../lib/extract/decode';
import { ruleMessageKey, t, type Lang } from '../lib/i18n/messages';
import { hostOf } from './host-gate';
import { readInput, type FetchOptions } from './read-input';

export interface CrawlRunOptions {
  maxPages: number;
  delayMs: number;
  fetch: FetchOptions;
  lang: Lang;
  /** Each report as found, once. */
  onReport: (report: ReportLink) => void;
  /** Each remark (a page that failed, a cap reached), as a ready message. */
  onNote: (message: string) => void;
}

export interface CrawlOutcome {
  reports: ReportLink[];
  pagesRead: number;
  pagesFailed: number;
  /** When each host was last asked (performance.now()): a batch auditing what was found keeps the delay from there. */
  lastRequestAt: Map<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function noteMessage(note: CrawlNote, lang: Lang): string {
  switch (note.kind) {
    case 'page-cap':
      return t('crawl_pageCap', { maxPages: note.maxPages, url: note.url }, lang);
    case 'claimed-pages':
      return t('crawl_claimedPages', { claimed: note.claimed, maxPages: note.maxPages, url: note.url }, lang);
    case 'repeating':
      return t('crawl_repeating', { url: note.url }, lang);
    case 'off-site':
      return t('crawl_offSite', { url: note.url }, lang);
  }
}

/** Crawls each start URL; start URLs of one host run one after another, hosts in parallel. */
export async function crawlSites(starts: readonly string[], options: CrawlRunOptions): Promise<CrawlOutcome> {
  const byHost = new Map<string, string[]>();
  for (const s of starts) {
    const host = hostOf(s);
    byHost.set(host, [...(byHost.get(host) ?? []), s]);
  }
  const outcome: CrawlOutcome = { reports: [], pagesRead: 0, pagesFailed: 0, lastRequestAt: new Map() };
  const printed = new Set<string>();
  await Promise.all(
    [...byHost.values()].map(async (hostStarts) => {
      let first = true;
      for (const start of hostStarts) {
        const crawl = new SiteCrawl(start, { maxPages: options.maxPages });
        let noted = 0;
        for (let url = crawl.next(); url; url = crawl.next()) {
          if (!first) await sleep(options.delayMs);
          first = false;
          const input = await readInput(url, options.fetch);
          outcome.lastRequestAt.set(hostOf(url), performance.now());
          if (!input.ok) {
            outcome.pagesFailed++;
            const why =
              input.rule === 'input.too-large'
                ? t(input.stoppedAt ? 'crawl_tooLargeStopped' : 'crawl_tooLarge', { size: formatBytes(input.size), limit: formatBytes(MAX_INPUT_BYTES) }, options.lang)
                : t(ruleMessageKey(`input.unreadable#${input.why.reason}`), input.why.params ?? {}, options.lang);
            options.onNote(t('crawl_failed', { url, why }, options.lang));
            continue;
          }
          const decoded = decodeInput(input.bytes, input.charset);
          outcome.pagesRead++;
          if (!decoded.ok || decoded.kind !== 'html') {
            options.onNote(t('crawl_notAList', { url }, options.lang));
            continue;
          }
          // Relative links and the same-site rule go by where the page is after redirects.
          for (const report of crawl.accept(url, decoded.text, input.url ?? url)) {
            if (printed.has(report.url)) continue;
            printed.add(report.url);
            outcome.reports.push(report);
            options.onReport(report);
          }
          for (; noted < crawl.notes.length; noted++) options.onNote(noteMessage(crawl.notes[noted]!, options.lang));
        }
        crawl.next();
        for (; noted < crawl.notes.length; noted++) options.onNote(noteMessage(crawl.notes[noted]!, options.lang));
        for (const [host, { count, url }] of crawl.offSiteReports) options.onNote(t('crawl_offSiteReports', { count, host, url }, options.lang));
        // Read, and no report in it: most likely not a 年报 list (a report itself, the site's home page).
        if (crawl.pagesReadCount > 0 && crawl.reports.length === 0) options.onNote(t('crawl_nothingListed', { url: start }, options.lang));
      }
    }),
  );
  return outcome;
}
