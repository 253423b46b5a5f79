/**
 * Where the panel and the marks sit, as a reviewer sees them: selecting a finding brings its cell into
 * view clear of the panel and of a sticky header — in standards and quirks mode (no <!DOCTYPE>), in a
 * frame, at window widths from 1024 to 1920 px; the panel opens beside the report when a side is clear
 * of every mark, else collapsed saying how many it would hide, and the popup says where it is; a long
 * frame address wraps; the selected cell's tag hides neither its badge nor the row above; a column of
 * marks wears one badge.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchWithExtension, type ExtensionSession, type FixtureServer } from './harness';
import { auditWithPopup, openTab, RESOLVER_ARGS, serveSite, type Tab } from './gouji';

const SHOTS = join(ROOT, 'test-results');

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;

interface PanelState {
  rect: Box;
  collapsed: boolean;
  why: string | null;
  /** The viewport, measured as the page itself would (scrollingElement in quirks mode). */
  vw: number;
  vh: number;
  compatMode: string;
}

async function panelState(page: Page): Promise<PanelState> {
  return page.evaluate(() => {
    const panel = document.querySelector('gouji-root')!.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    const r = panel.getBoundingClientRect();
    return {
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      collapsed: panel.classList.contains('collapsed'),
      why: panel.querySelector('[data-collapsed-why]')?.textContent ?? null,
      vw: window.innerWidth,
      vh: window.innerHeight,
      compatMode: document.compatMode,
    };
  });
}

/** Rectangles of the cells under the marks of a document (a frame's offset added), in the top viewport. */
async function markedCells(target: Page | Frame, offset = { x: 0, y: 0 }): Promise<(Box & { kind: string; selected: boolean; badge: boolean })[]> {
  const marks = await target.evaluate(() =>
    Array.from(document.querySelector('gouji-root')?.shadowRoot?.querySelectorAll<HTMLElement>('.mark') ?? []).map((m) => {
      const r = m.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, kind: m.dataset.kind ?? '', selected: m.classList.contains('selected'), badge: m.querySelector('.badge') !== null };
    }),
  );
  return marks.map((m) => ({ ...m, left: m.left + offset.x, right: m.right + offset.x, top: m.top + offset.y, bottom: m.bottom + offset.y }));
}

/** The bottom edge of the page's sticky header in the viewport (0 when it is not showing). */
/** The selected mark's tag: its side, and the page cells it covers other than its own (found by geometry). */
async function selectedTag(page: Page): Promise<{ side: string; tag: Box; badge: Box | null; covered: number; marksCovered: number; above: Box | null }> {
  return page.evaluate(() => {
    const root = document.querySelector('gouji-root')!.shadowRoot!;
    const mark = root.querySelector<HTMLElement>('.mark.selected')!;
    const rect = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
    const box = rect(mark);
    const tagEl = mark.querySelector('.tag')!;
    const tag = rect(tagEl);
    const hit = (a: DOMRect, b: DOMRect) => a.right > b.left + 1 && a.left < b.right - 1 && a.bottom > b.top + 1 && a.top < b.bottom - 1;
    const own = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2)?.closest('td, th');
    const covered = Array.from(document.querySelectorAll('td, th')).filter((c) => c !== own && hit(rect(c), tag)).length;
    const marksCovered = Array.from(root.querySelectorAll('.mark')).filter((m) => m !== mark && hit(rect(m), tag)).length;
    const above = document.elementFromPoint((box.left + box.right) / 2, box.top - 6)?.closest('td, th');
    const badge = mark.querySelector('.badge');
    return { side: tagEl.className.replace('tag ', ''), tag, badge: badge ? rect(badge) : null, covered, marksCovered, above: above ? rect(above) : null };
  });
}

/**
 * The selected tag against the page's text: the line boxes of every text node of every cell but the
 * tag's own (measured with Ranges, independently of Gouji) that the tag's rectangle overlaps.
 */
