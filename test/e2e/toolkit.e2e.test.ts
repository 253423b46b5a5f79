/**
 * The reviewer's toolkit in the browser: adding up selected cells in the panel (the page untouched),
 * the findings list by keyboard on a page that swallows key events, axe-core finding no violation in
 * the panel and the popup, and the Word memo downloaded from the popup.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchWithExtension, type ExtensionSession, type FixtureServer } from './harness';
import { auditWithPopup, FAULT_PAGE, locateCell, openTab, RESOLVER_ARGS, serveSite, watchConsole } from './gouji';

const SHOTS = join(ROOT, 'test-results');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ROW = '一、本年新收政府信息公开申请数量';

/** The centre of the n-th td/th of the page, for the mouse. */
async function cellCentre(page: Page, index: number): Promise<{ x: number; y: number }> {
  return page.evaluate((i) => {
    const cell = document.querySelectorAll('td, th')[i]!;
    cell.scrollIntoView({ block: 'center' });
    const r = cell.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, index);
}

async function axeViolations(page: Page, context: unknown): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (ctx) => {
    type Rule = { id: string; help: string; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run(c: unknown, o: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(ctx ?? document, {});
    // Proof the context reached into the shadow root: rules ran on its nodes and passed.
    if (!result.passes.some((p) => p.nodes.length > 0 && (!ctx || JSON.stringify(p.nodes.map((n) => n.target)).includes('gouji-root')))) return ['axe checked nothing'];
    return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, context);
}

/** The element focused inside the panel's shadow root: its finding id, or its tag. */
const focusedInPanel = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('gouji-root')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return el ? { finding: el.dataset.finding ?? null, tag: el.localName, outline: getComputedStyle(el).outlineStyle, name: el.textContent ?? '' } : null;
  });

