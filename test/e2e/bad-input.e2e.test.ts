/**
 * Bad input: every case ends in a clear message or a correct audit — never a frozen tab, a broken
 * host page or an error left in the console.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { loadManifest, type ReportEntry } from '../fixtures/manifest';
import { PDF_ONLY_HREF } from '../fixtures/hostile';
import { ROOT, launchWithExtension, type ExtensionSession, type FixtureServer } from './harness';
import { auditWithPopup, drawnMarks, FAULT_PAGE, locateCell, openTab, RESOLVER_ARGS, serveSite, watchConsole, type Tab } from './gouji';

const SHOTS = join(ROOT, 'test-results');
const fault = loadManifest().find((e): e is ReportEntry => e.file === `pages/${FAULT_PAGE}`)!;
/** The faulty cell of FAULT_PAGE (applications/new/total), found by its printed row label. */
const locateFault = (target: Tab['page'] | Frame) => locateCell(target, '一、本年新收政府信息公开申请数量', 0);

describe('bad input', () => {
  let ext: ExtensionSession;
  let site: FixtureServer;

  beforeAll(async () => {
    site = await serveSite();
    ext = await launchWithExtension(undefined, { args: RESOLVER_ARGS });
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  async function open(path: string): Promise<{ tab: Tab; errors: string[] }> {
    const tab = await openTab(ext, site.url(path));
    return { tab, errors: watchConsole(tab.page) };
  }

  it('a page with no tables says so', async () => {
    const { tab, errors } = await open('pages/hostile-no-tables.html');
    const { audit } = await auditWithPopup(ext, tab);
    expect(audit.main.result.report).toBeNull();
    const note = tab.page.locator('gouji-root [data-note=no-report]');
    expect(await note.textContent()).toBe(audit.main.result.findings[0]!.message);
    expect(await drawnMarks(tab.page)).toEqual([]);
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('a page whose report is an attachment names the attachment', async () => {
    const { tab } = await open('pages/hostile-pdf-only.html');
    await auditWithPopup(ext, tab);
    const text = await tab.page.locator('gouji-root [data-note=no-report]').textContent();
    expect(text).toContain('年政府信息公开工作年度报告.pdf');
    expect(text).toContain(PDF_ONLY_HREF());
    await tab.page.close();
  });

  it('page CSS with !important on td, outline and box-shadow cannot hide the marks', async () => {
    const { tab, errors } = await open('gen/important.html');
    await auditWithPopup(ext, tab);
    const marks = await drawnMarks(tab.page);
    expect(marks.map((m) => m.cell)).toEqual([await locateFault(tab.page)]);
    const style = await tab.page.evaluate(() => {
      const mark = document.querySelector('gouji-root')!.shadowRoot!.querySelector('.mark')!;
      const s = getComputedStyle(mark);
      return { border: s.borderTopStyle, width: s.borderTopWidth, pointer: s.pointerEvents, host: getComputedStyle(document.querySelector('gouji-root')!).zIndex };
    });
    expect(style).toEqual({ border: 'solid', width: '3px', pointer: 'none', host: '2147483647' });
    await tab.page.screenshot({ path: join(SHOTS, 'important-css.png') });
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('a page whose MutationObserver undoes changes is audited and left unchanged', async () => {
    const { tab, errors } = await open('gen/mutation.html');
    await auditWithPopup(ext, tab);
    expect((await drawnMarks(tab.page)).map((m) => m.cell)).toEqual([await locateFault(tab.page)]);
    // Nothing in the page's content changed, so the page had nothing to undo.
    expect(await tab.page.evaluate(() => (window as unknown as { __records: string[] }).__records)).toEqual([]);
    await tab.page.locator('gouji-root .finding').first().click();
    expect((await drawnMarks(tab.page)).some((m) => m.selected)).toBe(true);
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('a page that throws in its own scripts is audited; the only errors are the page\'s own', async () => {
    const { tab, errors } = await open('gen/throws.html');
    const { audit } = await auditWithPopup(ext, tab);
    expect(audit.main.result.report?.agency).toBe(fault.agency);
    expect((await drawnMarks(tab.page)).map((m) => m.cell)).toEqual([await locateFault(tab.page)]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !/site widget failed|undefinedSiteFunction/.test(e))).toEqual([]);
    await tab.page.close();
  });

  it('DOM mutations during the audit: the report is still read right and marked, the page keeps running', async () => {
    const { tab, errors } = await open('gen/mutating.html');
    const { audit } = await auditWithPopup(ext, tab);
    const cells = audit.main.result.report?.cells ?? {};
    for (const [id, value] of Object.entries(fault.cells)) expect(cells[id]?.value ?? null, id).toBe(value);
    // The page went on changing while it was read and marked; once it settles, the mark sits on its cell.
    expect(await tab.page.evaluate(() => (window as unknown as { __stopped?: boolean }).__stopped ?? false)).toBe(false);
    await tab.page.waitForFunction(() => (window as unknown as { __stopped?: boolean }).__stopped === true);
    await tab.page.waitForTimeout(100);
    expect((await drawnMarks(tab.page)).map((m) => m.cell)).toEqual([await locateFault(tab.page)]);
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('a sticky header: the selected cell comes to rest below it', async () => {
    const { tab, errors } = await open('gen/sticky.html');
    const { audit } = await auditWithPopup(ext, tab);
    const finding = audit.main.result.findings.find((f) => f.rule === 'applications.row-total')!;
    await tab.page.locator(`gouji-root .finding[data-finding="${finding.id}"]`).click();
    const cell = await locateFault(tab.page);
    const g = await tab.page.evaluate((i) => {
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      const td = document.querySelectorAll('td, th')[i]!.getBoundingClientRect();
      const panel = document.querySelector('gouji-root')!.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
      return { header: header.bottom, top: td.top, bottom: td.bottom, left: td.left, right: td.right, vh: innerHeight, panel: panel.toJSON() as DOMRect, scrollY };
    }, cell);
    expect(g.scrollY).toBeGreaterThan(1000);
    expect(g.top).toBeGreaterThanOrEqual(g.header);
    expect(g.bottom).toBeLessThanOrEqual(g.vh);
    expect(g.right <= g.panel.left || g.left >= g.panel.right).toBe(true);
    await tab.page.screenshot({ path: join(SHOTS, 'sticky-header.png') });
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('tables built by script after load: audited once they are there', async () => {
    const { tab, errors } = await open('gen/scripted.html');
    await tab.page.waitForFunction(() => (window as unknown as { __built?: boolean }).__built === true);
    const { audit } = await auditWithPopup(ext, tab);
    expect(audit.main.result.report?.agency).toBe(fault.agency);
    expect((await drawnMarks(tab.page)).map((m) => m.cell)).toEqual([await locateFault(tab.page)]);
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('markup and scripts in cells show as text and never run', async () => {
    const { tab, errors } = await open('pages/hostile-script-injection.html');
    const before = await tab.page.evaluate(() => ({ title: document.title, pwned: (window as unknown as { __gouji_pwned?: number }).__gouji_pwned }));
    const { audit } = await auditWithPopup(ext, tab);
    const finding = audit.main.result.findings.find((f) => f.rule === 'cell.not-a-number')!;
    expect(finding.message).toContain('<img src=x onerror=alert(1)>');
    const panel = await tab.page.evaluate(() => {
      const root = document.querySelector('gouji-root')!.shadowRoot!;
      return { text: root.textContent ?? '', elements: root.querySelectorAll('img, script, iframe, object').length };
    });
    expect(panel.text).toContain('<img src=x onerror=alert(1)>');
    expect(panel.elements).toBe(0);
    // The page's own scripts ran as they do without us; nothing of ours ran anything more.
    expect(await tab.page.evaluate(() => ({ title: document.title, pwned: (window as unknown as { __gouji_pwned?: number }).__gouji_pwned }))).toEqual(before);
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('a report in a same-origin iframe is found and marked in the frame', async () => {
    const { tab, errors } = await open('gen/iframe-same.html');
    const { audit } = await auditWithPopup(ext, tab);
    expect(audit.main.path).toEqual([0]);
    expect(audit.main.result.report?.agency).toBe(fault.agency);
    const frame = tab.page.frames().find((f) => f.url().endsWith(FAULT_PAGE))!;
    expect((await drawnMarks(frame)).map((m) => m.cell)).toEqual([await locateFault(frame)]);
    expect(await tab.page.locator('gouji-root [data-note=inframe]').count()).toBe(1);
    await tab.page.locator('gouji-root .finding').first().click();
    const visible = await frame.evaluate((i) => {
      const r = document.querySelectorAll('td, th')[i]!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, await locateFault(frame));
    expect(visible).toBe(true);
    await tab.page.locator('gouji-root [data-action=clear]').click();
    expect(await frame.locator('gouji-root').count()).toBe(0);
    expect(errors).toEqual([]);
    await tab.page.close();
  });

  it('a cross-origin iframe gets a message saying what could not be read', async () => {
    const { tab } = await open('gen/iframe-cross.html');
    const { audit } = await auditWithPopup(ext, tab);
    expect(audit.unreadable).toEqual([{ path: [0], src: `http://other.test:${site.port}/pages/${FAULT_PAGE}`, reason: 'cross-origin' }]);
    const note = await tab.page.locator('gouji-root [data-note="u0"]').textContent();
    expect(note).toContain(`http://other.test:${site.port}/pages/${FAULT_PAGE}`);
    await tab.page.close();
  });

  it('a frameset: the readable frame is audited, the cross-origin one named', async () => {
    const { tab } = await open('gen/frameset.html');
    const { audit } = await auditWithPopup(ext, tab);
    expect(audit.frameset).toBe(true);
    expect(audit.main.path).toEqual([0]);
    expect(audit.unreadable.map((u) => u.src)).toEqual([`http://other.test:${site.port}/pages/plain-2021.html`]);
    const frame = tab.page.frames().find((f) => f.url().endsWith(FAULT_PAGE))!;
    expect((await drawnMarks(frame)).map((m) => m.cell)).toEqual([await locateFault(frame)]);
    await tab.page.screenshot({ path: join(SHOTS, 'frameset.png') });
    await tab.page.close();
  });

  it('a 20 MB page is audited and the tab stays responsive', async () => {
    const { tab, errors } = await open('gen/big.html');
    // A heartbeat in the page: the longest gap between ticks is the longest the tab could not respond.
    await tab.page.evaluate(() => {
      const w = window as unknown as { __gap: number; __ticks: number };
      w.__gap = 0;
      w.__ticks = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - last);
        w.__ticks++;
        last = now;
      }, 20);
    });
    await tab.page.waitForTimeout(200);
    await tab.page.evaluate(() => Object.assign(window, { __gap: 0, __ticks: 0 }));
    const { audit, ms } = await auditWithPopup(ext, tab);
    expect(audit.main.result.report).not.toBeNull();
    await tab.page.locator('gouji-root .panel').waitFor();
    const gap = await tab.page.evaluate(() => (window as unknown as { __gap: number }).__gap);
    console.log(`20 MB page: audit ${ms} ms end to end, longest main-thread block ${Math.round(gap)} ms, walk ${audit.timing.extractMs} ms, audit ${audit.timing.auditMs} ms`);
    // The walk of the live DOM yields to the page every ~30 ms (lib/extract/walk-tree.ts, walkTreeSliced; its
    // slicing is tested in test/lib/walk-sliced.test.ts) and the audit runs in the service worker. How long the
    // page was blocked depends on the machine, so it is logged here and measured in `npm run bench:extension`.
    // What must hold on any machine: the page's own timers ran while it was read, and it still answers input.
    const ticks = await tab.page.evaluate(() => (window as unknown as { __ticks?: number }).__ticks ?? 0);
    expect(ticks).toBeGreaterThan(0);
    await tab.page.mouse.wheel(0, 400);
    expect(await tab.page.evaluate(() => 1)).toBe(1);
    expect(errors).toEqual([]);
    await tab.page.close();
  }, 120_000);
});
