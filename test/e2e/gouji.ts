/**
 * Helpers for the extension's e2e tests: the fixture site (report pages, generated bad-input pages),
 * running an audit the way a user does (opening the popup on a tab), and reading what the extension
 * drew on a page (the overlay's open shadow root) back into plain data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { TabAudit } from '../../entrypoints/content/protocol';
import { bigPage } from '../fixtures/hostile';
import { PAGES_DIR } from '../fixtures/manifest';
import { ROOT, serveFixtures, type ExtensionSession, type FixtureServer } from './harness';

export const RESOLVER_ARGS = ['--host-resolver-rules=MAP gouji.test 127.0.0.1, MAP other.test 127.0.0.1'];

export function fixturePage(name: string): string {
  return readFileSync(join(PAGES_DIR, name), 'utf8');
}

/** Inserts markup before </head> (or </body>) of a page. */
function inject(html: string, where: '</head>' | '</body>' | '<body>', markup: string): string {
  const at = html.indexOf(where);
  if (at < 0) throw new Error(`no ${where}`);
  return where === '<body>' ? html.slice(0, at + where.length) + markup + html.slice(at + where.length) : html.slice(0, at) + markup + html.slice(at);
}

export const FAULT_PAGE = 'fault-row-total-2021.html';

/** Drops the doctype: the page renders in quirks mode. */
const quirks = (html: string) => html.replace(/^\s*<!doctype[^>]*>\s*/i, '');
const STICKY_CSS = '<style>.site-header { position: sticky; top: 0; z-index: 1000; height: 140px; background: #b71c1c; color: #fff; font-size: 28px; } .spacer { height: 1600px; }</style>';
const STICKY_BODY = '<header class="site-header">某某市人民政府门户网站</header><div class="spacer">导航</div>';
const CENTRED_CSS = '<style>.article { max-width: 1000px; margin: 0 auto; }</style>';
const FULL_WINDOW_CSS = '<style>body { margin: 0 } .report-table td, .report-table th { padding: 6px 4px !important; }</style>';
const LONG_QUERY = `channel=${'zfxxgkndbg'.repeat(8)}&articleId=${'8a8482c6'.repeat(12)}&sessionToken=${'x9'.repeat(40)}`;
/** Adds 1 to the 总计 of every result row of table 三 (the rows whose six terms are numbers). */
const COLUMN_RUN_SCRIPT = `<script>
  for (const table of document.querySelectorAll('table')) {
    if (!table.textContent.includes('予以公开')) continue;
    let n = 0;
    for (const tr of table.rows) {
      const cells = Array.from(tr.cells).slice(-7);
      if (cells.length < 7 || !cells.every((c) => /^\\d+$/.test(c.textContent.trim())) || /总计/.test(tr.textContent) || n >= 8) continue;
      const total = cells[6];
      total.textContent = String(Number(total.textContent.trim()) + 1);
      n++;
    }
  }
</script>`;