describe('the reviewer\'s toolkit', () => {
  let ext: ExtensionSession;
  let site: FixtureServer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await serveSite();
    ext = await launchWithExtension(undefined, { args: RESOLVER_ARGS });
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('selection sums: drag, ctrl-click for a difference, shift-click counting a non-number apart; the page is never changed', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const errors = watchConsole(tab.page);
    await tab.page.setViewportSize({ width: 1400, height: 900 });
    await auditWithPopup(ext, tab);
    const page = tab.page;
    const panel = page.locator('gouji-root .panel');
    await panel.waitFor();
    const before = await page.evaluate(() => document.body.innerHTML);
    const sums = panel.locator('[data-sums-text]');
    expect(await sums.textContent()).toContain('拖选');

    // Drag from 自然人 to 其他 of 本年新收: 25 + 1 + 8 + 3 + 6 + 1.
    const first = await locateCell(page, ROW, 6);
    const last = await locateCell(page, ROW, 1);
    const total = await locateCell(page, ROW, 0);
    const label = await locateCell(page, ROW, 7);
    const a = await cellCentre(page, first);
    const b = await cellCentre(page, last);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, b.y, { steps: 4 });
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    expect(await panel.locator('[data-sum]').textContent()).toBe('已选 6 个单元格，求和 44');
    const picks = () => page.evaluate(() => ({ first: document.querySelector('gouji-root')!.shadowRoot!.querySelectorAll('.mark.pick').length, second: document.querySelector('gouji-root')!.shadowRoot!.querySelectorAll('.mark.pick2').length }));
    expect(await picks()).toEqual({ first: 6, second: 0 });

    // Ctrl-click the printed 总计: a second selection, and the difference 44 − 46.
    const t = await cellCentre(page, total);
    await page.keyboard.down('Control');
    await page.mouse.click(t.x, t.y);
    await page.keyboard.up('Control');
    expect(await panel.locator('[data-sum]').textContent()).toBe('已选 7 个单元格，求和 90');
    expect(await panel.locator('[data-difference]').textContent()).toBe('选区一 44 − 选区二 46 = 差 −2');
    expect(await picks()).toEqual({ first: 6, second: 1 });
    await page.screenshot({ path: join(SHOTS, 'toolkit-selection.png') });

    // A click starts over; shift-click extends to the row's label, which is counted apart.
    const l = await cellCentre(page, label);
    const o = await cellCentre(page, last);
    await page.mouse.click(l.x, l.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(o.x, o.y);
    await page.keyboard.up('Shift');
    expect(await panel.locator('[data-sum]').textContent()).toBe('已选 7 个单元格，求和 44');
    expect(await panel.locator('[data-non-numeric]').textContent()).toBe('1 个非数字单元格未计入');
    expect(await panel.locator('[data-difference]').count()).toBe(0);

    // The page's cells were never touched; clearing the selection removes its boxes, Clear everything.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await panel.locator('[data-action="clear-selection"]').click();
    expect(await picks()).toEqual({ first: 0, second: 0 });
    expect(await sums.textContent()).toContain('拖选');
    await page.mouse.click(a.x, a.y);
    expect(await picks()).toEqual({ first: 1, second: 0 });
    await panel.locator('[data-action="clear"]').click();
    expect(await page.locator('gouji-root').count()).toBe(0);
    // With the panel gone a click on a cell selects nothing.
    await page.mouse.click(a.x, a.y);
    expect(await page.locator('gouji-root').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard: Tab into the findings, arrows and j/k move, Enter shows the cell, Esc closes — on a page that swallows keys', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const page = tab.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    const { audit } = await auditWithPopup(ext, tab);
    await page.locator('gouji-root .panel').waitFor();
    const ids = audit.main.result.findings.filter((f) => f.severity !== 'info').map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);

    // Tab from the page into the panel: the first finding takes the list's one Tab stop.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = await focusedInPanel(page);
    for (let i = 0; i < 80 && focused?.finding == null; i++) {
      await page.keyboard.press('Tab');
      focused = await focusedInPanel(page);
    }
    expect(focused?.finding).toBe(ids[0]);
    expect(focused?.outline).toBe('solid'); // focus visible
    // What a screen reader reads: severity, the message, the cell.
    const finding = audit.main.result.findings.find((f) => f.id === ids[0])!;
    expect(focused?.name).toContain(`错误：${finding.message}`);
    expect(focused?.name).toMatch(/单元格：表三/);

    // Now the page swallows every key: cancelled at window capture, stopped and cancelled at document.
    await page.evaluate(() => {
      const w = window as unknown as { pageSawKeys: number };
      w.pageSawKeys = 0;
      window.addEventListener('keydown', (e) => e.preventDefault(), true);
      document.addEventListener('keydown', (e) => {
        w.pageSawKeys++;
        e.stopPropagation();
        e.preventDefault();
      });
      document.onkeydown = () => false;
    });
    await page.keyboard.press('ArrowDown');
    expect((await focusedInPanel(page))?.finding).toBe(ids[1]);
    await page.keyboard.press('k');
    expect((await focusedInPanel(page))?.finding).toBe(ids[0]);
    await page.keyboard.press('j');
    expect((await focusedInPanel(page))?.finding).toBe(ids[1]);
    await page.keyboard.press('Enter');
    const panel = page.locator('gouji-root .panel');
    expect(await panel.locator(`.finding[data-finding="${ids[1]}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await panel.locator('[data-announce]').textContent()).toMatch(/^已定位到 表三/);
    expect(await page.evaluate(() => document.querySelector('gouji-root')!.shadowRoot!.querySelectorAll('.mark.selected').length)).toBeGreaterThan(0);
    // Tab still moves on inside the panel, though the page cancels it.
    await page.keyboard.press('Tab');
    const after = await focusedInPanel(page);
    expect(after).not.toBeNull();
    expect(after?.finding).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect((await focusedInPanel(page))?.finding).toBe(ids[1]);
    await page.screenshot({ path: join(SHOTS, 'toolkit-keyboard.png') });

    await page.keyboard.press('Escape');
    expect(await page.locator('gouji-root .panel').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('gouji-root')!.shadowRoot!.querySelectorAll('.mark').length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { pageSawKeys: number }).pageSawKeys)).toBe(0);
    await page.close();
  });

  it('axe-core finds no violation in the panel (with a selection and a finding open) nor in the popup', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const page = tab.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    const { popup } = await auditWithPopup(ext, tab, { keepPopup: true });
    const panel = page.locator('gouji-root .panel');
    await panel.waitFor();
    const context = { include: [{ fromShadowDom: ['gouji-root', 'aside.panel'] }] };
    expect(await axeViolations(page, context)).toEqual([]);
    await panel.locator('.finding').first().click();
    const c = await cellCentre(page, await locateCell(page, ROW, 0));
    await page.mouse.click(c.x, c.y);
    await panel.locator('[data-sum]').waitFor();
    expect(await axeViolations(page, context)).toEqual([]);
    expect(await axeViolations(popup, null)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('导出审核意见（Word）: the popup saves a .docx with the title and the findings grouped by table', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const { popup } = await auditWithPopup(ext, tab, { keepPopup: true });
    const button = popup.locator('[data-export="docx"]');
    expect(await button.textContent()).toBe('导出审核意见（Word）');
    const [download] = await Promise.all([popup.waitForEvent('download'), button.click()]);
    const files = unzipSync(readFileSync((await download.path())!));
    const xml = strFromU8(files['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('审核意见：临川县交通运输局2023年政府信息公开工作年度报告');
    expect(text).toContain('三、收到和处理政府信息公开申请情况（2 处）');
    expect(await popup.locator('[data-export-status="ok"]').textContent()).toMatch(/^已保存 .*\.docx$/);
    await popup.screenshot({ path: join(SHOTS, 'toolkit-popup.png') });
    await popup.close();
    await tab.page.close();
  });
});
