/**
 * The extension end to end on fixture report pages: one popup open audits the page, the panel lists
 * the findings, marks sit on exactly the cells the fixture's injected fault changed, selecting a
 * finding brings its cell into view with its whole relation highlighted, and Clear leaves the page as
 * it was.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest, type ReportEntry } from '../fixtures/manifest';
import { rowLabel } from '../fixtures/report-data';
import { ROOT, launchWithExtension, type ExtensionSession, type FixtureServer } from './harness';
import { auditWithPopup, cellBoxes, drawnMarks, FAULT_PAGE, locateCell, openTab, RESOLVER_ARGS, serveSite, storedAudit, watchConsole } from './gouji';

const SHOTS = join(ROOT, 'test-results');
const manifest = loadManifest().filter((e): e is ReportEntry => e.kind === 'report');
const entry = (file: string) => manifest.find((e) => e.file === `pages/${file}`)!;

const APPLICATION_COLUMNS = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'];

/** Independent locator for a table 三 cell: its row label as the fixture printed it, its column from the end. */
async function locateApplicationCell(page: Parameters<typeof locateCell>[0], format: '2019' | '2021', id: string): Promise<number> {
  const [, row = '', column = ''] = id.split('/');
  const label = rowLabel(format, 'applications', row);
  if (!label) throw new Error(`no label for ${id}`);
  return locateCell(page, label, APPLICATION_COLUMNS.length - 1 - APPLICATION_COLUMNS.indexOf(column));
}

