/**
 * 审核文件: the user drops or picks files (PDF, DOCX, DOC, WPS, HTML, MHTML, TXT); each is audited here,
 * offline — nothing is uploaded — and shown as the report view: the tables redrawn with the findings'
 * cells marked, the findings list (select → scroll to the cell), the exports and the memo.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { unreadableResult } from '../../lib/audit';
import { auditFile } from '../../lib/document/index';
import { tablesHtml } from '../../lib/export/html-table';
import type { AuditResult } from '../../lib/model/schema';
import { uiLang } from '../background/audit-tab';
import { ExportButtons } from '../popup/ExportButtons';

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
  const r = result.report;
  return (
    <section class="file" data-file={props.name}>
      <h2>{props.name}</h2>
      {r && (
        <p class="meta">
          {r.agency ?? '—'} · {r.year ?? '—'} · {r.format ? msg('cli_formatName', { format: r.format }) : '—'}
        </p>
      )}
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
  // Opened from the popup on a tab showing a PDF: fetch it (under activeTab, the tab's origin) and audit it.
  useEffect(() => {
    const url = new URLSearchParams(location.search).get('url');
    if (!url) return;
    setBusy(true);
    (async () => {
      const name = decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() || url);
      let result: AuditResult;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        result = (await auditFile(new Uint8Array(await response.arrayBuffer()), url, { lang })).result;
      } catch (error) {
        result = unreadableResult(url, { reason: 'fetch', params: { error: String((error as Error)?.message ?? error) } }, { lang });
      }
      setFiles((before) => [{ name, result }, ...before]);
      setBusy(false);
    })();
  }, []);
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
      {busy && <p class="busy">{msg('ui_auditFile_reading')}</p>}
      {files.map((f) => (
        <FileReport name={f.name} result={f.result} />
      ))}
    </main>
  );
}
