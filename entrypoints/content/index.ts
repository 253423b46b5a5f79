import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Controller } from './controller';
import { extract } from './extract';
import type { Extraction, ToContent } from './protocol';

export type { Extraction } from './protocol';

/** Lives in the extension's isolated world (the page cannot see it) across injections into one document. */
interface IsolatedGlobal {
  __gouji?: { controller: Controller; dispose(): void };
}

export default defineContentScript({
  // Never declared in the manifest: injected on demand (popup, or the run-audit command) through
  // activeTab. `matches: []` keeps WXT from turning patterns into install-time host permissions.
  registration: 'runtime',
  matches: [],
  // main()'s return value becomes the executeScript result: the walked page goes back to the extension,
  // which audits it (lib/ with zod and the rules stays out of this bundle) and sends the result back.
  main(ctx): Promise<Extraction> {
    const g = globalThis as IsolatedGlobal;
    // Injected again into the same document: the previous run's marks and panel go first.
    g.__gouji?.dispose();

    const instance = Math.random().toString(36).slice(2);
    const controller = new Controller(document, instance);

    const onMessage = (message: ToContent, _sender: unknown, sendResponse: (r: unknown) => void): undefined => {
      if (message?.type === 'gouji:show') {
        if (message.audit.instance !== instance) return undefined; // meant for a later injection
        try {
          const started = performance.now();
          const shown = controller.show(message.audit, message.openPanel);
          sendResponse({ ok: true, ...shown, drawMs: Math.round(performance.now() - started) });
        } catch (error) {
          sendResponse({ ok: false, error: String((error as Error)?.message ?? error) });
        }
      } else if (message?.type === 'gouji:clear') {
        controller.clear(false);
        sendResponse({ ok: true });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

    // Navigating away clears everything: a new document (pagehide) or a script-driven navigation
    // within this one (pushState); a jump to an anchor (#…) is not a navigation away.
    const withoutHash = (url: string) => url.replace(/#.*$/, '');
    let address = withoutHash(location.href);
    const onPageHide = () => controller.clear(false);
    const onNavigate = () => {
      const now = withoutHash(location.href);
      if (now !== address) {
        address = now;
        controller.clear(true);
      }
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('popstate', onNavigate);
    const navigation = (window as Window & { navigation?: EventTarget }).navigation;
    const onNavigateSuccess = () => setTimeout(onNavigate, 0);
    navigation?.addEventListener('navigatesuccess', onNavigateSuccess);

    const dispose = () => {
      controller.clear(false);
      browser.runtime.onMessage.removeListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('popstate', onNavigate);
      navigation?.removeEventListener('navigatesuccess', onNavigateSuccess);
      if (g.__gouji?.controller === controller) delete g.__gouji;
    };
    g.__gouji = { controller, dispose };
    // The extension was reloaded or updated: this copy can no longer talk to it, so it leaves no trace.
    ctx.onInvalidated(() => {
      // A newer injection also invalidates this context; it has already disposed of us by then.
      if (g.__gouji?.controller === controller) dispose();
    });

    return extract(document, instance);
  },
});
