/**
 * Discovery on a local site (test/region/site.ts): the three pagination patterns, only the reports a
 * list lists (no navigation, no other articles, nothing off the site), attachments, one request at a time
 * per host, an anti-bot 412 said as such, a slow page timed out, and bounded work on hostile lists.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSites, type CrawlOutcome } from '../../cli/crawl';
import { isReportTitle, parseListPage } from '../../lib/crawl/list-page';
import { ATTACHMENTS, ENDLESS_BYTES, ESCAPED_ATTACHMENTS, REPORTS, startSite, type LocalSite } from './site';

const ROOT = join(import.meta.dirname, '../..');
const TIMEOUT = 120_000;
let site: LocalSite;

beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

async function crawl(paths: string[], opts: { maxPages?: number; timeoutMs?: number } = {}): Promise<CrawlOutcome & { notes: string[] }> {
  const notes: string[] = [];
  const outcome = await crawlSites(
    paths.map((p) => site.origin + p),
    { maxPages: opts.maxPages ?? 20, delayMs: 0, fetch: { timeoutMs: opts.timeoutMs ?? 10_000, retries: 1 }, lang: 'zh', onReport: () => {}, onNote: (m) => notes.push(m) },
  );
  return { ...outcome, notes };
}

function gouji(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => execFile(process.execPath, ['bin/gouji.mjs', ...args], { cwd: ROOT }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })));
}

const reportUrls = () => REPORTS.map((r) => site.origin + r.path);

describe('report links', () => {
  it('are told by title and year, not by position', () => {
    expect(isReportTitle('清河县财政局2023年政府信息公开工作年度报告')).toBe(true);
    expect(isReportTitle('二〇二三年度政务公开工作年报')).toBe(true);
    expect(isReportTitle('政府信息公开年报')).toBe(false); // the column's own name: navigation
    expect(isReportTitle('关于开展2024年政务公开培训的通知')).toBe(false);
    expect(isReportTitle('2023年政府工作报告')).toBe(false);
  });

  it('a list page gives its reports and attachments, nothing else', () => {
    const html = `<a href="/">首页</a><a href="nb.htm">政府信息公开年报</a><a href="/a/1.html">2023年度政府信息公开工作年度报告</a>
      <a href="/a/2.html">关于2023年预算的通知</a><a href="https://elsewhere.invalid/x.html">2023年政府信息公开工作年度报告</a>
      <a href="/f/%E5%B9%B4%E6%8A%A5.pdf" title="2022年政府信息公开工作年度报告">下载</a><a href="javascript:void(0)">2021年政府信息公开工作年度报告</a>`;
    const page = parseListPage(html, 'http://gov.invalid/nb/index.htm');
    expect(page.reports.map((r) => [r.url, r.kind])).toEqual([
      ['http://gov.invalid/a/1.html', 'page'],
      ['http://gov.invalid/f/%E5%B9%B4%E6%8A%A5.pdf', 'pdf'],
    ]);
    // Not followed, but kept to be said: a report link on another site (not the javascript: one).
    expect(page.offSiteReports).toEqual(['https://elsewhere.invalid/x.html']);
  });

  it('scripted links go where their script opens; a download address may carry the report’s name', () => {
    const html = `<a href="javascript:openWin('/art/2024/b.html')">2023年政府信息公开工作年度报告</a>
      <a href="#" onclick="window.open(&quot;./c.html&quot;)">2022年政府信息公开工作年度报告</a>
      <a href="javascript:void(0)" onclick="goPage(2)">2021年政府信息公开工作年度报告</a>
      <a href="/down/download.jsp?fileid=3&amp;name=2020年政府信息公开工作年度报告.pdf">点击下载</a>
      <a href="/down/download.jsp?fileid=4&amp;name=通知.pdf">点击下载</a>`;
    const page = parseListPage(html, 'http://gov.invalid/nb/index.htm');
    expect(page.reports.map((r) => [r.url, r.title])).toEqual([
      ['http://gov.invalid/art/2024/b.html', '2023年政府信息公开工作年度报告'],
      ['http://gov.invalid/nb/c.html', '2022年政府信息公开工作年度报告'],
      [`http://gov.invalid/down/download.jsp?fileid=3&name=${encodeURIComponent('2020年政府信息公开工作年度报告.pdf')}`, '2020年政府信息公开工作年度报告'],
    ]);
  });
});

describe('gouji crawl on a local site', () => {
  it('follows a TRS createPageHTML list (index_1.htm …) and finds pages and attachments', { timeout: TIMEOUT }, async () => {
    const out = await crawl(['/nianbao/index.htm']);
    expect(out.reports.map((r) => r.url)).toEqual([
      ...reportUrls().slice(0, 4),
      site.origin + encodeURI(ATTACHMENTS[0]!),
      ...reportUrls().slice(4),
      site.origin + ATTACHMENTS[1],
    ]);
    expect(out.reports.filter((r) => r.kind !== 'page').map((r) => r.kind)).toEqual(['pdf', 'docx']);
    expect(out.reports.some((r) => r.url.includes('art_900') || r.url.includes('other.invalid'))).toBe(false);
    expect(out.pagesFailed).toBe(0);
    // The report the list links on another site is said once, with its host, and not fetched.
    expect(out.notes.filter((n) => n.includes('other.invalid'))).toEqual([
      `列表中有 1 个年度报告链接在其他网站 other.invalid（如 ${new URL('http://other.invalid/art/2023年度政府信息公开工作年度报告.html').href}），未跟随；需要时从该网站的年报栏目另行运行`,
    ]);
    expect(out.notes.some((n) => n.includes('没有找到年度报告链接'))).toBe(false);
  });

  it('a start page that lists no report says it may not be a 年报 list', { timeout: TIMEOUT }, async () => {
    const out = await crawl(['/art/2024/1/20/art_101.html']);
    expect(out.reports).toEqual([]);
    expect(out.notes).toContain(`${site.origin}/art/2024/1/20/art_101.html 中没有找到年度报告链接：它是年报栏目或列表页吗？`);
  });

  it('follows 下一页/尾页 links and ?page=N lists', { timeout: TIMEOUT }, async () => {
    expect((await crawl(['/plain/list1.html'])).reports.map((r) => r.url)).toEqual(reportUrls());
    const query = await crawl(['/query/list?page=1']);
    expect(query.reports.map((r) => r.url)).toEqual(reportUrls());
    expect(query.pagesRead).toBe(2);
  });

  it('a list linking to itself forever stops; a pager claiming 10,000 pages is capped and said', { timeout: TIMEOUT }, async () => {
    const before = site.requests.length;
    const loop = await crawl(['/loop/list?page=0'], { maxPages: 50 });
    expect(loop.reports).toHaveLength(1);
    expect(site.requests.length - before).toBeLessThanOrEqual(3);
    expect(loop.notes.join('\n')).toContain('重复了已读过的列表内容');

    const huge = await crawl(['/huge/index.htm'], { maxPages: 5 });
    expect(huge.pagesRead).toBe(5);
    expect(huge.reports).toHaveLength(5); // index.htm's report and one on each of index_1 … index_4
    expect(huge.notes.join('\n')).toContain('声称共 10000 页，只读取前 5 页');
  });

  it('a report on every page (a sidebar\'s 最新年报) does not stop the pagination of pages that list other things', { timeout: TIMEOUT }, async () => {
    const out = await crawl(['/sidebar/list1.html']);
    expect(out.reports.map((r) => r.url)).toEqual(reportUrls().slice(0, 4));
    expect(out.pagesRead).toBe(3);
    expect(out.notes).toEqual([]);
  });

  it('an anti-bot 412 is reported as such; a slow page times out and the crawl goes on', { timeout: TIMEOUT }, async () => {
    const out = await crawl(['/mixed/index.htm', '/slow/index.htm'], { timeoutMs: 500 });
    expect(out.reports.map((r) => r.url)).toEqual([reportUrls()[0]]);
    expect(out.pagesFailed).toBe(2);
    const notes = out.notes.join('\n');
    expect(notes).toMatch(/blocked\/index\.htm.*412/);
    expect(notes).toMatch(/反爬虫|验证/);
    expect(notes).toMatch(/slow\/index\.htm.*(超时|0\.5)/);
  });

  it('attachment names escaped as GBK or with a bare % are found, not a crash; a name that is neither UTF-8 nor GBK names nothing', { timeout: TIMEOUT }, async () => {
    const out = await crawl(['/escaped/index.htm']);
    expect(out.reports.map((r) => [r.url, r.kind])).toEqual([
      [site.origin + ESCAPED_ATTACHMENTS.gbkTitled, 'pdf'],
      [site.origin + ESCAPED_ATTACHMENTS.percent, 'pdf'],
      [site.origin + ESCAPED_ATTACHMENTS.gbkNamed, 'pdf'],
    ]);
    expect(out.reports[2]!.title).toBe('清河县2021年政府信息公开工作年度报告');
    expect(out.pagesFailed).toBe(0);
  });

  it('a list redirected within the site is read where it landed; one redirected off the site is said, not read', { timeout: TIMEOUT }, async () => {
    const before = site.requests.length;
    const moved = await crawl(['/moved/']);
    expect(moved.reports.map((r) => r.url)).toEqual((await crawl(['/nianbao/index.htm'])).reports.map((r) => r.url));
    expect(moved.pagesFailed).toBe(0);
    // The page redirected to is not read again when its pager leads back to it: nothing said but the list's off-site report.
    expect(moved.notes.filter((n) => !n.includes('other.invalid'))).toEqual([]);
    expect(site.requests.slice(before).filter((p) => p === '/nianbao/index.htm')).toHaveLength(2); // once per crawl

    const away = await crawl(['/away/']);
    expect(away.reports).toEqual([]);
    expect(away.notes.join('\n')).toMatch(/localhost:\d+\/nianbao\/index\.htm 转到了其他网站/);
  });

  it('a list page over the size cap is said in MB against the cap; one of no declared length is read no further than the cap', { timeout: TIMEOUT }, async () => {
    const out = await crawl(['/bloated/index.htm', '/endless/index.htm']);
    expect(out.pagesFailed).toBe(2);
    const notes = out.notes.join('\n');
    expect(notes).toMatch(/bloated\/index\.htm：页面为 200\.0 MB，超过列表页 64\.0 MB 的大小上限/);
    expect(notes).toMatch(/endless\/index\.htm：页面超过列表页 64\.0 MB 的大小上限（下载到 6\d\.\d MB 时停止）/);
    expect(site.endlessSent.bytes).toBeLessThan(ENDLESS_BYTES / 2);
  });

  it('a list page longer than 4,000,000 characters is read to its end, a report across the parse cut included', { timeout: TIMEOUT }, async () => {
    const out = await crawl(['/long/index.htm']);
    expect(out.reports.map((r) => r.url)).toEqual([reportUrls()[2], reportUrls()[3]]);
    expect(out.pagesFailed).toBe(0);
    expect(out.notes).toEqual([]);
  });

  it('one request at a time per host', { timeout: TIMEOUT }, async () => {
    let open = 0;
    let most = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      most = Math.max(most, ++open);
      try {
        return await realFetch(...args);
      } finally {
        open--;
      }
    }) as typeof fetch;
    try {
      await crawl(['/nianbao/index.htm', '/plain/list1.html', '/query/list?page=1']);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(most).toBe(1);
  });

  it('the command prints report URLs one a line and nothing else', { timeout: TIMEOUT }, async () => {
    const run = await gouji(['crawl', '--delay', '0.05', `${site.origin}/plain/list1.html`, `${site.origin}/blocked/index.htm`]);
    expect(run.stdout.trim().split('\n')).toEqual(reportUrls());
    expect(run.stderr).toContain('412');
    expect(run.code).toBe(2);
  });

  it('an argument that starts like a URL but is none is named, in Chinese then English, exit 2', { timeout: TIMEOUT }, async () => {
    for (const bad of ['http://', 'http://exa mple.gov.cn/']) {
      const run = await gouji(['crawl', bad]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(/TypeError|Invalid URL|\n\s+at /);
      const zh = run.stderr.indexOf(`网址格式有误，无法解析：${bad}`);
      expect(zh).toBeGreaterThanOrEqual(0);
      expect(run.stderr.indexOf(`not a well-formed URL: ${bad}`)).toBeGreaterThan(zh);
    }
  });
});
