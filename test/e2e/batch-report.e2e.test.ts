/**
 * The batch HTML report (`gouji audit --html FILE`) opened in Chromium: self-contained (no request
 * leaves the page), the charts drawn, the faulty cells of a report marked; a screenshot is written to
 * test-results/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { breakRowTotal, cleanReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

const ROOT = join(import.meta.dirname, '../..');

it('the batch HTML report renders offline with its charts and the faulty cells marked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-html-'));
  writeFileSync(join(dir, 'clean.html'), renderPage(cleanReport('2019', { seed: 8, year: 2020 }), { word: true }));
  writeFileSync(join(dir, 'fault.html'), renderPage(breakRowTotal(cleanReport('2021', { seed: 9, year: 2023 }), 'new', 3).report, {}));
  const out = join(dir, 'report.html');
  try {
    execFileSync('node', [join(ROOT, 'bin/gouji.mjs'), 'audit', '--html', out, dir], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // exit 1: the faulty page has error findings
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${out}`);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(2);
    await page.locator('details summary').last().click();
    const marked = page.locator('[data-cell="applications/new/total"]').last();
    const outline = await marked.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/batch-report.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
