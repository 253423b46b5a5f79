/**
 * 审核附件 in the page's panel. The content script cannot ask for a host permission, and
 * permissions.request needs the user's click in an extension context: so the button is this tiny
 * extension page, framed in the panel (web-accessible, dynamic URL where Chrome has it). At the click it
 * asks for exactly the file's origin — only when the file is on another origin than its page and that
 * origin is not already allowed — then opens the report view on the file (denied: the view says so and
 * offers to ask again). Its address carries nothing: the file comes from the background, for the tab
 * this frame is in, so the host page learns nothing from the frame and cannot make it open another file.
 */
import { browser } from 'wxt/browser';
import { attachmentPermission, type AttachmentOffer } from '../../lib/document/attachment';
import type { AttachmentEscape, ToBackground } from '../content/protocol';
import './style.css';

const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string) => string;

async function main(): Promise<void> {
  document.documentElement.lang = getMessage('ui_lang') === 'en' ? 'en' : 'zh-CN';
  const ask: ToBackground = { type: 'gouji:attachment-offer' };
  const offer = (await browser.runtime.sendMessage(ask).catch(() => null)) as AttachmentOffer | null;
  if (!offer?.url) return;
  const origin = attachmentPermission(offer.url, offer.page);
  // Known before the click, so the click asks at once: an await before the request would lose its gesture.
  let needed = origin !== null && !(await browser.permissions.contains({ origins: [origin] }).catch(() => false));
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.action = 'audit-attachment';
  button.textContent = getMessage('ui_auditAttachment');
  button.title = offer.url;
  button.addEventListener('click', () => {
    const granted = needed && origin ? browser.permissions.request({ origins: [origin] }).catch(() => false) : Promise.resolve(true);
    void granted.then((yes) => {
      if (yes) needed = false;
      const open: ToBackground = { type: 'gouji:open-attachment', url: offer.url, page: offer.page, context: offer.context, ...(yes ? {} : { denied: true }) };
      return browser.runtime.sendMessage(open);
    });
  });
  document.body.append(button);
}

// Esc here closes the panel around this frame, as it does in the panel itself (the panel cannot hear keys typed in a frame).
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.altKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  const escape: AttachmentEscape = { type: 'gouji:attachment-escape' };
  window.parent.postMessage(escape, '*');
});

void main();
