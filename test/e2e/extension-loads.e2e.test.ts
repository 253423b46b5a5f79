import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extraction } from '../../entrypoints/content/index';
import {
  E2E_EXTENSION_DIR,
  launchWithExtension,
  serveFixtures,
  type ExtensionSession,
  type FixtureServer,
} from './harness';

// The slice of `chrome.*` the service-worker snippets use. They run inside
// Chromium, not Node, so only types cross over.
interface ChromeInWorker {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  scripting: {
    executeScript(i: { target: { tabId: number }; files: string[] }): Promise<Array<{ result?: unknown }>>;
  };
}

type Messages = Record<string, { message: string } | undefined>;

/**
 * The messages.json Chromium actually uses. Debian's `chromium` ships only the
 * en-US UI (other languages are in the 119 MB `chromium-l10n`), so the popup is
 * in English there even though default_locale is zh_CN; with chromium-l10n
 * installed the harness's LANGUAGE=zh_CN makes it Chinese. Mirror Chrome's
 * lookup: exact locale, then the bare language, then default_locale.
 */
async function resolvedMessages(extensionPage: Page): Promise<Messages> {
  const ui = await extensionPage.evaluate(() =>
    (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }).chrome.i18n.getMessage(
      '@@ui_locale',
    ),
  );
  const dir = join(E2E_EXTENSION_DIR, '_locales');
  for (const locale of [ui, ui.split('_')[0] ?? ui, 'zh_CN']) {
    try {
      return JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Messages;
    } catch {
      // not shipped for this locale; fall through
    }
  }
  throw new Error(`no messages.json for ${ui} or zh_CN under ${dir}`);
}

describe('the built extension in Chromium', () => {
  let ext: ExtensionSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures();
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openFixture(path: string): Promise<{ url: string; tabId: number }> {
    const url = server.url(path);
    const page = await ext.context.newPage();
    await page.goto(url);
    const tabId = await ext.serviceWorker.evaluate(async (u) => {
      const chrome = (globalThis as unknown as { chrome: ChromeInWorker }).chrome;
      const [tab] = await chrome.tabs.query({ url: u });
      return tab?.id;
    }, url);
    if (tabId == null) throw new Error(`no tab found for ${url}`);
    return { url, tabId };
  }

  it('loads with a service worker and the expected permissions', () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'clipboardWrite', 'storage']);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('keeps the test-only host permissions out of the shipped config', async () => {
    // wxt.config.ts reads GOUJI_E2E when imported; global setup builds in a
    // child process, so it is unset here unless someone exported it.
    expect(process.env.GOUJI_E2E).toBeUndefined();
    const { default: config } = await import('../../wxt.config');
    // The manifest is a function of the target browser: check the Chrome and the Firefox one.
    type Manifest = { host_permissions?: string[]; permissions?: string[] };
    const make = config.manifest as unknown as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Manifest;
    for (const browser of ['firefox']) {
      const other = make({ browser, manifestVersion: 2, mode: 'production', command: 'build' });
      expect(other.host_permissions).toBeUndefined();
      expect(other.permissions).not.toContain('<all_urls>');
    }
    const manifest = make({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.permissions).not.toContain('<all_urls>');
  });

  it('injects the content script on demand and gets the walked page back', async () => {
    const { url, tabId } = await openFixture('two-tables.html');
    // activeTab cannot be granted without a real toolbar click; the e2e build's
    // localhost host permission stands in for it.
    const extraction = (await ext.serviceWorker.evaluate(async (id) => {
      const chrome = (globalThis as unknown as { chrome: ChromeInWorker }).chrome;
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: id },
        files: ['/content-scripts/content.js'],
      });
      return injection?.result;
    }, tabId)) as Extraction;
    expect(extraction.url).toBe(url);
    expect(extraction.frames).toHaveLength(1);
    expect(extraction.frames[0]!.page.meta.title).toBe('某某区人民政府2024年政府信息公开工作年度报告');
    expect(extraction.frames[0]!.page.tables).toHaveLength(2);
    expect(extraction.unreadable).toEqual([]);
  });

  it('renders the popup launcher, which audits the target tab as it opens', async () => {
    const { tabId } = await openFixture('two-tables.html');
    const popup = await ext.context.newPage();
    // ?tabId: opened as a tab, the popup would otherwise audit itself.
    await popup.goto(ext.extensionUrl(`popup.html?tabId=${tabId}`));
    const messages = await resolvedMessages(popup);
    expect(await popup.title()).toBe(messages.extName?.message);
    await popup.locator('#summary').waitFor();
    const button = popup.locator('#run-audit');
    expect(await button.textContent()).toBe(messages.popupRunAudit?.message);
    expect(['审核本页', 'Audit this page']).toContain(await button.textContent());
    // A partial report (tables 二 and 四 only): recognised, its missing parts counted as errors.
    expect(await popup.locator('[data-field=agency]').textContent()).toBe('某某区人民政府');
    expect(await popup.locator('[data-field=year]').textContent()).toBe('2024');
    expect(await popup.locator('[data-count=error]').textContent()).toMatch(/[1-9]/);
  });
});
