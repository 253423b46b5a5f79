import { browser } from 'wxt/browser';
import { attachmentQuery, type AttachmentOffer } from '../../lib/document/attachment';
import { defineBackground } from 'wxt/utils/define-background';
import type { AuditResponse, ToBackground, ToContent } from '../content/protocol';
import { toolbarBadge, sessionStore } from './compat';
import { auditTab, forget, pageHasRun, showInPage, storedAudit } from './audit-tab';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function handle(message: ToBackground, senderTabId: number | undefined): Promise<AuditResponse | AttachmentOffer | { ok: true } | null> {
  switch (message.type) {
    case 'gouji:audit':
      return { ok: true, audit: await auditTab(message.tabId) };
    case 'gouji:get': {
      // Reopening the popup shows the stored result without a re-run, as long as the page still shows it.
      const audit = await storedAudit(message.tabId);
      if (audit && (await pageHasRun(message.tabId, audit))) return { ok: true, audit };
      return null;
    }
    case 'gouji:show-panel': {
      const audit = await storedAudit(message.tabId);
      if (audit && (await showInPage(message.tabId, audit, true))) return { ok: true, audit };
      return { ok: true, audit: await auditTab(message.tabId) };
    }
    case 'gouji:clear': {
      const clear: ToContent = { type: 'gouji:clear' };
      await browser.tabs.sendMessage(message.tabId, clear, { frameId: 0 }).catch(() => undefined);
      await forget(message.tabId);
      return { ok: true };
    }
    case 'gouji:open-compare': {
      const query = new URLSearchParams({ old: message.oldSource, new: message.newSource });
      await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)(`/compare.html?${query}`) });
      return { ok: true };
    }
    case 'gouji:attachment-offer':
      // The 审核附件 frame in the panel learns its file from the tab it is in, never from its address.
      return senderTabId == null ? null : ((await storedAudit(senderTabId))?.attachment ?? null);
    case 'gouji:open-attachment': {
      // The report view fetches and reads the file (pdf.js in an extension page, never in the page).
      const query = attachmentQuery(message.url, message.page, message.context);
      if (message.denied) query.set('denied', '1');
      await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)(`/audit-file.html?${query}`) });
      return { ok: true };
    }
    case 'gouji:cleared':
      if (senderTabId != null) await forget(senderTabId);
      return { ok: true };
    default:
      return null;
  }
}

export default defineBackground(() => {
  // Listeners must be registered synchronously at start-up: the MV3 service worker is woken *by*
  // these events and only sees listeners added on its first turn.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'run-audit' || tab?.id == null) return;
    // The keyboard command grants activeTab for this tab, like a toolbar click.
    try {
      await auditTab(tab.id);
    } catch (error) {
      console.warn('[gouji] run-audit failed:', errorText(error));
      await toolbarBadge()?.setBadgeText({ tabId: tab.id, text: '!' }).catch(() => undefined);
    }
  });

  browser.runtime.onMessage.addListener((message: ToBackground, sender, sendResponse) => {
    handle(message, sender.tab?.id).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: errorText(error) } satisfies AuditResponse));
    return true; // the response is sent asynchronously
  });

  // A new document in the tab: its marks are gone with the old one, so is the stored result.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void sessionStore().remove(`tab:${tabId}`);
  });
});