async function tagOverText(page: Page): Promise<{ tag: Box; side: string; text: string; covered: string[]; badge: Box | null; panel: Box; vw: number; vh: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('gouji-root')!.shadowRoot!;
    const mark = root.querySelector<HTMLElement>('.mark.selected')!;
    const tagEl = mark.querySelector<HTMLElement>('.tag')!;
    const box = mark.getBoundingClientRect();
    const tag = tagEl.getBoundingClientRect().toJSON() as DOMRect;
    const own = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2)?.closest('td, th');
    const hit = (a: DOMRect, b: DOMRect) => a.right > b.left + 0.5 && a.left < b.right - 0.5 && a.bottom > b.top + 0.5 && a.top < b.bottom - 0.5;
    const range = document.createRange();
    const covered: string[] = [];
    for (const cell of Array.from(document.querySelectorAll('td, th'))) {
      if (cell === own) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!/\S/.test(n.nodeValue ?? '')) continue;
        range.selectNodeContents(n);
        if (Array.from(range.getClientRects()).some((r) => r.width > 0 && hit(r, tag))) covered.push((n.nodeValue ?? '').trim());
      }
    }
    const badge = mark.querySelector('.badge');
    return {
      tag,
      side: tagEl.className.replace('tag ', ''),
      text: tagEl.textContent ?? '',
      covered,
      badge: badge ? (badge.getBoundingClientRect().toJSON() as DOMRect) : null,
      panel: root.querySelector('.panel')!.getBoundingClientRect().toJSON() as DOMRect,
      vw: document.documentElement.clientWidth,
      vh: document.documentElement.clientHeight,
    };
  });
}

async function headerBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const h = document.querySelector('.site-header');
    return h ? Math.max(0, h.getBoundingClientRect().bottom) : 0;
  });
}

async function openPanel(tab: Tab): Promise<void> {
  const state = await panelState(tab.page);
  if (state.collapsed) await tab.page.locator('gouji-root [data-action=toggle]').click();
}

async function selectFirstError(tab: Tab): Promise<void> {
  await openPanel(tab);
  await tab.page.locator('gouji-root .finding[data-severity=error]').first().click();
}

/** Every marked cell and the panel's strip: the open panel covers none of them at any scroll position. */
function expectOpeningClear(state: PanelState, marks: Box[]): void {
  if (state.collapsed) {
    const hidden = Number(/\d+/.exec(state.why ?? '')?.[0]);
    expect(hidden).toBeGreaterThan(0);
    return;
  }
  for (const m of marks) expect(m.right <= state.rect.left || m.left >= state.rect.right, `mark ${JSON.stringify(m)} under the panel ${JSON.stringify(state.rect)}`).toBe(true);
}

