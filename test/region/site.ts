/**
 * A local government site on 127.0.0.1 for the crawl and roster tests: 年报 lists in the three
 * pagination patterns (TRS createPageHTML index_N.htm, 下一页/尾页 links, ?page=N), report pages that
 * are real rendered reports, PDF/DOCX attachments, a non-report article, navigation, links off the site,
 * an anti-bot 412, a slow page, a list that links to itself forever and a pager claiming 10,000 pages.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanReport, type FixtureReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

export interface SiteReport {
  path: string;
  report: FixtureReport;
}

const nav = `<div class="nav"><a href="/">首页</a> <a href="/nianbao/index.htm">政府信息公开年报</a> <a href="/zwgk/">政务公开</a> <a href="/guide.html">政府信息公开指南</a></div>`;
const offSite = `<li><a href="http://other.invalid/art/2023年度政府信息公开工作年度报告.html">外站：某市2023年政府信息公开工作年度报告</a></li>`;
const page = (body: string, script = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>${nav}<ul class="list">${body}</ul>${script}<div class="foot"><a href="/sitemap.html">网站地图</a></div></body></html>`;
const li = (href: string, title: string) => `<li><a href="${href}" title="${title}">${title}</a><span>2024-01-20</span></li>`;

const notices = (page: number) => [1, 2, 3].map((i) => li(`/art/notice/${page}_${i}.html`, `关于开展第${page}${i}期政务公开培训的通知`)).join('');
const sidebarPage = (latest: string, items: string, next: string | null) =>
  page(`<div class="side">最新年报<ul>${latest}</ul></div>${items}`, next ? `<div class="pager"><a href="${next}">下一页</a></div>` : '');

/** Every report the site's lists link to, by path; agencies as a county's units would be. */
export const REPORTS: SiteReport[] = [
  { path: '/art/2024/1/20/art_101.html', report: cleanReport('2021', { seed: 101, year: 2023, agency: '清河县财政局', published: '2024-01-20' }) },
  { path: '/art/2024/1/25/art_102.html', report: cleanReport('2021', { seed: 102, year: 2023, agency: '清河县教育局', published: '2024-01-25' }) },
  // Late: a department past 31 January.
  { path: '/art/2024/3/2/art_103.html', report: cleanReport('2021', { seed: 103, year: 2023, agency: '清河县卫生健康委员会', published: '2024-03-02' }) },
  { path: '/art/2024/3/20/art_104.html', report: cleanReport('2021', { seed: 104, year: 2023, agency: '清河县人民政府', published: '2024-03-20' }) },
  { path: '/art/2023/1/18/art_201.html', report: cleanReport('2021', { seed: 201, year: 2022, agency: '清河县财政局', published: '2023-01-18' }) },
  // Named by the alias the roster gives (县卫健委).
  { path: '/art/2023/1/28/art_202.html', report: cleanReport('2021', { seed: 202, year: 2022, agency: '清河县卫健委', published: '2023-01-28' }) },
];

export const ATTACHMENTS = ['/files/2022年清河县教育局政府信息公开工作年度报告.pdf', '/files/qhx-2021-nb.docx'];

/** Attachment links whose names are escaped in ways decodeURIComponent refuses: GBK bytes, a bare `%`. */
export const ESCAPED_ATTACHMENTS = {
  /** Named by its title attribute; the file name is GBK for 年报. */
  gbkTitled: '/files/%C4%EA%B1%A8.pdf',
  /** Named by its link text; `100%` is no escape at all. */
  percent: '/files/100%.pdf',
  /** Named only by its file name, GBK for 清河县2021年政府信息公开工作年度报告. */
  gbkNamed: '/files/%C7%E5%BA%D3%CF%D82021%C4%EA%D5%FE%B8%AE%D0%C5%CF%A2%B9%AB%BF%AA%B9%A4%D7%F7%C4%EA%B6%C8%B1%A8%B8%E6.pdf',
  /** Neither UTF-8 nor GBK, and 附件 names nothing: not a report. */
  undecodable: '/files/%FF%FE.pdf',
};

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  type?: string;
  body: string | Buffer;
  delayMs?: number;
  /** Answers by itself instead of sending `body`. */
  respond?: (res: ServerResponse) => void;
}

