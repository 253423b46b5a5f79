/**
 * 审核文件: the user drops or picks files (PDF, DOCX, DOC, WPS, HTML, MHTML, TXT); each is audited here,
 * offline — nothing is uploaded — and shown as the report view: the tables redrawn with the findings'
 * cells marked, the findings list (select → scroll to the cell), the exports and the memo.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { addInputFinding, unreadableResult } from '../../lib/audit';
import { attachmentPermission, contextFromQuery, originPattern } from '../../lib/document/attachment';
import { auditFile } from '../../lib/document/index';
import { tablesHtml } from '../../lib/export/html-table';
import type { AuditResult } from '../../lib/model/schema';
import { uiLang } from '../background/audit-tab';
import { ExportButtons } from '../popup/ExportButtons';
import { ReportMeta } from '../../components/ReportMeta';
import { Sums } from '../content/Panel';
import { useCellPicker } from './selection';

const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string, subs?: string[]) => string;
const msg = (key: string, params: Record<string, string | number> = {}) => (getMessage(key) || key).replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w));

/** The report's tables with every cell a finding names marked by its severity. */
function markedTables(result: AuditResult, lang: 'zh' | 'en'): string {
  if (!result.report) return '';
  let html = tablesHtml(result.report, undefined, { lang });
  const worst = new Map<string, string>();
  for (const f of result.findings) for (const c of f.cells) if (!worst.has(c) || f.severity === 'error') worst.set(c, f.severity);
  for (const [cell, severity] of worst) html = html.replaceAll(`data-cell="${cell}"`, `data-cell="${cell}" class="mark-${severity}"`);
  return html;
}

function FileReport(props: { name: string; result: AuditResult }) {
  const lang = uiLang();
  const tables = useRef<HTMLDivElement>(null);
  const { result } = props;
  const select = (cells: string[]) => {
    const el = cells.map((c) => tables.current?.querySelector(`[data-cell="${CSS.escape(c)}"]`)).find(Boolean) as HTMLElement | undefined;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.classList.add('selected');
    setTimeout(() => el?.classList.remove('selected'), 1500);
  };
  const { sums, clear } = useCellPicker(tables);
  const r = result.report;
  return (
    <section class="file" data-file={props.name}>
      <h2>{props.name}</h2>
      {r && <ReportMeta report={r} msg={msg} class="meta" />}
      <ol class="findings">
        {result.findings.map((f) => (
          <li class={`finding ${f.severity}`} data-rule={f.rule}>
            <button type="button" disabled={!f.cells.length} onClick={() => select(f.cells)}>
              {msg(`severity_${f.severity}`)} {f.message}
              {f.page !== undefined ? ` ${msg('cli_page', { page: f.page })}` : ''}
            </button>
          </li>
        ))}
      </ol>
      {r && <Sums sums={sums} onClear={clear} />}
      {r && <div class="tables" ref={tables} dangerouslySetInnerHTML={{ __html: markedTables(result, lang) }} />}
      <ExportButtons result={result} />
    </section>
  );
}

export function App() {
  const [files, setFiles] = useState<{ name: string; result: AuditResult }[]>([]);
  const [busy, setBusy] = useState(false);
  const lang = uiLang();
  const audit = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy(true);
    const done: { name: string; result: AuditResult }[] = [];
    for (const file of [...list]) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      done.push({ name: file.name, result: (await auditFile(bytes, file.name, { lang })).result });
    }
    setFiles((before) => [...done, ...before]);
    setBusy(false);
  };
  // Opened on a tab showing a PDF (popup, under activeTab) or on a page's attachment (审核附件, with the
  // page's address and context): fetch the file here and audit it. An attachment on another origin than
  // its page needs that one origin allowed, asked for at the user's click.
  const [ask, setAsk] = useState<{ origin: string; denied: boolean } | null>(null);
  const query = new URLSearchParams(location.search);
  const url = query.get('url');
  const fetchAndAudit = async (fileUrl: string) => {
    setBusy(true);
    const name = decodeURIComponent(fileUrl.split(/[?#]/)[0]!.split('/').pop() || fileUrl);
    const context = contextFromQuery(query);
    const page = query.get('page');
    let result: AuditResult;
    try {
      const response = await fetch(fileUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      result = (await auditFile(new Uint8Array(await response.arrayBuffer()), fileUrl, { lang, ...(context ? { context } : {}) })).result;
      if (page && result.report) addInputFinding(result, { rule: 'input.attachment-audited', severity: 'info', params: { page }, cells: [] }, { lang });
    } catch (error) {
      // A file of the page's own origin that could not be fetched (activeTab gone with a navigation, or not
      // covering this page's fetch in this browser): ask for that one host, as for another origin.
      const origin = page ? originPattern(fileUrl) : null;
      if (origin && error instanceof TypeError && !(await browser.permissions.contains({ origins: [origin] }).catch(() => true))) {
        setAsk({ origin, denied: false });
        setBusy(false);
        return;
      }
      result = unreadableResult(fileUrl, { reason: 'fetch', params: { error: String((error as Error)?.message ?? error) } }, { lang });
    }
    setFiles((before) => [{ name, result }, ...before]);
    setBusy(false);
  };
  useEffect(() => {
    if (!url) return;
    const page = query.get('page');
    const origin = page ? attachmentPermission(url, page) : null;
    if (!origin) {
      void fetchAndAudit(url);
      return;
    }
    // `denied`: the 审核附件 button asked at its click and was refused; say so, and offer to ask again.
    void browser.permissions.contains({ origins: [origin] }).then((granted) => (granted ? fetchAndAudit(url) : setAsk({ origin, denied: query.has('denied') })));
  }, []);
  const allow = async () => {
    if (!ask || !url) return;
    // Only this origin, and only now: permissions.request needs this click.
    const granted = await browser.permissions.request({ origins: [ask.origin] }).catch(() => false);
    if (!granted) return setAsk({ ...ask, denied: true });
    setAsk(null);
    await fetchAndAudit(url);
  };
  return (
    <main
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void audit(e.dataTransfer?.files ?? null);
      }}
    >
      <h1>{msg('ui_auditFile_title')}</h1>
      <label class="drop">
        <span>{msg('ui_auditFile_drop')}</span>
        <input id="pick" type="file" multiple accept=".pdf,.docx,.doc,.wps,.html,.htm,.mhtml,.mht,.txt" onChange={(e) => void audit((e.target as HTMLInputElement).files)} />
      </label>
      <p class="hint">{msg('ui_auditFile_offline')}</p>
      {ask && (
        <div class="ask" data-ask-origin={ask.origin}>
          <p>{msg('ui_attachmentNeeds', { origin: ask.origin.replace(/\/\*$/, '') })}</p>
          <button type="button" data-action="allow-origin" onClick={() => void allow()}>
            {msg('ui_attachmentAllow', { origin: ask.origin.replace(/\/\*$/, '') })}
          </button>
          {ask.denied && (
            <p class="denied" role="alert">
              {msg('ui_attachmentDenied', { origin: ask.origin.replace(/\/\*$/, '') })}
            </p>
          )}
        </div>
      )}
      {busy && <p class="busy">{msg('ui_auditFile_reading')}</p>}
      {files.map((f) => (
        <FileReport name={f.name} result={f.result} />
      ))}
    </main>
  );
}
