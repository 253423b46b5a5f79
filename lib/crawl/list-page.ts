/**
 * A 年报 column or list page → the reports it lists and the other pages of the list. Pure: HTML text
 * and its URL in, URLs out; the network stays in cli/. A link is a report when its text (or title
 * attribute, or the attachment's file name) names an annual report and a year; pagination is read from
 * 上一页/下一页/尾页 and numbered links, `?page=N` links, and the TRS CMS script
 * `createPageHTML(countPage, currentPage, "index", "htm")` that writes index_1.htm, index_2.htm ….
 */
import { parse } from 'parse5';
import { decodeWith } from '../extract/decode';

export interface ReportLink {
  url: string;
  title: string;
  /** 'page' for an article, else the attachment's kind. */
  kind: 'page' | 'pdf' | 'doc' | 'docx' | 'wps';
}

export interface ListPage {
  reports: ReportLink[];
  /** Other pages of the same list, in page order where known. */
  pages: string[];
  /** Pages a pager claims to exist (TRS countPage), when it says. */
  claimedPages: number | null;
  /** What the page links to on the site other than its pager (reports, other articles, navigation), sorted, each once: two pages alike here are the same page. */
  contentLinks: string[];
  /** Links titled as reports that lead to another site (not followed: said, so a site publishing on xxgk.… is not missed unknowingly). */
  offSiteReports: string[];
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** An annual report of information disclosure, by its title: 政府信息公开工作年度报告, 政务公开年报, 信息公开年度报告…. */
const REPORT_TITLE = /(信息公开|政务公开|政府信息).{0,12}(年度报告|年报|工作报告)|(年度报告|年报).{0,6}(信息公开|政务公开)|^\s*20\d{2}\s*年(度)?\s*(年度报告|年报)\s*$/;
const YEAR = /(?:19|20)\d{2}|[二〇○零一二三四五六七八九]{4}\s*年/;
const NAV_TEXT = /^(?:[<>«»‹›]+|上一?页|下一?页|首页|尾页|末页|最后一?页|第一页|前一页|后一页|next|prev(?:ious)?|last|first|\d{1,5})$/i;
/** 上一页/下一页/尾页 lead to another page of this list wherever it lives; 首页 may be the site's home, so not alone. */
const PAGER_WORD = /^(?:[<>«»‹›]+|上一?页|下一?页|尾页|末页|最后一?页|前一页|后一页|next|prev(?:ious)?|last)$/i;
const ATTACHMENT = /\.(pdf|docx?|wps)(?:$|[?#])/i;
/** createPageHTML(countPage, currentPage, "index", "htm") — numbers or the variables TRS declares above it. */
const TRS_CALL = /createPageHTML\s*\(\s*([\w$.]+)\s*,\s*([\w$.]+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/;
const PAGE_PARAM = /^(page|pageno|pagenum|pageindex|pn|curpage|currentpage|p)$/i;

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value ?? null;

function textOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  if (n.nodeName === 'script' || n.nodeName === 'style') return '';
  return (n.childNodes ?? []).map(textOf).join('');
}

function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.childNodes ?? []) yield* walk(c);
  if (n.content) yield* walk(n.content);
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * Where a scripted link goes: `javascript:openWin('/art/…html')`, `window.open("…")`, or an `onclick` doing the
 * same — the first quoted address in it (a path, or an http(s) URL); null when it names none.
 */
function scriptedTarget(script: string): string | null {
  const m = /["']((?:https?:\/\/|\.{0,2}\/)[^"'\s]+)["']/i.exec(script);
  return m ? m[1]! : null;
}

/** The link's address: its href, or what its script opens when the href is a script or a bare #. */
function linkTarget(n: Node): string | null {
  const href = attr(n, 'href');
  const scripted = href === null || /^\s*(?:javascript:|#)/i.test(href);
  if (!scripted) return href;
  return scriptedTarget(`${href ?? ''} ${attr(n, 'onclick') ?? ''}`);
}

/** A report's name carried in a download address's query (download.jsp?fileid=3&name=…年度报告.pdf). */
function queryName(u: URL): string | null {
  for (const value of u.searchParams.values()) if (isReportTitle(value)) return value.replace(/\.\w+$/, '');
  return null;
}

function resolveUrl(href: string, base: string): URL | null {
  const h = href.trim();
  if (!h || /^(javascript|mailto|tel|data):/i.test(h) || h.startsWith('#')) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u;
  } catch {
    return null;
  }
}

/** Same site: the same host name (http and https alike, www. or not). */
export function sameSite(a: URL, b: URL): boolean {
  const host = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');
  return host(a) === host(b);
}

export function isReportTitle(text: string): boolean {
  const s = squash(text);
  return REPORT_TITLE.test(s) && YEAR.test(s);
}

function attachmentKind(u: URL): ReportLink['kind'] {
  const m = ATTACHMENT.exec(u.pathname);
  return m ? (m[1]!.toLowerCase() as ReportLink['kind']) : 'page';
}

/** A page number from a `?page=N` style query, else null. */
function pageParam(u: URL): number | null {
  for (const [k, v] of u.searchParams) if (PAGE_PARAM.test(k) && /^\d{1,6}$/.test(v)) return Number(v);
  return null;
}

/** index.htm, index_3.htm: TRS list file names. */
function trsPageNumber(u: URL, stem: string, ext: string): number | null {
  const name = u.pathname.split('/').pop() ?? '';
  if (name === `${stem}.${ext}` || name === '') return 0;
  const m = new RegExp(`^${stem}_(\\d+)\\.${ext}$`).exec(name);
  return m ? Number(m[1]) : null;
}

function dir(u: URL): string {
  return u.pathname.replace(/[^/]*$/, '');
}

/** Is `u` another page of the list at `base` (same folder, a page-number shape), by its URL alone? */
function looksLikeListPage(u: URL, base: URL): boolean {
  if (!sameSite(u, base)) return false;
  if (pageParam(u) !== null && u.pathname === base.pathname) return true;
  if (dir(u) !== dir(base)) return false;
  const name = u.pathname.split('/').pop() ?? '';
  return /^(index|list|default)(_\d+)?\.s?html?$/i.test(name) || /\d+\.s?html?$/i.test(name) || name === '';
}

/**
 * An attachment's file name without its extension, percent-escapes decoded as UTF-8 or else as GBK (older
 * CMSs escape GBK bytes: %C4%EA%B1%A8 is 年报); null when it is neither (`100%.pdf`, stray bytes), so a
 * name that cannot be read is no ground for calling the link a report, and never an error.
 */
function decodedFileName(u: URL): string | null {
  const escaped = (u.pathname.split('/').pop() ?? '').replace(/\.\w+$/, '');
  if (/%(?![0-9a-f]{2})/i.test(escaped)) return null;
  // A URL's pathname is ASCII (the parser escapes the rest), so each character or escape is one byte.
  const bytes = Uint8Array.from(escaped.match(/%[0-9a-f]{2}|[^%]/gi) ?? [], (c) => (c.length === 3 ? parseInt(c.slice(1), 16) : c.charCodeAt(0)));
  return decodeWith(bytes, 'utf-8', true) ?? decodeWith(bytes, 'gb18030', true);
}

function isSiteHome(u: URL): boolean {
  return /^\/(index\.\w+)?$/i.test(u.pathname) && !u.search;
}

function scriptVar(scripts: string, name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  const m = new RegExp(`(?:var|let|const)?\\s*\\b${name.replace(/[$.]/g, '\\$&')}\\s*=\\s*["']?(\\d+)`).exec(scripts);
  return m ? Number(m[1]) : null;
}

/** parse5 builds a tree of all it is given: a longer page is parsed this much at a time, so its memory stays bounded. */
const PARSE_PIECE = 4_000_000;

/**
 * The page in pieces of at most PARSE_PIECE characters, each cut just after a link's end tag (else a tag's
 * end), so no link is split and the whole page is read; linear in its length, which the input cap bounds.
 */
function pieces(html: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (html.length - from > PARSE_PIECE) {
    const window = html.slice(from, from + PARSE_PIECE);
    const linkEnd = Math.max(window.lastIndexOf('</a>'), window.lastIndexOf('</A>'));
    const cut = linkEnd >= 0 ? linkEnd + 4 : window.lastIndexOf('>') + 1 || PARSE_PIECE;
    out.push(window.slice(0, cut));
    from += cut;
  }
  out.push(html.slice(from));
  return out;
}

/** The nodes of each piece in turn: one piece's tree is held at a time. */
function* nodesOf(html: string): Generator<Node> {
  for (const piece of pieces(html)) yield* walk(parse(piece) as unknown as Node);
}

/** `maxPages` bounds the pages a TRS pager may make us list (a pager may claim 10,000). */
export function parseListPage(html: string, pageUrl: string, maxPages = 100): ListPage {
  const base = new URL(pageUrl);
  const reports: ReportLink[] = [];
  const pages: string[] = [];
  const seenReports = new Set<string>();
  const seenPages = new Set<string>([base.href]);
  const contentLinks = new Set<string>();
  const offSiteReports = new Set<string>();
  const addPage = (u: URL) => {
    if (!seenPages.has(u.href)) {
      seenPages.add(u.href);
      pages.push(u.href);
    }
  };
  let scripts = '';
  for (const n of nodesOf(html)) {
    if (n.nodeName === 'script') scripts += `${(n.childNodes ?? []).map((c) => c.value ?? '').join('')}\n`;
    if (n.nodeName !== 'a') continue;
    const href = linkTarget(n);
    const u = href === null ? null : resolveUrl(href, base.href);
    if (!u) continue;
    const text = squash(textOf(n));
    const title = squash(attr(n, 'title') ?? '');
    if (!sameSite(u, base)) {
      if (/^https?:$/.test(u.protocol) && (isReportTitle(text) || isReportTitle(title))) offSiteReports.add(u.href);
      continue;
    }
    if (NAV_TEXT.test(text) || NAV_TEXT.test(title)) {
      if (looksLikeListPage(u, base) || (PAGER_WORD.test(text || title) && !isSiteHome(u))) addPage(u);
      continue;
    }
    contentLinks.add(u.href);
    const kind = attachmentKind(u);
    const fileName = kind === 'page' ? null : decodedFileName(u);
    const name = [title, text].find((s) => isReportTitle(s)) ?? (fileName !== null && isReportTitle(fileName) ? fileName : null) ?? queryName(u);
    if (name === null || seenReports.has(u.href)) continue;
    seenReports.add(u.href);
    reports.push({ url: u.href, title: name, kind });
  }
  let claimedPages: number | null = null;
  const trs = TRS_CALL.exec(scripts);
  if (trs) {
    const count = scriptVar(scripts, trs[1]!);
    const stem = trs[3]!;
    const ext = trs[4]!;
    if (count !== null && count > 0) {
      claimedPages = count;
      const folder = new URL('./', base);
      for (let i = 0; i < Math.min(count, maxPages); i++) addPage(new URL(i === 0 ? `${stem}.${ext}` : `${stem}_${i}.${ext}`, folder));
    }
  }
  return { reports, pages: pages.filter((p) => p !== base.href && !(trs && trsPageNumber(new URL(p), trs[3]!, trs[4]!) === trsPageNumber(base, trs[3]!, trs[4]!) && dir(new URL(p)) === dir(base))), claimedPages, contentLinks: [...contentLinks].sort(), offSiteReports: [...offSiteReports] };
}
