import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Severity } from '../../lib/model/schema';
import type { AuditResponse, TabAudit, ToBackground } from '../content/protocol';
import { ReportMeta } from '../../components/ReportMeta';
import { ExportButtons } from './ExportButtons';

const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string) => string;
function msg(key: string, params: Record<string, string | number> = {}): string {
  return (getMessage(key) || key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Says where the panel really is on the page. */
function panelHint(panel: TabAudit['panel']): string {
  if (!panel) return msg('ui_popupHint');
  if (panel.collapsed) return msg(panel.side === 'left' ? 'ui_popupHint_collapsedLeft' : 'ui_popupHint_collapsedRight', { count: panel.hiddenMarks });
  return msg(panel.side === 'left' ? 'ui_popupHint_left' : 'ui_popupHint_right');
}

/** A PDF by its address (the viewer shows it under the PDF's own URL). */
const PDF_URL = /^(?:https?|file):\/\/[^?#]+\.pdf(?:$|[?#])/i;

type State = { kind: 'working' } | { kind: 'pdf' } | { kind: 'done'; audit: TabAudit } | { kind: 'failed'; message: string } | { kind: 'cleared' };

/** Which tab to audit. `?tabId=N` exists for the e2e tests: Playwright opens popup.html as an ordinary
 *  tab, so "the active tab" would be the popup itself (the Accessibility Insights trick). */
async function targetTabId(): Promise<number> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null) throw new Error('no active tab');
  return tab.id;
}

async function send(message: ToBackground): Promise<AuditResponse | null> {
  return (await browser.runtime.sendMessage(message)) as AuditResponse | null;
}

function failure(error: unknown): State {
  const text = error instanceof Error ? error.message : String(error);
  // Chrome's own wording when a page may not be scripted (chrome://, the Web Store, a PDF viewer…).
  const restricted = /cannot be scripted|cannot access|chrome:\/\/|extensions gallery|no result from the page/i.test(text);
  return { kind: 'failed', message: restricted ? msg('ui_restricted') : text };
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'working' });
  const [tabId, setTabId] = useState<number | null>(null);

  async function run(message: ToBackground) {
    setState({ kind: 'working' });
    try {
      const reply = await send(message);
      if (!reply) throw new Error('no reply');
      setState(reply.ok ? { kind: 'done', audit: reply.audit } : failure(reply.error));
    } catch (error) {
      setState(failure(error));
    }
  }

  // Opening the popup is the click: show what is stored for this page, else audit it now.
  useEffect(() => {
    (async () => {
      try {
        const id = await targetTabId();
        setTabId(id);
        // A tab showing a PDF (the browser's viewer cannot be scripted): Gouji's report view fetches it.
        const url = (await browser.tabs.get(id).catch(() => null))?.url ?? '';
        if (PDF_URL.test(url)) {
          await browser.tabs.create({ url: `${browser.runtime.getURL('/audit-file.html' as '/popup.html')}?url=${encodeURIComponent(url)}` });
          setState({ kind: 'pdf' });
          return;
        }
        const stored = await send({ type: 'gouji:get', tabId: id });
        if (stored?.ok) setState({ kind: 'done', audit: stored.audit });
        else await run({ type: 'gouji:audit', tabId: id });
      } catch (error) {
        setState(failure(error));
      }
    })();
  }, []);

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  if (state.kind === 'done') for (const f of state.audit.main.result.findings) counts[f.severity]++;
  const report = state.kind === 'done' ? state.audit.main.result.report : null;

  return (
    <main>
      <h1>{msg('extName')}</h1>
      {state.kind === 'working' && <p role="status">{msg('popupWorking')}</p>}
      {state.kind === 'failed' && (
        <p role="alert" class="error" id="failed">
          {msg('popupFailed')} {state.message}
        </p>
      )}
      {state.kind === 'pdf' && (
        <p role="status" id="pdf-opened">
          {msg('ui_pdfOpened')}
        </p>
      )}
      {state.kind === 'cleared' && (
        <p role="status" id="cleared">
          {msg('ui_cleared')}
        </p>
      )}
      {state.kind === 'done' && (
        <section id="summary" data-run={state.audit.runId}>
          {report ? (
            <ReportMeta report={report} msg={msg} />
          ) : (
            <p class="error" data-field="no-report">
              {state.audit.main.result.findings[0]?.message ?? msg('ui_noReport')}
            </p>
          )}
          <p class="counts" data-field="counts">
            <span data-count="error">■ {msg('severity_error')} {counts.error}</span>
            <span data-count="warning">▲ {msg('severity_warning')} {counts.warning}</span>
            <span data-count="info">● {msg('severity_info')} {counts.info}</span>
          </p>
          {report && counts.error + counts.warning === 0 && <p data-field="no-findings">{msg('ui_noFindings')}</p>}
          <p class="hint" data-field="hint">
            {panelHint(state.audit.panel)}
          </p>
          <p class="timing" data-field="timing">
            {msg('ui_timing', { extract: state.audit.timing.extractMs, audit: state.audit.timing.auditMs })}
          </p>
          <ExportButtons result={state.audit.main.result} />
        </section>
      )}
      <p class="audit-file">
        <button type="button" id="audit-file" class="secondary" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/audit-file.html' as '/popup.html') })}>
          {msg('ui_auditFile_open')}
        </button>
      </p>
      {tabId !== null && (
        <div class="actions">
          <button type="button" id="run-audit" onClick={() => run({ type: 'gouji:audit', tabId })} disabled={state.kind === 'working'}>
            {msg('popupRunAudit')}
          </button>
          <button type="button" id="show-panel" class="secondary" onClick={() => run({ type: 'gouji:show-panel', tabId })} disabled={state.kind === 'working'}>
            {msg('ui_showPanel')}
          </button>
          <button
            type="button"
            id="clear"
            class="secondary"
            disabled={state.kind !== 'done'}
            onClick={async () => {
              await send({ type: 'gouji:clear', tabId }).catch(() => null);
              setState({ kind: 'cleared' });
            }}
          >
            {msg('ui_clear')}
          </button>
        </div>
      )}
    </main>
  );
}
