/**
 * The 审核文件 page (issue 12, item 6): a PDF picked there is audited in the extension page — pdf.js in its
 * worker, never in the content script — and shown as the report view: the findings with their page, the
 * tables with the findings' cells marked, a finding selected → its cell scrolled into view.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTab } from './gouji';
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

  // Issue 16: selection sums on the redrawn tables, the panel's wording and arithmetic.
  it('adds up cells selected in the redrawn tables: click, shift-click, ctrl-click, drag, clear', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('audit-file.html'));
    await page.setInputFiles('#pick', [DOCX]);
    const docx = page.locator('section.file[data-file="report-2019.docx"]');
    await docx.locator('table[data-table="applications"]').waitFor({ timeout: 60_000 });
    const cell = (id: string) => docx.locator(`[data-cell="applications/${id}"]`);
    const text = (what: string) => docx.locator(`[data-sums] [${what}]`);
    const picked = () => docx.locator('.pick, .pick2').count();
    await cell('new/natural_person').click();
    expect(await text('data-sum').textContent()).toBe('已选 1 个单元格，求和 22');
    // Shift-click: the rectangle to the row's 其他组织 (22 + 12 + 0 + 0 + 6 + 2).
    await cell('new/other_org').click({ modifiers: ['Shift'] });
    expect(await text('data-sum').textContent()).toBe('已选 6 个单元格，求和 42');
    // Ctrl-click: a second selection, and the difference of the two.
    await cell('new/total').click({ modifiers: ['Control'] });
    expect(await text('data-sum').textContent()).toBe('已选 7 个单元格，求和 84');
    expect(await text('data-difference').textContent()).toBe('选区一 42 − 选区二 42 = 差 0');
    expect(await docx.locator('.pick2').count()).toBe(1);
    // A label is no number: counted apart, never read as 0.
    await docx.locator('tr:has(> [data-cell="applications/new/natural_person"]) > :first-child').click();
    expect(await text('data-sum').textContent()).toBe('已选 1 个单元格，求和 0');
    expect(await text('data-non-numeric').textContent()).toBe('1 个非数字单元格未计入');
    expect(await text('data-difference').count()).toBe(0);
    // Drag across the 上年结转 row (0 + 3 + 0 + 0 + 0 + 2 + 5).
    const from = (await cell('carried_over/natural_person').boundingBox())!;
    const to = (await cell('carried_over/total').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(await text('data-sum').textContent()).toBe('已选 7 个单元格，求和 10');
    expect(await picked()).toBe(7);
    await page.screenshot({ path: join(SHOTS, 'audit-file-sums.png') });
    await docx.locator('[data-action=clear-selection]').click();
    expect(await picked()).toBe(0);
    expect(await text('data-sum').count()).toBe(0);
    expect(await docx.locator('[data-sums] .hint').count()).toBe(1);
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

  // Clicking Gouji on a tab that shows a PDF in Chromium's viewer: the popup (here a tab with ?tabId, as
  // Playwright cannot click the toolbar icon) sees the PDF's address and opens the report view on it,
  // which fetches the PDF (the e2e build's host permission standing in for activeTab) and audits it.
  it('the popup on a tab showing a PDF opens the report view on that PDF: tables with marks, the findings list', async () => {
    const url = server.url('/hongze-2023.pdf');
    const tab = await openTab(ext, url);
    // The tab shows the PDF in the browser's viewer (not a download, not a page Gouji could script).
    expect(tab.url).toBe(url);
    expect(await tab.page.evaluate(() => document.contentType)).toBe('application/pdf');
    await tab.page.screenshot({ path: '/tmp/attach-pdf-tab.png' });
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/audit-file.html') });
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tabId=${tab.tabId}`));
    const view = await opened;
    expect(await popup.locator('#pdf-opened').textContent()).toBe('这是 PDF 文件：已在新标签页的报告视图中审核。');
    expect(view.url()).toBe(ext.extensionUrl(`audit-file.html?url=${encodeURIComponent(url)}`));
    const section = view.locator('section.file[data-file="hongze-2023.pdf"]');
    await section.locator('.finding.error').first().waitFor({ timeout: 60_000 });
    // The findings list: the two errors of table 四, each with its page.
    const errors = await section.locator('.finding.error').allTextContents();
    expect(errors).toHaveLength(2);
    expect(errors.every((t) => t.includes('第 4 页'))).toBe(true);
    // The three tables redrawn, the errors' cells marked in table 四.
    for (const table of ['active', 'applications', 'appeals']) expect(await section.locator(`table[data-table="${table}"]`).count()).toBe(1);
    expect(await section.locator('[data-cell="appeals/counts/review.total"].mark-error').count()).toBe(1);
    expect(await section.locator('[data-cell="appeals/counts/suit_after_review.total"].mark-error').count()).toBe(1);
    // No page linked it: no 审核附件 note, nothing asked.
    expect(await section.locator('.finding[data-rule="input.attachment-audited"]').count()).toBe(0);
    expect(await view.locator('[data-ask-origin]').count()).toBe(0);
    await view.screenshot({ path: '/tmp/attach-pdf-tab-findings.png' });
    await section.locator('[data-cell="appeals/counts/review.total"]').scrollIntoViewIfNeeded();
    await view.screenshot({ path: '/tmp/attach-pdf-tab-view.png' });
    await section.locator('.finding.error button').first().click();
    await expect.poll(() => section.locator('.selected').count()).toBe(1);
    await Promise.all([view.close(), popup.close(), tab.page.close()]);
  }, 120_000);

  // The view's side alone, opened on a PDF's address by hand.
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
