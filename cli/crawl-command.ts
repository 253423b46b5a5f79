/**
 * gouji crawl [options] URL…  (dispatched by cli/main.ts): from a site's 年报 column or list page, print
 * the URL of every report it lists (article pages and PDF/DOC/DOCX attachments), one a line, following
 * the list's pagination within the site. Remarks go to stderr. Exit 0; 2 if a list page could not be read.
 */
import type { Lang } from '../lib/i18n/messages';
import { t } from '../lib/i18n/messages';
import { crawlSites } from './crawl';
import { isUrl } from './read-input';
import { startCommand } from './help';

const USAGE = `用法 / usage: gouji crawl [options] URL…
  从年报栏目或列表页出发，沿站内分页找出所列的全部年度报告（网页与 PDF/DOC/DOCX 附件），每行一个网址。
  From a 年报 column or list page, follow its pagination within the site and print every report it lists.
  --max-pages N     list pages read at most per start URL (default 50)
  --delay S         seconds between two requests to one host (default 1)
  --timeout S       per request (default 30); failed requests are retried once, as in gouji audit
  --lang en         remarks in English (default: Chinese)`;

/** Polite by default: list pages read at most per start URL, seconds between two requests to one host (gouji audit --crawl too). */
export const CRAWL_DEFAULTS = { maxPages: 50, delayS: 1 } as const;

export interface CrawlArgs {
  starts: string[];
  maxPages: number;
  delayS: number;
  timeoutS: number;
  lang: Lang;
}

/** Said before --lang is known (it may come later): Chinese, then English. */
export const bothLanguages = (key: string, arg: string) => `${t(key, { arg }, 'zh')}\n${t(key, { arg }, 'en')}`;

/** `http://` or a host with a space starts like a URL but is none: said here, not thrown later. */
export function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

function parseArgs(argv: string[]): CrawlArgs | string {
  const o: CrawlArgs = { starts: [], ...CRAWL_DEFAULTS, timeoutS: 30, lang: 'zh' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--max-pages' || a === '--delay' || a === '--timeout') {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0 || (a !== '--delay' && n === 0)) return `${a} takes a positive number\n${USAGE}`;
      if (a === '--max-pages') o.maxPages = Math.floor(n);
      else if (a === '--delay') o.delayS = n;
      else o.timeoutS = n;
    } else if (a === '--lang') {
      const l = argv[++i];
      if (l !== 'zh' && l !== 'en') return `--lang takes zh or en\n${USAGE}`;
      o.lang = l;
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else if (!isUrl(a)) return `${bothLanguages('crawl_notUrl', a)}\n${USAGE}`;
    else if (!parses(a)) return `${bothLanguages('crawl_badUrl', a)}\n${USAGE}`;
    else o.starts.push(a);
  }
  return o.starts.length ? o : USAGE;
}

export async function crawlCommand(argv: string[]): Promise<number> {
  const args = startCommand(argv, 'crawl', parseArgs);
  if (typeof args === 'number') return args;
  const outcome = await crawlSites(args.starts, {
    maxPages: args.maxPages,
    delayMs: args.delayS * 1000,
    fetch: { timeoutMs: args.timeoutS * 1000, retries: 1 },
    lang: args.lang,
    onReport: (r) => process.stdout.write(`${r.url}\n`),
    onNote: (m) => process.stderr.write(`${m}\n`),
  });
  process.stderr.write(`${t('crawl_done', { reports: outcome.reports.length, pages: outcome.pagesRead, failed: outcome.pagesFailed }, args.lang)}\n`);
  return outcome.pagesFailed ? 2 : 0;
}