/** The fixture site: /pages/* from test/fixtures/pages, /gen/* generated bad-input pages. */
export async function serveSite(): Promise<FixtureServer> {
  let port = 0;
  let big: string | undefined;
  const base = fixturePage(FAULT_PAGE);
  const body = (html: string) => html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
  const server = await serveFixtures(join(ROOT, 'test', 'e2e', 'fixtures'), {
    mounts: { '/pages/': PAGES_DIR },
    routes: {
      // Page CSS that would hide any mark set as a style on the cells.
      '/gen/important.html': () =>
        inject(base, '</head>', '<style>td, th, tr, table { outline: 0 !important; box-shadow: none !important; border-color: #ccc !important; background: #fff !important; } * { outline: none !important; box-shadow: none !important; animation: none !important; }</style>'),
      // A page that reverts every change made to its content (attributes, inserted nodes).
      '/gen/mutation.html': () =>
        inject(
          base,
          '</body>',
          `<script>
            window.__undone = 0;
            window.__records = [];
            document.addEventListener('DOMContentLoaded', () => new MutationObserver((records, mo) => {
              mo.disconnect();
              for (const r of records) {
                window.__records.push(r.type + ' ' + (r.target.nodeName || '') + ' ' + (r.attributeName || '') + ' ' + Array.from(r.addedNodes).map((n) => n.nodeName).join(','));
                if (r.type === 'attributes') { r.oldValue === null ? r.target.removeAttribute(r.attributeName) : r.target.setAttribute(r.attributeName, r.oldValue); window.__undone++; }
                for (const n of r.addedNodes) { n.remove(); window.__undone++; }
              }
              mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true }));
          </script>`,
        ),
      // A sticky site header over the table, and the report far down the page.
      '/gen/sticky.html': () => inject(inject(base, '</head>', STICKY_CSS), '<body>', STICKY_BODY),
      // Tables built by script after load (a CMS that renders the article client-side).
      '/gen/scripted.html': () =>
        `<!doctype html><html><head><meta charset="utf-8"><title>${base.match(/<title>([^<]*)<\/title>/)?.[1] ?? ''}</title></head><body><div id="app">加载中…</div>` +
        `<script>const html = ${JSON.stringify(body(base)).replace(/</g, '\\u003c')};\nwindow.addEventListener('load', () => setTimeout(() => { document.getElementById('app').innerHTML = html; window.__built = true; }, 300));</script></body></html>`,
      '/gen/iframe-same.html': () =>
        `<!doctype html><html><head><meta charset="utf-8"><title>政务公开</title></head><body><h1>政务公开专栏</h1><p>年度报告见下方。</p><iframe id="report" src="/pages/${FAULT_PAGE}" style="width: 900px; height: 600px; border: 2px solid #999"></iframe></body></html>`,
      '/gen/iframe-cross.html': () =>
        `<!doctype html><html><head><meta charset="utf-8"><title>政务公开</title></head><body><h1>政务公开专栏</h1><iframe id="other" src="http://other.test:${port}/pages/${FAULT_PAGE}" style="width: 900px; height: 500px"></iframe></body></html>`,
      '/gen/frameset.html': () =>
        `<!doctype html><html><head><meta charset="utf-8"><title>政务公开</title></head><frameset cols="70%,30%"><frame name="main" src="/pages/${FAULT_PAGE}"><frame name="side" src="http://other.test:${port}/pages/plain-2021.html"></frameset></html>`,
      // No <!DOCTYPE>: quirks mode, as on many older agency sites (the body is the scrolling element),
      // with the report far down the page below a sticky header.
      '/gen/quirks.html': () => quirks(inject(inject(base, '</head>', STICKY_CSS), '<body>', STICKY_BODY)),
      // The same fault pages with the article in a centred column (as most sites lay it out), so a wide
      // window has room beside the report; `?quirks` drops the doctype.
      '/gen/centred.html': () => inject(base, '</head>', CENTRED_CSS),
      '/gen/centred-blanks.html': () => inject(fixturePage('fault-blank-zeros-2021.html'), '</head>', CENTRED_CSS),
      // The report's tables edge to edge across the window (no margin beside them), with roomy cells.
      '/gen/full-window.html': () => inject(base, '</head>', FULL_WINDOW_CSS),
      // Every row of table 三 with a wrong 总计: a column of error marks down one column.
      '/gen/column-run.html': () => inject(inject(base, '</head>', CENTRED_CSS), '</body>', COLUMN_RUN_SCRIPT),
      // A cross-origin frame with a long address (a CMS query string): the panel's notice must wrap it.
      '/gen/iframe-cross-long.html': () =>
        `<!doctype html><html><head><meta charset="utf-8"><title>政务公开</title></head><body><h1>政务公开专栏</h1><iframe id="other" src="http://other.test:${port}/pages/plain-2021.html?${LONG_QUERY}" style="width: 600px; height: 300px"></iframe><iframe id="report" src="/pages/${FAULT_PAGE}" style="width: 900px; height: 500px"></iframe></body></html>`,
      // A same-origin frame holding a quirks-mode report, itself in a quirks-mode page.
      '/gen/iframe-quirks.html': () =>
        `<html><head><meta charset="utf-8"><title>政务公开</title></head><body><h1>政务公开专栏</h1><div style="height: 700px">栏目导航</div><iframe id="report" src="/gen/quirks.html" style="width: 1000px; height: 700px; border: 2px solid #999"></iframe><div style="height: 1200px"></div></body></html>`,
      '/gen/big.html': () => (big ??= bigPage(20 * 1024 * 1024)),
      // A page whose own scripts throw, at load and on a timer (old CMS widgets do).
      '/gen/throws.html': () =>
        inject(base, '</body>', `<script>setInterval(() => { throw new Error('site widget failed'); }, 50); undefinedSiteFunction();</script>`),
      // A page that keeps changing its DOM while it is read: a news ticker, and a counter inside the report's text.
      '/gen/mutating.html': () =>
        inject(
          base,
          '</body>',
          `<div id="ticker"></div><script>
            let n = 0;
            const timer = setInterval(() => {
              const t = document.getElementById('ticker');
              t.innerHTML = '<p>滚动新闻 ' + (++n) + '</p>'.repeat(20);
              // Content above the report comes and goes, so the report moves while it is read.
              const p = document.createElement('p'); p.textContent = '访问量 ' + n; document.body.insertBefore(p, document.body.firstChild);
              if (n % 3 === 0) document.body.firstChild.remove();
            }, 5);
            setTimeout(() => { clearInterval(timer); window.__stopped = true; }, 2500);
          </script>`,
        ),
    },
  });
  port = server.port;
  return server;
}