describe('panel placement and scrolling', () => {
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

  for (const mode of ['standards', 'quirks'] as const) {
    for (const width of [1024, 1280, 1920]) {
      it(`${mode} mode, ${width} px: the selected cell shows below the sticky header and clear of the panel`, async () => {
        const tab = await openTab(ext, site.url(mode === 'quirks' ? 'gen/quirks.html' : 'gen/sticky.html'));
        await tab.page.setViewportSize({ width, height: 900 });
        await auditWithPopup(ext, tab);
        const opening = await panelState(tab.page);
        expect(opening.compatMode).toBe(mode === 'quirks' ? 'BackCompat' : 'CSS1Compat');
        expectOpeningClear(opening, await markedCells(tab.page));

        await tab.page.evaluate(() => window.scrollTo(0, 0));
        await selectFirstError(tab);
        const selected = (await markedCells(tab.page)).find((m) => m.selected)!;
        const panel = await panelState(tab.page);
        expect(selected.top).toBeGreaterThanOrEqual(await headerBottom(tab.page));
        expect(selected.bottom).toBeLessThanOrEqual(panel.vh);
        expect(selected.left).toBeGreaterThanOrEqual(0);
        expect(selected.right).toBeLessThanOrEqual(panel.vw);
        expect(overlaps(selected, panel.rect), `cell ${JSON.stringify(selected)} under the panel ${JSON.stringify(panel.rect)}`).toBe(false);
        // The tag: in the table's margin where the window has room (it then covers no cell); in any case
        // off the finding's other cells, its own badge, the row above and the panel, inside the window.
        const tag = await selectedTag(tab.page);
        if (tag.side.startsWith('margin')) expect(tag.covered, JSON.stringify(tag)).toBe(0);
        expect(tag.marksCovered, JSON.stringify(tag)).toBe(0);
        if (tag.badge) expect(overlaps(tag.tag, tag.badge)).toBe(false);
        if (tag.above) expect(overlaps(tag.tag, tag.above), JSON.stringify(tag)).toBe(false);
        expect(overlaps(tag.tag, panel.rect)).toBe(false);
        expect(tag.tag.right).toBeLessThanOrEqual(panel.vw);
        if (width === 1024 || width === 1920) await tab.page.screenshot({ path: join(SHOTS, `placement-${mode}-${width}.png`) });
        await tab.page.close();
      });
    }
  }

  for (const width of [1024, 1280]) {
    it(`a table filling the ${width} px window: each finding's tag covers no other cell's text, its badge nor the panel`, async () => {
      const tab = await openTab(ext, site.url('gen/full-window.html'));
      await tab.page.setViewportSize({ width, height: 800 });
      await auditWithPopup(ext, tab);
      await openPanel(tab);
      const findings = tab.page.locator('gouji-root .finding[data-severity=error], gouji-root .finding[data-severity=warning]');
      const count = await findings.count();
      expect(count).toBeGreaterThan(0);
      let tagged = 0;
      for (let i = 0; i < count; i++) {
        await findings.nth(i).click();
        if ((await tab.page.locator('gouji-root .mark.selected .tag').count()) === 0) continue;
        tagged++;
        const seen = await tagOverText(tab.page);
        expect(seen.covered, JSON.stringify(seen)).toEqual([]);
        if (seen.badge) expect(overlaps(seen.tag, seen.badge)).toBe(false);
        expect(overlaps(seen.tag, seen.panel)).toBe(false);
        expect(seen.tag.left).toBeGreaterThanOrEqual(0);
        expect(seen.tag.right).toBeLessThanOrEqual(seen.vw);
        expect(seen.tag.top).toBeGreaterThanOrEqual(0);
        expect(seen.tag.bottom).toBeLessThanOrEqual(seen.vh);
        expect(seen.text).toMatch(/\d/);
        if (i === 0) await tab.page.screenshot({ path: `/tmp/ux-tag-full-window-${width}.png` });
      }
      expect(tagged).toBeGreaterThan(0);
      await tab.page.close();
    });
  }

  it('a quirks-mode report in a frame of a quirks-mode page, 1024 px: the cell comes into view clear of the panel', async () => {
    const tab = await openTab(ext, site.url('gen/iframe-quirks.html'));
    await tab.page.setViewportSize({ width: 1024, height: 800 });
    await auditWithPopup(ext, tab);
    const frame = tab.page.frames().find((f) => f.url().endsWith('/gen/quirks.html'))!;
    expect(await frame.evaluate(() => document.compatMode)).toBe('BackCompat');
    await tab.page.evaluate(() => window.scrollTo(0, 0));
    await selectFirstError(tab);
    const offset = await tab.page.evaluate(() => {
      const f = document.getElementById('report')!;
      const r = f.getBoundingClientRect();
      return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
    });
    const selected = (await markedCells(frame, offset)).find((m) => m.selected)!;
    const panel = await panelState(tab.page);
    expect(selected.top).toBeGreaterThanOrEqual(0);
    expect(selected.bottom).toBeLessThanOrEqual(panel.vh);
    expect(overlaps(selected, panel.rect)).toBe(false);
    await tab.page.screenshot({ path: join(SHOTS, 'placement-frame-quirks-1024.png') });
    await tab.page.close();
  });

  it('opens beside the report when a side is clear of every mark, else collapsed with the count; the popup says where', async () => {
    const cases = [
      { path: 'gen/centred.html', width: 1920, hint: /右侧|right/ },
      { path: 'gen/centred.html', width: 1280, hint: /左侧|left/ },
      { path: 'gen/centred-blanks.html', width: 1920, hint: /右侧|right/ },
      { path: 'gen/centred-blanks.html', width: 1280, hint: /收起|collapsed/ },
    ];
    for (const c of cases) {
      const tab = await openTab(ext, site.url(c.path));
      await tab.page.setViewportSize({ width: c.width, height: 900 });
      const { popup } = await auditWithPopup(ext, tab, { keepPopup: true });
      const state = await panelState(tab.page);
      const marks = await markedCells(tab.page);
      expectOpeningClear(state, marks);
      expect(state.collapsed).toBe(/收起|collapsed/.test(String(c.hint)));
      if (!state.collapsed) expect((state.rect.left + state.rect.right) / 2 > c.width / 2).toBe(/右侧/.test(String(c.hint)));
      const hint = (await popup.locator('[data-field=hint]').textContent()) ?? '';
      expect(hint).toMatch(c.hint);
      if (state.collapsed) {
        // The count it gives is the marks an open panel would cover: expand and count them.
        const said = Number(/\d+/.exec(state.why ?? '')?.[0]);
        expect(hint).toContain(String(said));
        await tab.page.screenshot({ path: join(SHOTS, `opening-collapsed-${c.width}.png`) });
        await tab.page.locator('gouji-root [data-action=toggle]').click();
        const open = await panelState(tab.page);
        expect(marks.filter((m) => m.right > open.rect.left && m.left < open.rect.right)).toHaveLength(said);
      } else if (c.width === 1280) await tab.page.screenshot({ path: join(SHOTS, 'opening-left-1280.png') });
      await popup.close();
      await tab.page.close();
    }
  });

  it('a long cross-origin frame address wraps inside the panel: no horizontal scrollbar', async () => {
    const tab = await openTab(ext, site.url('gen/iframe-cross-long.html'));
    await auditWithPopup(ext, tab);
    await openPanel(tab);
    const layout = await tab.page.evaluate(() => {
      const root = document.querySelector('gouji-root')!.shadowRoot!;
      const panel = root.querySelector('.panel')!.getBoundingClientRect();
      const body = root.querySelector<HTMLElement>('.panel .body')!;
      const note = root.querySelector('[data-note=u0]')!;
      return { text: note.textContent ?? '', note: note.getBoundingClientRect().toJSON() as DOMRect, panel: panel.toJSON() as DOMRect, scrollWidth: body.scrollWidth, clientWidth: body.clientWidth };
    });
    expect(layout.text).toContain('sessionToken');
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.note.right).toBeLessThanOrEqual(layout.panel.right);
    await tab.page.screenshot({ path: join(SHOTS, 'cross-origin-long-url.png') });
    await tab.page.close();
  });

  it('a column of error marks wears one badge; the selected cell’s tag hides neither its badge nor the row above', async () => {
    const tab = await openTab(ext, site.url('gen/column-run.html'));
    await tab.page.setViewportSize({ width: 1280, height: 900 });
    await auditWithPopup(ext, tab);
    const marks = (await markedCells(tab.page)).filter((m) => m.kind === 'error');
    expect(marks.length).toBeGreaterThanOrEqual(6);
    // All in one column; the first of each run has the badge, the rest continue it.
    expect(new Set(marks.map((m) => Math.round(m.left))).size).toBe(1);
    const badged = marks.filter((m) => m.badge);
    expect(badged.length).toBeGreaterThanOrEqual(1);
    expect(badged.length).toBeLessThan(marks.length);
    const sorted = [...marks].sort((a, b) => a.top - b.top);
    for (const [i, m] of sorted.entries()) if (!m.badge) expect(i > 0 && Math.abs(sorted[i - 1]!.bottom - m.top) <= 12).toBe(true);
    await tab.page.screenshot({ path: join(SHOTS, 'column-run.png') });

    // Select a row-total finding in the middle of the run.
    await openPanel(tab);
    const rowTotals = tab.page.locator('gouji-root .finding[data-rule="applications.row-total"]');
    expect(await rowTotals.count()).toBeGreaterThanOrEqual(3);
    await rowTotals.nth(2).click();
    const geometry = await tab.page.evaluate(() => {
      const root = document.querySelector('gouji-root')!.shadowRoot!;
      const mark = root.querySelector<HTMLElement>('.mark.selected')!;
      const rect = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
      const box = rect(mark);
      // The cell of the row above, at the same column (found by geometry, independently of Gouji).
      const above = document.elementFromPoint((box.left + box.right) / 2, box.top - 6)?.closest('td, th');
      return { tag: rect(mark.querySelector('.tag')!), badge: rect(mark.querySelector('.badge')!), above: above ? rect(above) : null, panel: rect(root.querySelector('.panel')!), vw: document.documentElement.clientWidth };
    });
    expect(geometry.above).not.toBeNull();
    expect(overlaps(geometry.tag, geometry.badge)).toBe(false);
    expect(overlaps(geometry.tag, geometry.above!)).toBe(false);
    expect(overlaps(geometry.tag, geometry.panel)).toBe(false);
    expect(geometry.tag.right).toBeLessThanOrEqual(geometry.vw);
    await tab.page.screenshot({ path: join(SHOTS, 'column-run-selected.png') });
    await tab.page.close();
  });
});
