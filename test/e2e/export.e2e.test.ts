/**
 * Export from the real popup in Chromium: the popup audits a fixture report page, then each copy
 * button puts the expected flavours on the system clipboard (read back here: text/plain TSV and
 * text/html table for the tables, text for JSON and the memo), and "save CSV" downloads a file whose
 * bytes start with the UTF-8 BOM and read back to exactly the audited cells.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { longCsv, LONG_COLUMNS } from '../../lib/export/csv';
import { isAmount } from '../../lib/export/layout';
import { tableTsv, tablesTsv } from '../../lib/export/tsv';
import { exportFileName } from '../../lib/export/index';
import { auditJson } from '../../lib/export/json';
import { memo } from '../../lib/export/memo';
import type { AuditResult } from '../../lib/model/schema';
import { statutoryCells } from '../../lib/model/statutory';
import { readDelimited, unguard } from '../export/helpers';
import { launchWithExtension, type ExtensionSession, type FixtureServer } from './harness';
import { auditWithPopup, FAULT_PAGE, openTab, RESOLVER_ARGS, serveSite } from './gouji';

interface Clip {
  types: string[];
  plain: string | null;
  html: string | null;
}

/** Everything on the clipboard, read in the popup's own document (needs clipboard-read). */
async function readClipboard(page: Page): Promise<Clip> {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items[0];
    if (!item) return { types: [], plain: null, html: null };
    const get = async (type: string) => (item.types.includes(type) ? (await item.getType(type)).text() : null);
    return { types: [...item.types].sort(), plain: await get('text/plain'), html: await get('text/html') };
  });
}

/** The <table>s of an HTML flavour, as spans and texts, read by the browser's own parser. */
async function tablesOf(page: Page, html: string): Promise<{ spans: [number, number][]; cells: Record<string, string> }[]> {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    return [...doc.querySelectorAll('table')].map((t) => ({
      spans: [...t.querySelectorAll('td, th')].filter((c) => (c as HTMLTableCellElement).rowSpan > 1 || (c as HTMLTableCellElement).colSpan > 1).map((c) => [(c as HTMLTableCellElement).rowSpan, (c as HTMLTableCellElement).colSpan] as [number, number]),
      cells: Object.fromEntries([...t.querySelectorAll('td[data-cell]')].map((c) => [c.getAttribute('data-cell')!, c.textContent ?? ''])),
    }));
  }, html);
}

/** Clipboards hand text back with the line ends of the platform; compare records, not bytes. */
const lines = (s: string) => s.replace(/\r\n/g, '\n').replace(/\n$/, '');