describe('auditing a report page', () => {
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

  it('lists the findings, marks exactly the faulty cell, and moves nothing', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const errors = watchConsole(tab.page);
    const before = await cellBoxes(tab.page);
    const { audit } = await auditWithPopup(ext, tab);
    const fixture = entry(FAULT_PAGE);

    // The panel: agency, year, format, date; counts; findings grouped by rule with their equations.
    const panel = tab.page.locator('gouji-root .panel');
    await panel.waitFor();
    expect(await panel.locator('[data-field=agency]').textContent()).toBe(fixture.agency);
    expect(await panel.locator('[data-field=year]').textContent()).toBe(String(fixture.year));
    expect(await panel.locator('[data-field=format]').textContent()).toContain('2021');
    expect(await panel.locator('[data-field=published]').textContent()).toBe(fixture.published);
    const rowTotal = panel.locator('.finding[data-rule="applications.row-total"]');
    expect(await rowTotal.count()).toBe(1);
    const finding = audit.main.result.findings.find((f) => f.rule === 'applications.row-total')!;
    expect(await rowTotal.textContent()).toContain(finding.message);
    expect(finding.message).toMatch(/= 44.*46/);
    expect(await panel.locator('[data-count=error] b').textContent()).toBe(String(audit.main.result.findings.filter((f) => f.severity === 'error').length));
    expect(await panel.locator('section.group[data-group="applications.row-total"] h3').textContent()).toContain('applications.row-total');

    // Marks: exactly the cells the fault changed, found independently of the extension.
    const marks = await drawnMarks(tab.page);
    const want = await Promise.all(fixture.faults.flatMap((f) => f.cells).map((c) => locateApplicationCell(tab.page, fixture.format, c)));
    expect(want.every((i) => i >= 0)).toBe(true);
    expect(marks.map((m) => m.cell).sort()).toEqual([...want].sort());
    expect(marks.every((m) => m.kind === 'error')).toBe(true);

    // Nothing on the page moved, the overlay takes no pointer events, and the page's console is clean.
    expect(await cellBoxes(tab.page)).toEqual(before);
    const hit = await tab.page.evaluate(() => {
      const td = document.querySelectorAll('td')[40]!;
      td.scrollIntoView({ block: 'center' });
      const r = td.getBoundingClientRect();
      return document.elementFromPoint(r.left + 2, r.top + 2) === td || td.contains(document.elementFromPoint(r.left + 2, r.top + 2));
    });
    expect(hit).toBe(true);
    expect(errors).toEqual([]);
  });

  it('scrolls the selected finding into view and highlights every cell of its relation', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const { audit } = await auditWithPopup(ext, tab);
    await tab.page.evaluate(() => window.scrollTo(0, 0));
    const finding = audit.main.result.findings.find((f) => f.rule === 'applications.row-total')!;
    await tab.page.locator(`gouji-root .finding[data-finding="${finding.id}"]`).click();

    const marks = await drawnMarks(tab.page);
    const related = marks.filter((m) => m.kind === 'related');
    const selected = marks.filter((m) => m.selected);
    // All seven cells of the row: the total (selected, with the values) and the six terms.
    expect(related.length + selected.length).toBe(finding.cells.length);
    expect(selected).toHaveLength(1);
    expect(selected[0]!.tag).toMatch(/44.*46/);
    const total = await locateApplicationCell(tab.page, '2021', 'applications/new/total');
    expect(selected[0]!.cell).toBe(total);

    // In view, and not under the panel.
    const geometry = await tab.page.evaluate((index) => {
      const cell = document.querySelectorAll('td, th')[index]!.getBoundingClientRect();
      const panel = document.querySelector('gouji-root')!.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
      return { cell: cell.toJSON() as DOMRect, panel: panel.toJSON() as DOMRect, vh: innerHeight, vw: document.documentElement.clientWidth };
    }, total);
    expect(geometry.cell.top).toBeGreaterThanOrEqual(0);
    expect(geometry.cell.bottom).toBeLessThanOrEqual(geometry.vh);
    const overlaps = geometry.cell.right > geometry.panel.left && geometry.cell.left < geometry.panel.right && geometry.cell.bottom > geometry.panel.top && geometry.cell.top < geometry.panel.bottom;
    expect(overlaps).toBe(false);
    // The details list names the cells that carry figures, by their printed labels with what the page
    // printed there, and counts the zero terms (as the memo does: a 7-term relation is not 7 lines of "= 0").
    const details = tab.page.locator(`gouji-root [data-details="${finding.id}"]`);
    const named = await details.locator('li[data-cell]').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-cell')!, li.textContent ?? ''] as const));
    const zeroLine = (await details.locator('li[data-zero-terms]').allTextContents())[0] ?? '';
    const zeros = Number(/\d+/.exec(zeroLine)?.[0] ?? 0);
    const cells = audit.main.result.report!.cells;
    expect(named.length + zeros).toBe(finding.cells.length);
    expect(zeros).toBe(finding.cells.filter((c) => cells[c]?.raw.trim() !== '' && cells[c]?.value === 0).length);
    for (const [id, text] of named) expect(text).toContain(`${audit.labels[id]} = ${cells[id]!.raw}`);

    await tab.page.screenshot({ path: join(SHOTS, 'panel-selected.png') });
  });

  it('clears without a trace, and running twice does not double anything', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const pristine = await tab.page.evaluate(() => document.documentElement.outerHTML);
    await auditWithPopup(ext, tab);
    const first = await drawnMarks(tab.page);
    await auditWithPopup(ext, tab);
    expect(await tab.page.locator('gouji-root').count()).toBe(1);
    expect(await tab.page.locator('gouji-root .panel').count()).toBe(1);
    expect((await drawnMarks(tab.page)).length).toBe(first.length);

    await tab.page.locator('gouji-root [data-action=clear]').click();
    expect(await tab.page.evaluate(() => document.documentElement.outerHTML)).toBe(pristine);
    // Cleared in the page, so the stored result is gone too: the popup audits afresh next time.
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html?tabId=0'));
    await expect.poll(() => storedAudit(popup, tab.tabId)).toBeNull();
    await popup.close();
  });

  it('keeps the result per tab: reopening the popup shows it without a re-run; a reload forgets it', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const { audit } = await auditWithPopup(ext, tab);
    const again = await auditWithPopup(ext, tab, { keepPopup: true });
    expect(again.audit.runId).toBe(audit.runId);
    expect(await again.popup.locator('#summary').getAttribute('data-run')).toBe(audit.runId);
    await again.popup.close();
    await tab.page.reload();
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html?tabId=0'));
    await expect.poll(() => storedAudit(popup, tab.tabId)).toBeNull();
    await popup.close();
    expect(await tab.page.locator('gouji-root').count()).toBe(0);
  });

  it('clears when the page navigates by script (pushState), but not on a jump to an anchor', async () => {
    const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
    const pristine = await tab.page.evaluate(() => document.documentElement.outerHTML);
    await auditWithPopup(ext, tab);
    await tab.page.evaluate(() => (location.hash = '#top'));
    await tab.page.waitForTimeout(100);
    expect(await tab.page.locator('gouji-root').count()).toBe(1);
    await tab.page.evaluate(() => history.pushState({}, '', '/pages/elsewhere.html'));
    await expect.poll(() => tab.page.locator('gouji-root').count()).toBe(0);
    expect(await tab.page.evaluate(() => document.documentElement.outerHTML)).toBe(pristine);
  });

  it('forced colors: marks keep their shapes in system colours', async () => {
    const tab = await openTab(ext, site.url('pages/fault-blank-zeros-2021.html'));
    await tab.page.emulateMedia({ forcedColors: 'active' });
    await auditWithPopup(ext, tab);
    const styles = await tab.page.evaluate(() =>
      Array.from(document.querySelector('gouji-root')!.shadowRoot!.querySelectorAll<HTMLElement>('.mark')).map((m) => ({ kind: m.dataset.kind, border: getComputedStyle(m).borderTopStyle, adjust: getComputedStyle(m).getPropertyValue('forced-color-adjust') })),
    );
    expect(styles.length).toBeGreaterThan(0);
    for (const s of styles) expect(s).toEqual({ kind: s.kind, border: { error: 'solid', warning: 'dashed', info: 'dotted' }[s.kind as 'error'], adjust: 'none' });
    await tab.page.screenshot({ path: join(SHOTS, 'forced-colors.png') });
  });

  it('marks a result-total fault in a report split over two tables, and blanks as warnings', async () => {
    for (const file of ['fault-result-total-split-2019.html', 'fault-blank-zeros-2021.html']) {
      const tab = await openTab(ext, site.url(`pages/${file}`));
      const fixture = entry(file);
      const { audit } = await auditWithPopup(ext, tab);
      const marks = (await drawnMarks(tab.page)).filter((m) => m.kind !== 'info');
      expect(marks.every((m) => m.cell >= 0)).toBe(true);
      const faultCells = [...new Set(fixture.faults.flatMap((f) => f.cells))];
      // Every mark is on a cell the fault changed, and every changed cell is marked.
      expect(marks).toHaveLength(faultCells.length);
      const appCells = faultCells.filter((c) => c.startsWith('applications/'));
      for (const c of appCells) expect(marks.map((m) => m.cell)).toContain(await locateApplicationCell(tab.page, fixture.format, c));
      if (file.includes('blank')) expect(marks.every((m) => m.kind === 'warning')).toBe(true);
      expect(audit.marks.filter((m) => m.severity !== 'info').map((m) => m.cell).sort()).toEqual([...faultCells].sort());
      await tab.page.close();
    }
  });

  it('says so when a report has no finding', async () => {
    const tab = await openTab(ext, site.url('pages/plain-2021.html'));
    await auditWithPopup(ext, tab);
    await tab.page.locator('gouji-root [data-note=no-findings]').waitFor();
    expect((await drawnMarks(tab.page)).filter((m) => m.kind !== 'info')).toEqual([]);
  });

  it('works on a plain-http site under a non-loopback name', async () => {
    const tab = await openTab(ext, `http://gouji.test:${site.port}/pages/${FAULT_PAGE}`);
    expect(await tab.page.evaluate(() => window.isSecureContext)).toBe(false);
    expect(new URL(tab.url).hostname).toBe('gouji.test');
    const { audit } = await auditWithPopup(ext, tab);
    expect(audit.main.result.report?.agency).toBe(entry(FAULT_PAGE).agency);
    expect((await drawnMarks(tab.page)).map((m) => m.kind)).toEqual(['error']);
    await tab.page.locator('gouji-root .finding').first().click();
    expect((await drawnMarks(tab.page)).some((m) => m.selected)).toBe(true);
    await tab.page.screenshot({ path: join(SHOTS, 'plain-http.png') });
  });

  it('screenshots: the panel over a marked report, and the popup', async () => {
    const tab = await openTab(ext, site.url('pages/fault-result-total-split-2019.html'));
    await tab.page.setViewportSize({ width: 1600, height: 1000 });
    const { audit, popup } = await auditWithPopup(ext, tab, { keepPopup: true });
    await popup.setViewportSize({ width: 360, height: 420 });
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });
    await popup.close();
    const finding = audit.main.result.findings.find((f) => f.rule === 'applications.result-total')!;
    await tab.page.locator(`gouji-root .finding[data-finding="${finding.id}"]`).click();
    expect((await drawnMarks(tab.page)).filter((m) => m.kind === 'related').length).toBe(finding.cells.length - 1);
    // A many-term relation: the panel names the terms with figures and counts the printed zeros.
    const cells = audit.main.result.report!.cells;
    const zeroTerms = finding.cells.filter((c) => cells[c]?.raw.trim() !== '' && cells[c]?.value === 0).length;
    expect(zeroTerms).toBeGreaterThan(0);
    const details = tab.page.locator(`gouji-root [data-details="${finding.id}"]`);
    expect(await details.locator('li[data-zero-terms]').textContent()).toBe(`另有 ${zeroTerms} 个单元格为 0`);
    expect(await details.locator('li[data-cell]').count()).toBe(finding.cells.length - zeroTerms);
    await tab.page.screenshot({ path: join(SHOTS, 'panel-wide.png') });
  });
});