export interface Tab {
  page: Page;
  tabId: number;
  url: string;
}

interface ChromeTabs {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
}

export async function openTab(ext: ExtensionSession, url: string): Promise<Tab> {
  const page = await ext.context.newPage();
  await page.goto(url);
  const tabId = await ext.serviceWorker.evaluate(async (u) => {
    const chrome = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
    const tabs = await chrome.tabs.query({});
    // The newest tab with this address (earlier tests may have left one open at the same URL).
    const ids = tabs.filter((t) => t.url === u && t.id != null).map((t) => t.id!);
    return ids.length ? Math.max(...ids) : undefined;
  }, page.url());
  if (tabId == null) throw new Error(`no tab for ${url}`);
  return { page, tabId, url: page.url() };
}

/**
 * Audits a tab the way a user does: the toolbar popup opens (here as a tab with ?tabId, since
 * Playwright cannot click the toolbar icon) and runs the audit. Returns the result the popup shows
 * (which is also what storage.session holds).
 */
export async function auditWithPopup(ext: ExtensionSession, tab: Tab, { keepPopup = false } = {}): Promise<{ audit: TabAudit; popup: Page; ms: number }> {
  const popup = await ext.context.newPage();
  const started = Date.now();
  await popup.goto(ext.extensionUrl(`popup.html?tabId=${tab.tabId}`));
  await popup.locator('#summary, #failed').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  const failed = await popup.locator('#failed').count();
  if (failed) throw new Error(`audit failed: ${await popup.locator('#failed').textContent()}`);
  const audit = await storedAudit(popup, tab.tabId);
  if (!audit) throw new Error('nothing stored for the tab');
  if (!keepPopup) await popup.close();
  await tab.page.bringToFront();
  return { audit, popup, ms };
}

export async function storedAudit(extensionPage: Page, tabId: number): Promise<TabAudit | null> {
  return extensionPage.evaluate(async (id) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    const got = await chrome.storage.session.get(`tab:${id}`);
    return (got[`tab:${id}`] as TabAudit | undefined) ?? null;
  }, tabId);
}

export interface DrawnMark {
  kind: string;
  selected: boolean;
  tag: string | null;
  /** Index in `document.querySelectorAll('td, th')` of the cell the box is drawn around, -1 if none. */
  cell: number;
}

/** The boxes drawn in a document, each matched to the cell it frames by geometry (box = cell + 2px). */
export async function drawnMarks(target: Page | Frame): Promise<DrawnMark[]> {
  return target.evaluate(() => {
    const host = document.querySelector('gouji-root');
    const boxes = Array.from(host?.shadowRoot?.querySelectorAll<HTMLElement>('.mark') ?? []);
    const cells = Array.from(document.querySelectorAll('td, th'));
    const rects = cells.map((c) => c.getBoundingClientRect());
    return boxes.map((b) => {
      const r = b.getBoundingClientRect();
      const cell = rects.findIndex((c) => c.width > 0 && Math.abs(c.left - 2 - r.left) < 1.5 && Math.abs(c.top - 2 - r.top) < 1.5 && Math.abs(c.right + 2 - r.right) < 1.5 && Math.abs(c.bottom + 2 - r.bottom) < 1.5);
      return { kind: b.dataset.kind ?? '', selected: b.classList.contains('selected'), tag: b.querySelector('.tag')?.textContent ?? null, cell };
    });
  });
}

/**
 * Finds the <td> of a canonical cell independently of the extension: the row whose label cell reads
 * `rowLabel`, then the `fromEnd`-th value cell counted from the row's end. Returns its index in
 * `document.querySelectorAll('td, th')`.
 */
export async function locateCell(target: Page | Frame, rowLabel: string, fromEnd: number): Promise<number> {
  return target.evaluate(
    ([label, back]) => {
      const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
      const all = Array.from(document.querySelectorAll('td, th'));
      for (const tr of Array.from(document.querySelectorAll('tr'))) {
        const own = Array.from(tr.children).filter((c) => c.localName === 'td' || c.localName === 'th');
        if (!own.some((c) => norm(c.textContent ?? '') === norm(label))) continue;
        const cell = own[own.length - 1 - back];
        if (cell) return all.indexOf(cell);
      }
      return -1;
    },
    [rowLabel, fromEnd] as const,
  );
}

/** Rectangles of every td/th, to prove drawing marks moved nothing. */
export async function cellBoxes(target: Page | Frame): Promise<number[][]> {
  return target.evaluate(() =>
    Array.from(document.querySelectorAll('td, th')).map((c) => {
      const r = c.getBoundingClientRect();
      return [r.left + scrollX, r.top + scrollY, r.width, r.height];
    }),
  );
}

/** Collects console errors and uncaught exceptions of a page (the page's own 404s excluded). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
