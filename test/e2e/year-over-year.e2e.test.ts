/**
 * The extension's year over year: audited reports join the local history (storage.local); auditing the
 * next year of the same agency shows the comparison in the panel, and the side-by-side extension page
 * compares any two reports of the history and clears it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanReport, followingYear } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';
import { auditWithPopup, openTab } from './gouji';
import { launchWithExtension, serveFixtures, type ExtensionSession, type FixtureServer } from './harness';

const first = cleanReport('2021', { seed: 61, year: 2022, agency: '测试县农业农村局' });
const pages = { '/yoy/2022.html': renderPage(first), '/yoy/2023.html': renderPage(followingYear(first)) };

describe('year over year in the extension', { timeout: 120_000 }, () => {
  let ext: ExtensionSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures(undefined, { routes: Object.fromEntries(Object.entries(pages).map(([path, html]) => [path, () => html])) });
    ext = await launchWithExtension();
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('keeps the reports, compares the next year with the last in the panel and on the side-by-side page', async () => {
    const older = await openTab(ext, server.url('/yoy/2022.html'));
    const { audit: first } = await auditWithPopup(ext, older);
    expect(first.comparison).toBeUndefined();
    const newer = await openTab(ext, server.url('/yoy/2023.html'));
    const { audit } = await auditWithPopup(ext, newer);
    expect(audit.comparison).toMatchObject({ previousSource: older.url, previousYear: 2022 });
    expect(audit.comparison!.findings.map((f) => f.rule)).toContain('text.repeated-section');
    const panel = await newer.page.evaluate(() => document.querySelector('gouji-root')?.shadowRoot?.querySelector('[data-comparison]')?.textContent ?? '');
    expect(panel).toMatch(/2022/);

    const side = await ext.context.newPage();
    await side.goto(ext.extensionUrl(`compare.html?old=${encodeURIComponent(older.url)}&new=${encodeURIComponent(newer.url)}`));
    await side.waitForFunction(() => (document.getElementById('view') as HTMLIFrameElement).srcdoc.length > 0);
    const srcdoc = await side.evaluate(() => (document.getElementById('view') as HTMLIFrameElement).srcdoc);
    expect(srcdoc).toContain('<tr class="rep">');
    expect(srcdoc).toContain('测试县农业农村局');
    await side.click('#clear');
    await side.waitForFunction(() => !(document.getElementById('empty') as HTMLElement).hidden);
    const stored = await side.evaluate(async () => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('gouji:history'));
    expect(stored['gouji:history']).toBeUndefined();
  });
});
