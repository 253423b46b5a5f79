/**
 * The state of crawling one site's 年报 list: which list pages to read next, the reports found so far
 * (each once, in list order), and why it stopped early. Bounded whatever the site does: a page cap, no
 * page read twice, no page followed once it repeats pages already read (a list linking to itself
 * forever), and a pager claiming more pages than the cap is said, not obeyed. The caller fetches.
 */
import { parseListPage, sameSite, type ReportLink } from './list-page';

export interface CrawlOptions {
  /** List pages read at most, per start URL's site. */
  maxPages: number;
}

export type CrawlNote =
  | { kind: 'page-cap'; url: string; maxPages: number }
  | { kind: 'claimed-pages'; url: string; claimed: number; maxPages: number }
  | { kind: 'repeating'; url: string }
  | { kind: 'off-site'; url: string };

/** Pages in a row that list no new report before the crawl stops following their pagers. */
const EMPTY_RUN_LIMIT = 3;

export class SiteCrawl {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly reportUrls = new Set<string>();
  /** Final URLs of the pages read, and what each linked to (ListPage.contentLinks). */
  private readonly pagesRead = new Set<string>();
  private readonly contentSeen = new Set<string>();
  private readonly root: URL;
  private read = 0;
  private emptyRun = 0;
  private capNoted = false;
  readonly reports: ReportLink[] = [];
  readonly notes: CrawlNote[] = [];

  constructor(
    start: string,
    private readonly options: CrawlOptions,
  ) {
    this.root = new URL(start);
    this.enqueue(this.root.href);
  }

  private enqueue(url: string): void {
    const key = url.replace(/#.*$/, '');
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
  }

  /** List pages read and taken in (not failed, not off the site). */
  get pagesReadCount(): number {
    return this.pagesRead.size;
  }

  /** The next list page to fetch, or null when done. */
  next(): string | null {
    if (this.read >= this.options.maxPages) {
      if (this.queue.length && !this.capNoted) {
        this.capNoted = true;
        this.notes.push({ kind: 'page-cap', url: this.queue[0]!, maxPages: this.options.maxPages });
      }
      return null;
    }
    const url = this.queue.shift() ?? null;
    if (url) this.read++;
    return url;
  }

  private readonly offSiteSeen = new Set<string>();
  /** Report links the list gives to other sites, per host: how many, and the first (said once the crawl is done). */
  readonly offSiteReports = new Map<string, { count: number; url: string }>();
  private noteOffSiteReport(link: string): void {
    if (this.offSiteSeen.has(link)) return;
    this.offSiteSeen.add(link);
    const host = new URL(link).host.toLowerCase();
    const tally = this.offSiteReports.get(host);
    if (tally) tally.count++;
    else this.offSiteReports.set(host, { count: 1, url: link });
  }

  /** A fetched list page (`finalUrl`: after redirects). Returns the reports it added. */
  accept(url: string, html: string, finalUrl = url): ReportLink[] {
    const at = new URL(finalUrl);
    if (!sameSite(at, this.root)) {
      this.notes.push({ kind: 'off-site', url: finalUrl });
      return [];
    }
    // A page redirected to is read now: a pager leading back to it is not followed, and a second
    // redirect to it is a repeat.
    if (this.pagesRead.has(at.href)) {
      this.notes.push({ kind: 'repeating', url });
      return [];
    }
    this.pagesRead.add(at.href);
    this.queued.add(at.href);
    const page = parseListPage(html, at.href, this.options.maxPages);
    if (page.claimedPages !== null && page.claimedPages > this.options.maxPages && !this.notes.some((n) => n.kind === 'claimed-pages')) {
      this.notes.push({ kind: 'claimed-pages', url, claimed: page.claimedPages, maxPages: this.options.maxPages });
    }
    for (const link of page.offSiteReports) this.noteOffSiteReport(link);
    const added = page.reports.filter((r) => !this.reportUrls.has(r.url));
    for (const r of added) {
      this.reportUrls.add(r.url);
      this.reports.push(r);
    }
    // A page whose reports were all listed before repeats a page already read when the rest of it is the
    // same too (a list linking to itself under new URLs). Reports alone do not decide: a sidebar's 最新年报
    // is on every page, beside pages of the list that list no report of their own. Pages that differ
    // but add nothing are bounded by EMPTY_RUN_LIMIT below.
    const content = page.contentLinks.join('\n');
    const repeated = this.contentSeen.has(content);
    this.contentSeen.add(content);
    if (page.reports.length > 0 && added.length === 0 && repeated) {
      this.notes.push({ kind: 'repeating', url });
      return added;
    }
    this.emptyRun = added.length ? 0 : this.emptyRun + 1;
    if (this.emptyRun >= EMPTY_RUN_LIMIT) {
      this.notes.push({ kind: 'repeating', url });
      return added;
    }
    for (const p of page.pages) if (sameSite(new URL(p), this.root)) this.enqueue(p);
    return added;
  }
}
