/**
 * 审核附件 (issue 12, item 6): a report page that only links its report. The panel shows 审核附件 as an
 * extension page framed in its shadow root (attachment.html); the report view (an extension page: pdf.js
 * in its worker, never in the content script) fetches the file and shows its audit under the page's
 * context. Same origin: nothing is asked (activeTab). Another origin: ONE click in the panel asks for
 * exactly that host, then the view opens on the file; refused, the view says so and offers to ask again.
 *
 * permissions.request is recorded in every extension document (pages and the framed button), since the
 * e2e build already holds test host permissions for 127.0.0.1 and localhost and a real prompt could not
 * be answered headless. The record is shared through storage.local, as a browser's grants are shared by
 * all of an extension's documents: what one frame was granted, the report view then holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TabAudit } from '../../entrypoints/content/protocol';
import { auditWithPopup, openTab, type Tab } from './gouji';
import { E2E_EXTENSION_DIR, launchWithExtension, ROOT, serveFixtures, type ExtensionSession, type FixtureServer } from './harness';

/** A page that says where its report is and links it, as agencies publish them. */
function linkingPage(agency: string, year: number, published: string, href: string): string {
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>
<p>发布日期：${published}　来源：${agency}</p><p>${title}详见附件。</p>
<p>附件：<a href="${href}">${title}.pdf</a></p></body></html>`;
}

const PERMISSIONS_KEY = 'e2e:permissions';

/** What the stand-in for the browser's permission prompt was asked, granted and told to refuse. */
interface PermissionRecord {
  /** Each request: its argument, the extension page it came from, and whether the user's click was still active. */
  requests: { origins: string[]; from: string; clickActive: boolean }[];
  granted: string[];
  refuse: string[];
}

/** Records permissions.request in extension documents; grants what is not listed in `refuse`. */
const RECORD_PERMISSION_REQUESTS = (key: string) => {
  if (location.protocol !== 'chrome-extension:') return;
  (window as unknown as { e2ePermissions: boolean }).e2ePermissions = true;
  const chrome = (window as unknown as { chrome: { permissions: object; storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
  type Record_ = { requests: unknown[]; granted: string[]; refuse: string[] };
  const read = async (): Promise<Record_> => ({ requests: [], granted: [], refuse: [], ...((await chrome.storage.local.get(key))[key] as Partial<Record_> | undefined) });
  Object.defineProperty(chrome.permissions, 'contains', {
    configurable: true,
    value: async (asked: { origins: string[] }) => {
      const { granted } = await read();
      return asked.origins.every((o) => granted.includes(o));
    },
  });
  Object.defineProperty(chrome.permissions, 'request', {
    configurable: true,
    value: async (asked: { origins: string[] }) => {
      // Read before any await: whether this runs in the click's user activation, as a real request must.
      const clickActive = (navigator as unknown as { userActivation?: { isActive: boolean } }).userActivation?.isActive ?? false;
      const record = await read();
      record.requests.push({ origins: asked.origins, from: location.pathname, clickActive });
      const granted = !asked.origins.some((o) => record.refuse.includes(o));
      if (granted) record.granted.push(...asked.origins);
      await chrome.storage.local.set({ [key]: record });
      return granted;
    },
  });
};

describe('审核附件 (a page that only links its report)', () => {
  let ext: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    let port = 0;
    server = await serveFixtures(join(ROOT, 'test/fixtures/documents'), {
      mounts: { '/docs/': join(ROOT, 'test/fixtures/documents') },
      routes: {
        '/same.html': () => linkingPage('江城市自然资源和规划局', 2022, '2023-01-14', '/docs/generated/report-2021-chromium.pdf'),
        // The same server under another name: another origin.
        '/other.html': () => linkingPage('洪泽区人民政府', 2023, '2024-01-20', `http://localhost:${port}/docs/hongze-2023.pdf`),
      },
    });
    port = server.port;
    ext = await launchWithExtension();
    await ext.context.addInitScript(RECORD_PERMISSION_REQUESTS, PERMISSIONS_KEY);
  }, 120_000);
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Starts each test with nothing asked and nothing granted; `refuse`: origins the user will refuse. */
  async function resetPermissions(refuse: string[] = []): Promise<void> {
    await ext.serviceWorker.evaluate(([key, value]) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ [key as string]: value }), [PERMISSIONS_KEY, { requests: [], granted: [], refuse }] as const);
  }
  async function permissionRecord(): Promise<PermissionRecord> {
    return ext.serviceWorker.evaluate(async (key) => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(key))[key] as PermissionRecord, PERMISSIONS_KEY);
  }
  beforeEach(() => resetPermissions());
  async function storedTab(tabId: number): Promise<TabAudit | undefined> {
    return ext.serviceWorker.evaluate(async (id) => (await (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as TabAudit | undefined, tabId);
  }

  /** Audits the page and returns the panel's 审核附件 frame, with the page's layout before and after. */
  async function panelWithAttachment(path: string, shot: string): Promise<{ tab: Tab; frame: FrameLocator }> {
    const tab = await openTab(ext, server.url(path));
    const layout = () => tab.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight, ...['h1', 'a'].flatMap((s) => Object.values(document.querySelector(s)!.getBoundingClientRect().toJSON()))]);
    const before = await layout();
    await auditWithPopup(ext, tab);
    const iframe = tab.page.locator('gouji-root .panel iframe.attachment');
    await iframe.waitFor();
    // The frame's address says nothing: no file, no page, and (dynamic URL) not even the extension's id.
    const src = (await iframe.getAttribute('src'))!;
    expect(new URL(src).pathname).toBe('/attachment.html');
    expect(new URL(src).search).toBe('');
    expect(src).not.toContain(ext.extensionId);
    expect(await iframe.getAttribute('title')).toBe('审核附件');
    const frame = tab.page.frameLocator('gouji-root .panel iframe.attachment');
    const button = frame.locator('button[data-action=audit-attachment]');
    expect(await button.textContent()).toBe('审核附件');
    // The whole button shows in its frame, and the frame sits in the fixed panel: the page did not move.
    const [box, frameBox] = [await button.boundingBox(), await iframe.boundingBox()];
    expect(box!.x >= frameBox!.x && box!.y >= frameBox!.y && box!.x + box!.width <= frameBox!.x + frameBox!.width && box!.y + box!.height <= frameBox!.y + frameBox!.height).toBe(true);
    expect(await layout()).toEqual(before);
    await tab.page.screenshot({ path: `/tmp/attach-${shot}.png` });
    // The frame's load is no navigation of the tab: the tab's audit (the frame's offer) is still kept.
    expect((await storedTab(tab.tabId))?.attachment?.url).toMatch(/\.pdf$/);
    return { tab, frame };
  }

  /** ONE click on 审核附件 in the panel; the report view it opens. */
  async function clickAttachment(frame: FrameLocator): Promise<Page> {
    const opened = ext.context.waitForEvent('page');
    await frame.locator('button[data-action=audit-attachment]').click();
    const view = await opened;
    await view.waitForLoadState();
    // A tab the extension opens can start before Playwright's init scripts reach it (seen on a loaded machine):
    // then it ran with the real permissions API. Loaded again, the same address runs with the stand-in.
    if (!(await view.evaluate(() => 'e2ePermissions' in window))) await view.reload();
    expect(view.url()).toContain(ext.extensionUrl('audit-file.html'));
    return view;
  }

  it('declares the optional origins, the framed button as its one web-accessible page, and no host permission beyond the test build’s', () => {
    const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'clipboardWrite', 'storage']);
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*', 'http://*.test/*']);
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['attachment.html'], matches: ['<all_urls>'], use_dynamic_url: true }]);
  });

  it('same origin: one click asks for nothing and shows the attachment’s audit in the report view', async () => {
    const { frame, tab } = await panelWithAttachment('/same.html', 'panel-same-origin');
    const view = await clickAttachment(frame);
    const section = view.locator('section.file[data-file="report-2021-chromium.pdf"]');
    await section.locator('.finding.error').first().waitFor({ timeout: 60_000 });
    expect(await view.locator('[data-ask-origin]').count()).toBe(0);
    expect((await permissionRecord()).requests).toEqual([]);
    expect(await section.locator('.finding.error').count()).toBe(1);
    expect(await section.locator('[data-cell="appeals/counts/review.total"].mark-error').count()).toBe(1);
    // The note that the attachment stands for its page.
    expect(await section.locator('.finding[data-rule="input.attachment-audited"]').textContent()).toContain(server.url('/same.html'));
    expect(await section.locator('[data-field=agency]').textContent()).toBe('江城市自然资源和规划局');
    await section.locator('.finding.error button').click();
    await expect.poll(() => section.locator('.selected').count()).toBe(1);
    await view.screenshot({ path: '/tmp/attach-view-same-origin.png' });
    await view.close();
    await tab.page.close();
  }, 120_000);

  it('Esc with focus in the 审核附件 frame closes the panel, as in the panel; the page posting the same message does not', async () => {
    const { frame, tab } = await panelWithAttachment('/same.html', 'panel-escape');
    const panel = tab.page.locator('gouji-root .panel');
    // The host page cannot pass for the frame: its message has the page's window as its source.
    await tab.page.evaluate(() => window.postMessage({ type: 'gouji:attachment-escape' }, '*'));
    await tab.page.waitForTimeout(200);
    expect(await panel.count()).toBe(1);
    await tab.page.bringToFront();
    // Focus in the frame's button, Esc pressed there (as a user tabbing into the panel would).
    await frame.locator('button[data-action=audit-attachment]').press('Escape', { timeout: 30_000 });
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(0);
    await tab.page.close();
  }, 120_000);

  it('another origin: ONE click in the panel asks for exactly that host, then the view audits under the page’s context', async () => {
    const { frame, tab } = await panelWithAttachment('/other.html', 'panel-other-origin');
    expect((await permissionRecord()).requests).toEqual([]);
    const view = await clickAttachment(frame);
    const section = view.locator('section.file[data-file="hongze-2023.pdf"]');
    await section.locator('.finding.error').first().waitFor({ timeout: 90_000 });
    // One request, from the framed button, in its click, for that host alone; the view did not ask again.
    expect((await permissionRecord()).requests).toEqual([{ origins: ['http://localhost/*'], from: '/attachment.html', clickActive: true }]);
    expect(await view.locator('[data-ask-origin]').count()).toBe(0);
    expect(await section.locator('.finding.error').count()).toBe(2);
    expect(await section.locator('[data-cell="appeals/counts/review.total"].mark-error').count()).toBe(1);
    // The PDF prints no publication date: the page's is the report's.
    expect(await section.locator('[data-field=published]').textContent()).toBe('2024-01-20');
    expect(await section.locator('[data-field=year]').textContent()).toBe('2023');
    await view.screenshot({ path: '/tmp/attach-view-other-origin.png' });
    await view.close();
    // Granted once, a second click asks nothing more.
    const again = await clickAttachment(frame);
    await again.locator('section.file[data-file="hongze-2023.pdf"] .finding.error').first().waitFor({ timeout: 90_000 });
    expect((await permissionRecord()).requests).toHaveLength(1);
    await again.close();
    await tab.page.close();
  }, 180_000);

  it('another origin refused: the view says so, reads nothing, and asks again at its button', async () => {
    await resetPermissions(['http://localhost/*']);
    const { frame, tab } = await panelWithAttachment('/other.html', 'panel-refused');
    const view = await clickAttachment(frame);
    const ask = view.locator('[data-ask-origin]');
    await ask.waitFor({ timeout: 90_000 });
    expect((await permissionRecord()).requests).toEqual([{ origins: ['http://localhost/*'], from: '/attachment.html', clickActive: true }]);
    expect(await ask.getAttribute('data-ask-origin')).toBe('http://localhost/*');
    expect(await ask.locator('.denied[role=alert]').textContent()).toBe('未获允许读取 http://localhost：附件未读取，也未审核。点击上面的按钮可再次请求。');
    expect(await ask.locator('[data-action=allow-origin]').textContent()).toBe('允许读取 http://localhost 并审核附件');
    expect(await view.locator('section.file').count()).toBe(0);
    await view.screenshot({ path: '/tmp/attach-view-refused.png' });
    // The user changes their mind: the view's button asks again, and the file is audited.
    await resetPermissions();
    await ask.locator('[data-action=allow-origin]').click();
    await view.locator('section.file[data-file="hongze-2023.pdf"] .finding.error').first().waitFor({ timeout: 90_000 });
    expect((await permissionRecord()).requests).toEqual([{ origins: ['http://localhost/*'], from: '/audit-file.html', clickActive: true }]);
    expect(await view.locator('[data-ask-origin]').count()).toBe(0);
    await view.close();
    await tab.page.close();
  }, 180_000);

  it('the report view opened some other way on another origin’s file asks at its own button', async () => {
    const page = server.url('/other.html');
    const file = `http://localhost:${server.port}/docs/hongze-2023.pdf`;
    const view = await ext.context.newPage();
    await view.goto(ext.extensionUrl(`audit-file.html?${new URLSearchParams({ url: file, page, agency: '洪泽区人民政府', year: '2023', published: '2024-01-20' })}`));
    const ask = view.locator('[data-ask-origin]');
    await ask.waitFor({ timeout: 90_000 });
    expect(await ask.getAttribute('data-ask-origin')).toBe('http://localhost/*');
    // Nothing asked, nothing fetched, before the click; not yet refused either.
    expect((await permissionRecord()).requests).toEqual([]);
    expect(await ask.locator('.denied').count()).toBe(0);
    expect(await view.locator('section.file').count()).toBe(0);
    await view.screenshot({ path: '/tmp/attach-view-ask.png' });
    await ask.locator('[data-action=allow-origin]').click();
    const section = view.locator('section.file[data-file="hongze-2023.pdf"]');
    await section.locator('.finding.error').first().waitFor({ timeout: 90_000 });
    expect((await permissionRecord()).requests).toEqual([{ origins: ['http://localhost/*'], from: '/audit-file.html', clickActive: true }]);
    expect(await section.locator('.finding.error').count()).toBe(2);
    expect(await section.locator('[data-field=published]').textContent()).toBe('2024-01-20');
    await view.close();
  }, 120_000);
});
