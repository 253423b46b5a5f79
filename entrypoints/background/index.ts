import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { runContentScript } from './content/run';

export default defineBackground(() => {
  // Listeners must be registered synchronously at start-up: the MV3 service
  // worker is woken *by* the command event and only sees listeners added on
  // its first turn.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'run-audit' || tab?.id == null) return;
    // The keyboard command grants activeTab for this tab, like a toolbar click.
    try {
      const summary = await runContentScript(tab.id);
      // Placeholder feedback until the on-page overlay exists: table count on
      // the badge, so the shortcut visibly did something.
      await browser.action.setBadgeText({ tabId: tab.id, text: String(summary.tableCount) });
    } catch (error) {
      console.warn('[gouji] run-audit failed', error);
      await browser.action.setBadgeText({ tabId: tab.id, text: '!' });
    }
  });
});
