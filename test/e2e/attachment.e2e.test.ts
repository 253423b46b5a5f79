/**
 * 审核附件 (issue 12, item 6): a report page that only links its report. The panel offers 审核附件; the
 * report view (an extension page: pdf.js in its worker, never in the content script) fetches the file and
 * shows its audit under the page's context. Same origin: nothing is asked (activeTab). Another origin: the
 * view asks, at the user's click, for exactly that host — the request is recorded here, since the e2e build
 * already holds test host permissions for 127.0.0.1 and localhost (a real request could not be answered
 * headless); the built manifest declares the optional origins and no host permission of its own.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWithPopup, openTab } from './gouji';
import { E2E_EXTENSION_DIR, launchWithExtension, ROOT, serveFixtures, type ExtensionSession, type FixtureServer } from './harness';

const SHOTS = join(ROOT, '.output/e2e-shots');

/** A page that says where its report is and links it, as agencies publish them. */
function linkingPage(agency: string, year: number, published: string, href: string): string {
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>
<p>发布日期：${published}　来源：${agency}</p><p>${title}详见附件。</p>
<p>附件：<a href="${href}">${title}.pdf</a></p></body></html>`;
}

/** Records permissions.request in extension pages and reports nothing granted, so the view must ask. */
const RECORD_PERMISSION_REQUESTS = () => {
  if (location.protocol !== 'chrome-extension:') return;
  const w = window as unknown as { chrome: { permissions: object }; __requests: unknown[] };
  w.__requests = [];
  Object.defineProperty(w.chrome.permissions, 'contains', { configurable: true, value: async () => false });
  Object.defineProperty(w.chrome.permissions, 'request', {
    configurable: true,
    value: async (request: unknown) => {
      w.__requests.push(request);
      return true;
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
    await ext.context.addInitScript(RECORD_PERMISSION_REQUESTS);
  }, 120_000);
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openAttachment(path: string): Promise<Page> {
    const tab = await openTab(ext, server.url(path));
    await auditWithPopup(ext, tab);
    const button = tab.page.locator('gouji-root [data-action=audit-attachment]');
    expect(await button.textContent()).toMatch(/审核附件|Audit the attachment/);
    mkdirSync(SHOTS, { recursive: true });
    await tab.page.screenshot({ path: join(SHOTS, `attachment-panel${path.replace(/\W+/g, '-')}.png`) });
    const opened = ext.context.waitForEvent('page');
    await button.click();
    const view = await opened;
    await view.waitForLoadState();
    expect(view.url()).toContain(ext.extensionUrl('audit-file.html'));
    return view;
  }

  it('declares the optional origins, and no host permission beyond the test build’s', () => {
    const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, string[]>;
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'clipboardWrite', 'storage']);
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*', 'http://*.test/*']);
  });

  it('same origin: asks for nothing and shows the attachment’s audit in the report view', async () => {
    const view = await openAttachment('/same.html');
    const section = view.locator('section.file[data-file="report-2021-chromium.pdf"]');
    await section.locator('.finding.error').first().waitFor({ timeout: 60_000 });
    expect(await view.locator('[data-ask-origin]').count()).toBe(0);
    expect(await view.evaluate(() => (window as unknown as { __requests: unknown[] }).__requests)).toEqual([]);
    expect(await section.locator('.finding.error').count()).toBe(1);
    expect(await section.locator('[data-cell="appeals/counts/review.total"].mark-error').count()).toBe(1);
    // The note that the attachment stands for its page.
    expect(await section.locator('.finding[data-rule="input.attachment-audited"]').textContent()).toContain(server.url('/same.html'));
    expect(await section.locator('[data-field=agency]').textContent()).toBe('江城市自然资源和规划局');
    await section.locator('.finding.error button').click();
    await expect.poll(() => section.locator('.selected').count()).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await view.screenshot({ path: join(SHOTS, 'attachment-same-origin.png') });
    await view.close();
  }, 120_000);

  it('another origin: asks at the click for exactly that host, then audits under the page’s context', async () => {
    const view = await openAttachment('/other.html');
    const ask = view.locator('[data-ask-origin]');
    await ask.waitFor({ timeout: 90_000 });
    expect(await ask.getAttribute('data-ask-origin')).toBe('http://localhost/*');
    // Nothing asked, nothing fetched, before the click.
    expect(await view.evaluate(() => (window as unknown as { __requests: unknown[] }).__requests)).toEqual([]);
    expect(await view.locator('section.file').count()).toBe(0);
    await view.screenshot({ path: join(SHOTS, 'attachment-ask.png') });
    await ask.locator('[data-action=allow-origin]').click();
    const section = view.locator('section.file[data-file="hongze-2023.pdf"]');
    await section.locator('.finding.error').first().waitFor({ timeout: 60_000 });
    expect(await view.evaluate(() => (window as unknown as { __requests: unknown[] }).__requests)).toEqual([{ origins: ['http://localhost/*'] }]);
    expect(await section.locator('.finding.error').count()).toBe(2);
    // The PDF prints no publication date: the page's is the report's.
    expect(await section.locator('[data-field=published]').textContent()).toBe('2024-01-20');
    expect(await section.locator('[data-field=year]').textContent()).toBe('2023');
    expect(await view.locator('[data-ask-origin]').count()).toBe(0);
    await view.screenshot({ path: join(SHOTS, 'attachment-other-origin.png') });
    await view.close();
  }, 120_000);
});
