import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageSummary } from '../content/index';
import { runContentScript } from '../content/run';

// Message keys are type-checked against public/_locales/zh_CN/messages.json
// through the types `wxt prepare` generates in .wxt/ (a typo fails tsc).
const t = browser.i18n.getMessage.bind(browser.i18n);

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; summary: PageSummary }
  | { kind: 'failed'; message: string };

/** Which tab to audit. `?tabId=N` exists for the e2e tests: Playwright opens
 *  popup.html as an ordinary tab, so "the active tab" would be the popup
 *  itself (the Accessibility Insights trick). Real users never pass it. */
async function targetTabId(): Promise<number> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null) throw new Error('no active tab');
  return tab.id;
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function audit() {
    setState({ kind: 'working' });
    try {
      // Injecting from the popup click is what activeTab grants; no host
      // permission is needed or requested.
      const summary = await runContentScript(await targetTabId());
      setState({ kind: 'done', summary });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <main>
      <h1>{t('extName')}</h1>
      <button type="button" id="run-audit" onClick={audit} disabled={state.kind === 'working'}>
        {t('popupRunAudit')}
      </button>
      {state.kind === 'working' && <p role="status">{t('popupWorking')}</p>}
      {state.kind === 'failed' && (
        <p role="alert" class="error">
          {t('popupFailed')} {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <dl id="summary">
          <dt>{t('popupPageTitle')}</dt>
          <dd data-field="title">{state.summary.title}</dd>
          <dt>{t('popupTableCount')}</dt>
          <dd data-field="tableCount">{state.summary.tableCount}</dd>
        </dl>
      )}
    </main>
  );
}
