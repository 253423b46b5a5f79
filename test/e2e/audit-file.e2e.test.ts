/**
 * The 审核文件 page (issue 12, item 6): a PDF picked there is audited in the extension page — pdf.js in its
 * worker, never in the content script — and shown as the report view: the findings with their page, the
 * tables with the findings' cells marked, a finding selected → its cell scrolled into view.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, ROOT, serveFixtures, type ExtensionSession, type FixtureServer } from './harness';

const SAMPLE = join(ROOT, 'test/fixtures/documents/hongze-2023.pdf');
const DOCX = join(ROOT, 'test/fixtures/documents/generated/report-2019.docx');
const SHOTS = join(ROOT, '.output/e2e-shots');

describe('审核文件 (audit files dropped or picked)', () => {
  let ext: ExtensionSession;
  beforeAll(async () => {
    ext = await launchWithExtension();
  }, 120_000);
  afterAll(async () => ext?.close());

  it('audits a picked PDF offline and shows the report view with the marks', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('audit-file.html'));
    await page.setInputFiles('#pick', [SAMPLE, DOCX]);
    const pdf = page.locator('section.file[data-file="hongze-2023.pdf"]');
    await pdf.locator('.finding.error').first().waitFor({ timeout: 60_000 });
    const errors = await pdf.locator('.finding.error').allTextContents();
    expect(errors).toHaveLength(2);
    expect(errors.every((t) => /第 4 页|page 4/.test(t))).toBe(true);
    expect(errors[0]).toContain('行政复议');
    // The cells the errors name are marked in the redrawn table 四.
    expect(await pdf.locator('[data-cell="appeals/counts/review.total"].mark-error').count()).toBe(1);
    await pdf.locator('.finding.error button').first().click();
    await expect.poll(() => pdf.locator('.selected').count()).toBe(1);
    const docx = page.locator('section.file[data-file="report-2019.docx"]');
    expect(await docx.locator('.finding.error').count()).toBe(0);
    expect(await docx.locator('table[data-table="applications"]').count()).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'audit-file.png'), fullPage: false });
  }, 120_000);
});

describe('a tab showing a PDF', () => {
  let ext: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    ext = await launchWithExtension();
    server = await serveFixtures(join(ROOT, 'test/fixtures/documents'));
  }, 120_000);
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  // Headless Chromium downloads a PDF instead of showing it, so the popup's step (a tab whose URL is a
  // PDF → tabs.create(audit-file.html?url=…)) is not driven here; the report view's side is: it fetches
  // the PDF (the e2e build's host permission standing in for activeTab) and audits it.
  it('the report view opened for a PDF tab fetches that PDF and audits it', async () => {
    const url = server.url('/hongze-2023.pdf');
    const view = await ext.context.newPage();
    await view.goto(ext.extensionUrl(`audit-file.html?url=${encodeURIComponent(url)}`));
    const section = view.locator('section.file[data-file="hongze-2023.pdf"]');
    await section.locator('.finding.error').first().waitFor({ timeout: 60_000 });
    expect(await section.locator('.finding.error').count()).toBe(2);
    expect(await section.locator('[data-cell="appeals/counts/suit_after_review.total"].mark-error').count()).toBe(1);
    await view.screenshot({ path: join(SHOTS, 'pdf-tab.png') });
  }, 120_000);
});