/** Where list-page.ts cuts a long page into pieces for parse5. */
const PARSE_PIECE = 4_000_000;

/** A list of 5 MB of notices: `across` straddles character 4,000,000, `last` ends the list. */
function longList(across: string, last: string): string {
  const notice = (i: number) => `<li><a href="/art/n/${i}.html">关于开展第${i}期政务公开培训的通知</a><span>2024-01-20</span></li>`;
  const before = page('').indexOf('</ul>');
  let filler = '';
  for (let i = 0; before + filler.length + notice(i).length < PARSE_PIECE - across.length / 2; i++) filler += notice(i);
  filler += ' '.repeat(PARSE_PIECE - across.length / 2 - before - filler.length);
  let after = '';
  for (let i = 100_000; after.length < 1_000_000; i++) after += notice(i);
  return page(filler + across + after + last);
}

/** What /endless/ sends at most: far past the input cap, so a client that does not stop reading is seen. */
export const ENDLESS_BYTES = 200 * 1024 * 1024;

/** A list page of no declared length that goes on: sent in 1 MB chunks as fast as the client reads, until it hangs up. */
function endless(res: ServerResponse, sent: { bytes: number }): void {
  const chunk = Buffer.alloc(1024 * 1024, ' ');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const pump = () => {
    while (sent.bytes < ENDLESS_BYTES && !res.destroyed) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function routes(base: string, endlessSent: { bytes: number }): Record<string, () => Answer> {
  const html = (body: string) => () => ({ body });
  const art = REPORTS.map((r) => li(r.path, `${r.report.agency}${r.report.year}年政府信息公开工作年度报告`));
  const trs = (count: number, current: number) => `<script>var countPage = ${count}//共多少页\nvar currentPage = ${current};\ncreatePageHTML(countPage, currentPage, "index", "htm");</script>`;
  return {
    // TRS: three pages, index.htm … index_2.htm, with a non-report article, an off-site link and attachments.
    '/nianbao/index.htm': html(page(`${art[0]}${li('/art/2024/2/1/art_900.html', '关于开展2024年政务公开培训的通知')}${art[1]}${offSite}`, trs(3, 0))),
    '/nianbao/index_1.htm': html(page(`${art[2]}${art[3]}<li><a href="${encodeURI(ATTACHMENTS[0]!)}">附件：2022年清河县教育局政府信息公开工作年度报告.pdf</a></li>`, trs(3, 1))),
    '/nianbao/index_2.htm': html(page(`${art[4]}${art[5]}<li><a href="${ATTACHMENTS[1]}">清河县2021年度政府信息公开工作年度报告（PDF下载：docx）</a></li>`, trs(3, 2))),
    // 下一页 / 尾页 links.
    '/plain/list1.html': html(page(`${art[0]}${art[1]}`, `<div class="pager"><span>1</span> <a href="list2.html">2</a> <a href="list2.html">下一页</a> <a href="list3.html">尾页</a></div>`)),
    '/plain/list2.html': html(page(`${art[2]}${art[3]}`, `<div class="pager"><a href="list1.html">上一页</a> <a href="list1.html">1</a> <span>2</span> <a href="list3.html">3</a> <a href="list3.html">下一页</a></div>`)),
    '/plain/list3.html': html(page(`${art[4]}${art[5]}`, `<div class="pager"><a href="list2.html">上一页</a> <a href="list1.html">首页</a></div>`)),
    // ?page=N.
    '/query/list?page=1': html(page(`${art[0]}${art[1]}${art[2]}`, `<div class="pager"><a href="?page=2">下一页</a> <a href="?page=2">尾页</a></div>`)),
    '/query/list?page=2': html(page(`${art[3]}${art[4]}${art[5]}`, `<div class="pager"><a href="?page=1">上一页</a></div>`)),
    // A column of notices and reports whose sidebar lists the latest report on every page; list2 lists no report of its own.
    '/sidebar/list1.html': html(sidebarPage(art[0]!, `${art[1]}${notices(1)}`, 'list2.html')),
    '/sidebar/list2.html': html(sidebarPage(art[0]!, notices(2), 'list3.html')),
    '/sidebar/list3.html': html(sidebarPage(art[0]!, `${art[2]}${art[3]}${notices(3)}`, null)),
    // A list whose 下一页 links to itself forever, with a new query each time.
    ...Object.fromEntries(Array.from({ length: 200 }, (_, n) => [`/loop/list?page=${n}`, html(page(art[0]!, `<a href="?page=${n + 1}">下一页</a>`))])),
    // A TRS pager claiming 10,000 pages.
    '/huge/index.htm': html(page(art[1]!, trs(10_000, 0))),
    // Attachments whose escaped names are not UTF-8.
    '/escaped/index.htm': html(
      page(
        `<li><a href="${ESCAPED_ATTACHMENTS.gbkTitled}" title="清河县2023年政府信息公开工作年度报告">下载</a></li><li><a href="${ESCAPED_ATTACHMENTS.percent}">清河县2022年政府信息公开工作年度报告</a></li>` +
          `<li><a href="${ESCAPED_ATTACHMENTS.gbkNamed}">附件</a></li><li><a href="${ESCAPED_ATTACHMENTS.undecodable}">附件</a></li>`,
      ),
    ),
    // A column moved within the site, and one moved to another site (localhost is another host name than 127.0.0.1).
    '/moved/': () => ({ status: 302, headers: { location: '/nianbao/index.htm' }, body: '' }),
    '/away/': () => ({ status: 302, headers: { location: `${base.replace('127.0.0.1', 'localhost')}/nianbao/index.htm` }, body: '' }),
    // List pages too large: one that says so (200 MB declared), one of no declared length that never ends.
    '/bloated/index.htm': () => ({ headers: { 'content-length': String(200 * 1024 * 1024) }, body: page(art[0]!) }),
    '/endless/index.htm': () => ({ body: '', respond: (res) => endless(res, endlessSent) }),
    // A list longer than one parse5 piece (4,000,000 characters): a report across the first cut, one at the end.
    '/long/index.htm': html(longList(art[2]!, art[3]!)),
    // An anti-bot gateway and a slow page.
    '/blocked/index.htm': () => ({ status: 412, body: '<html><body><script>/* challenge */</script></body></html>' }),
    '/slow/index.htm': () => ({ body: page(art[0]!), delayMs: 3000 }),
    '/mixed/index.htm': html(page(`${art[0]}`, `<a href="/blocked/index.htm">下一页</a>`)),
    ...Object.fromEntries(REPORTS.map((r) => [r.path, html(renderPage(r.report, {}))])),
    [ATTACHMENTS[0]!]: () => ({ type: 'application/pdf', body: Buffer.from('%PDF-1.4\n%…\n') }),
    [ATTACHMENTS[1]!]: () => ({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: Buffer.from('PK\u0003\u0004') }),
    '/base': html(base),
  };
}

/** Paths of /huge/ pages beyond index.htm answer a plain list page too, so a crawl that obeyed the pager would go on. */
function fallback(path: string): Answer | null {
  if (/^\/huge\/index_\d+\.htm$/.test(path)) return { body: page(li(`/art/huge/${path.replace(/\D/g, '')}.html`, `清河县某局2023年政府信息公开工作年度报告（第${path.replace(/\D/g, '')}页）`)) };
  return null;
}

/** Paths as the routes spell them (Chinese unescaped); an escape that is not UTF-8 stays as sent. */
function decodeRequestPath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

export interface LocalSite {
  origin: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Bytes /endless/index.htm has sent so far. */
  endlessSent: { bytes: number };
  close: () => Promise<void>;
}

export async function startSite(): Promise<LocalSite> {
  const requests: string[] = [];
  const endlessSent = { bytes: 0 };
  let table: ReturnType<typeof routes> = {};
  const server: Server = createServer((req, res) => {
    const url = decodeRequestPath(req.url ?? '/');
    requests.push(url);
    const hit = table[url]?.() ?? fallback(url.split('?')[0]!) ?? null;
    if (!hit) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>404</body></html>');
      return;
    }
    if (hit.respond) {
      hit.respond(res);
      return;
    }
    const send = () => res.writeHead(hit.status ?? 200, { 'content-type': hit.type ?? 'text/html; charset=utf-8', ...hit.headers }).end(hit.body);
    if (hit.delayMs) setTimeout(send, hit.delayMs);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(origin, endlessSent);
  return { origin, requests, endlessSent, close: () => new Promise((r) => server.close(() => r())) };
}
