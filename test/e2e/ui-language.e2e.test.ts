/**
 * The extension follows the browser's UI language, Chinese first: the panel, its tag, the findings and
 * the popup in Chinese under a zh-CN Chromium (chromium-l10n, installed by scripts/ensure-chromium.sh),
 * and one English run under en-US. Screenshots: test-results/ui-zh-CN.png, ui-en-US.png and the popups.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { ROOT, launchWithExtension, type ExtensionSession, type FixtureServer, type UiLanguage } from './harness';
import { auditWithPopup, drawnMarks, FAULT_PAGE, openTab, RESOLVER_ARGS, serveSite } from './gouji';

const SHOTS = join(ROOT, 'test-results');
type Catalog = Record<string, { message: string }>;

const CASES: { ui: UiLanguage; lang: string; messages: Catalog; numbers: RegExp; message: RegExp; han: boolean }[] = [
  { ui: 'zh-CN', lang: 'zh-CN', messages: zh as Catalog, numbers: /^应为 44，表中为 46$/, message: /表中总计为 46/, han: true },
  { ui: 'en-US', lang: 'en', messages: en as Catalog, numbers: /^expected 44, the table prints 46$/, message: /46/, han: false },
];

for (const c of CASES) {
  describe(`the UI in ${c.ui}`, { timeout: 120_000 }, () => {
    let ext: ExtensionSession;
    let site: FixtureServer;
    const m = (key: string) => c.messages[key]!.message;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      site = await serveSite();
      ext = await launchWithExtension(undefined, { args: RESOLVER_ARGS, uiLanguage: c.ui });
    });

    afterAll(async () => {
      await ext?.close();
      await site?.close();
    });

    it('panel, findings, the selected cell\'s tag and the popup speak the browser\'s language', async () => {
      const tab = await openTab(ext, site.url(`pages/${FAULT_PAGE}`));
      const { audit, popup } = await auditWithPopup(ext, tab, { keepPopup: true });
      const popupText = (await popup.locator('body').innerText()).trim();
      await popup.setViewportSize({ width: 360, height: 420 });
      await popup.screenshot({ path: join(SHOTS, `popup-${c.ui}.png`) });
      await popup.close();
      // Every hint the popup may give is in this language, and it gives one of them.
      const hints = ['ui_popupHint', 'ui_popupHint_right', 'ui_popupHint_left'].map(m);
      expect(hints.some((h) => popupText.includes(h)), popupText).toBe(true);
      // The popup's own words (the agency's name is Chinese in both).
      for (const key of ['extName', 'severity_error', 'severity_warning']) expect(popupText).toContain(m(key));

      const panel = tab.page.locator('gouji-root .panel');
      await panel.waitFor();
      expect(await panel.getAttribute('lang')).toBe(c.lang);
      expect(await panel.getAttribute('aria-label')).toBe(m('ui_panelTitle'));
      expect(await panel.locator('section.group[data-group="applications.row-total"] h3').textContent()).toContain(m('ui_rule_applications_row_total'));
      const finding = audit.main.result.findings.find((f) => f.rule === 'applications.row-total')!;
      expect(finding.message).toMatch(c.message);
      expect(/[\u4e00-\u9fff]/.test(finding.message.replace(/“[^”]*”/g, ''))).toBe(c.han);

      await tab.page.locator(`gouji-root .finding[data-finding="${finding.id}"]`).click();
      const selected = (await drawnMarks(tab.page)).filter((x) => x.selected);
      expect(selected).toHaveLength(1);
      expect(selected[0]!.tag).toMatch(c.numbers);
      await tab.page.screenshot({ path: join(SHOTS, `ui-${c.ui}.png`) });
    });
  });
}