describe('exporting from the popup', () => {
  let ext: ExtensionSession;
  let site: FixtureServer;
  let popup: Page;
  let result: AuditResult;
  let lang: 'zh' | 'en';

  beforeAll(async () => {
    site = await serveSite();
    ext = await launchWithExtension(undefined, { args: RESOLVER_ARGS });
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const audited = await auditWithPopup(ext, tab, { keepPopup: true });
    popup = audited.popup;
    result = audited.audit.main.result;
    lang = audited.audit.lang;
    // Playwright cannot name a chrome-extension:// origin (it parses as opaque): grant for every origin.
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.bringToFront();
    await popup.locator('#exports [data-export]').first().waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  async function press(action: string): Promise<string> {
    await popup.bringToFront();
    await popup.locator(`[data-export="${action}"]`).click();
    const status = popup.locator(`[data-export-status][data-export-action="${action}"]`);
    await status.waitFor();
    expect(await status.getAttribute('data-export-status'), await status.textContent() ?? '').toBe('ok');
    return (await status.textContent()) ?? '';
  }

  it('the popup shows the eight export buttons for a report with all three tables', async () => {
    expect(result.report).not.toBeNull();
    const actions = await popup.locator('#exports [data-export]').evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-export'), (b as HTMLButtonElement).disabled]));
    expect(actions).toEqual([
      ['active', false],
      ['applications', false],
      ['appeals', false],
      ['all', false],
      ['csv', false],
      ['json', false],
      ['memo', false],
      ['docx', false],
    ]);
  });

  for (const table of ['active', 'applications', 'appeals'] as const) {
    it(`copy table ${table}: one clipboard item with the TSV and the HTML table (merged headers kept)`, async () => {
      await press(table);
      const clip = await readClipboard(popup);
      expect(clip.types).toEqual(['text/html', 'text/plain']);
      expect(lines(clip.plain!)).toBe(lines(tableTsv(result.report!, table, { lang })));
      const [html, ...more] = await tablesOf(popup, clip.html!);
      expect(more).toEqual([]);
      const expected = Object.fromEntries(Object.entries(result.report!.cells).filter(([id]) => id.startsWith(`${table}/`)).map(([id, c]) => [id, isAmount(c) ? String(c.value) : c.raw]));
      // An amount pastes as its number (its unit in the 单位 column beside it); everything else as printed.
      expect(html!.cells).toEqual(expected);
      if (table === 'applications') expect(html!.spans).toContainEqual([3, 3]); // the 勾稽关系 corner
      if (table === 'appeals') expect(html!.spans.slice(0, 2)).toEqual([[1, 5], [1, 10]]); // 行政复议 | 行政诉讼
    });
  }

  it('copy all three: one item, three tables under their headings', async () => {
    await press('all');
    const clip = await readClipboard(popup);
    expect(lines(clip.plain!)).toBe(lines(tablesTsv(result.report!, undefined, { lang })));
    expect(await tablesOf(popup, clip.html!)).toHaveLength(3);
  });

  it('copy JSON: the --json array for this page, cells by canonical id', async () => {
    await press('json');
    const clip = await readClipboard(popup);
    // storage.session hands the result back with its keys reordered, so compare values, and the layout.
    expect(JSON.parse(clip.plain!)).toEqual(JSON.parse(auditJson([result])));
    expect(clip.plain!.startsWith('[\n  {\n    "source": ')).toBe(true);
    const [back] = JSON.parse(clip.plain!) as AuditResult[];
    expect(back!.report!.cells).toEqual(result.report!.cells);
    expect(Object.keys(back!.report!.cells)).toEqual(expect.arrayContaining(statutoryCells('applications', '2021').map((c) => c.id)));
  });

  it('copy memo: agency, year, then the findings with their cells and numbers', async () => {
    await press('memo');
    const clip = await readClipboard(popup);
    expect(clip.plain).toBe(memo([result], { lang }));
    expect(clip.plain).toContain(result.report!.agency!);
    expect(clip.plain).toContain('44');
  });

  it('save CSV: a download from the popup whose bytes start with the BOM and read back to the cells', async () => {
    // Record the name the popup gives its <a download> (the anchor is gone right after the click).
    await popup.evaluate(() => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        (window as unknown as { __downloadName: string }).__downloadName = this.download;
        click.call(this);
      };
    });
    const [download] = await Promise.all([popup.waitForEvent('download'), press('csv')]);
    const name = exportFileName(result, 'csv', lang);
    expect(await popup.evaluate(() => (window as unknown as { __downloadName: string }).__downloadName)).toBe(name);
    // Under CDP's download interception Chromium reports a non-ASCII download name as "download"
    // (an ASCII name such as x.csv comes through as is); the file's content is what is checked below.
    expect([name, 'download']).toContain(download.suggestedFilename());
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toBe(longCsv([result], { lang }));
    const [, ...rows] = readDelimited(text, ',');
    const col = (c: (typeof LONG_COLUMNS)[number]) => LONG_COLUMNS.indexOf(c);
    const back = Object.fromEntries(rows.map((r) => r.map(unguard)).map((r) => [r[col('cellId')]!, { raw: r[col('raw')]!, value: r[col('value')] === '' ? null : Number(r[col('value')]) }]));
    expect(back).toEqual(Object.fromEntries(Object.entries(result.report!.cells).map(([id, c]) => [id, { raw: c.raw, value: c.value }])));
  });

  it('a failed write is shown in the popup, with the browser’s reason', async () => {
    await popup.evaluate(() => {
      // A denied write, as Chrome reports it when the document has lost focus or permission.
      navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await popup.locator('[data-export="appeals"]').click();
    const status = popup.locator('[data-export-status][data-export-action="appeals"]');
    await expect.poll(() => status.getAttribute('data-export-status')).toBe('error');
    expect(await status.getAttribute('role')).toBe('alert');
    expect(await status.textContent()).toContain('NotAllowedError');
  });
});
