/**
 * Export buttons of the popup, one click each: copy table 二 / 三 / 四 / all three for Excel and WPS
 * (one clipboard write with a TSV and an HTML flavour), save the long CSV, copy the JSON, copy the
 * audit memo, save the memo as a Word document (built on click). Every other format is prepared when the result arrives, so a click only writes. Success and
 * failure are both shown (role=status / role=alert).
 */
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { longCsv } from '../../lib/export/csv';
import { tableHtml, tablesHtml } from '../../lib/export/html-table';
import { exportFileName } from '../../lib/export/index';
import { auditJson } from '../../lib/export/json';
import { hasTable } from '../../lib/export/layout';
import { memo } from '../../lib/export/memo';
import { tableTsv, tablesTsv } from '../../lib/export/tsv';
import type { Lang } from '../../lib/i18n/messages';
import type { AuditResult } from '../../lib/model/schema';
import { TABLE_IDS, type TableId } from '../../lib/model/statutory';
import { ClipboardUnavailableError, saveBytes, saveText, writeTable, writeText } from './clipboard';

// Untyped on purpose: the keys are checked by test/export/locale-keys.test.ts, not by the generated
// .wxt types (which lag behind a locale edit until `wxt prepare` runs again).
const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string) => string;
function msg(key: string, params: Record<string, string | number> = {}): string {
  return (getMessage(key) || key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The catalog Chrome chose (the background audits in the same language). */
function uiLang(): Lang {
  return getMessage('ui_lang') === 'en' || getMessage('export_fileStem') === 'gouji' ? 'en' : 'zh';
}

type TableAction = TableId | 'all';
type Action = TableAction | 'csv' | 'json' | 'memo' | 'docx';

interface Prepared {
  tables: Record<TableAction, { tsv: string; html: string } | null>;
  csv: { name: string; text: string } | null;
  json: string;
  memo: string;
}

export function prepareExports(result: AuditResult, lang: Lang): Prepared {
  const report = result.report;
  const tables = {} as Prepared['tables'];
  for (const table of TABLE_IDS) {
    tables[table] = report && hasTable(report, table) ? { tsv: tableTsv(report, table, { lang }), html: tableHtml(report, table, { lang }) } : null;
  }
  const present = TABLE_IDS.filter((table) => tables[table]);
  tables.all = report && present.length ? { tsv: tablesTsv(report, present, { lang }), html: tablesHtml(report, present, { lang }) } : null;
  return {
    tables,
    csv: report ? { name: exportFileName(result, 'csv', lang), text: longCsv([result], { lang }) } : null,
    json: auditJson([result]),
    memo: memo([result], { lang }),
  };
}

const LABELS: Record<Action, string> = {
  active: 'export_copyActive',
  applications: 'export_copyApplications',
  appeals: 'export_copyAppeals',
  all: 'export_copyAll',
  csv: 'export_saveCsv',
  json: 'export_copyJson',
  memo: 'export_copyMemo',
  docx: 'export_saveDocx',
};

/** The Word memo, built on click: the docx library loads only then (its own chunk, not the popup's). */
async function saveDocx(result: AuditResult, lang: Lang): Promise<string> {
  const { memoDocx } = await import('../../lib/export/docx');
  const name = exportFileName(result, 'docx', lang);
  saveBytes(name, await memoDocx([result], { lang }), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return name;
}

type Status = { ok: true; action: Action; text: string } | { ok: false; action: Action; text: string };

export function ExportButtons(props: { result: AuditResult }) {
  const lang = uiLang();
  const prepared = useMemo((): Prepared | Error => {
    try {
      return prepareExports(props.result, lang);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [props.result, lang]);
  const [status, setStatus] = useState<Status | null>(null);

  if (prepared instanceof Error) {
    return (
      <section class="exports" id="exports">
        <p role="alert" class="error" data-export-status="error">
          {msg('export_failed', { detail: prepared.message })}
        </p>
      </section>
    );
  }

  async function run(action: Action, work: () => Promise<void> | void, done: string) {
    try {
      await work();
      setStatus({ ok: true, action, text: done });
    } catch (error) {
      const detail = error instanceof ClipboardUnavailableError ? msg('export_noClipboard') : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      setStatus({ ok: false, action, text: msg('export_failed', { detail }) });
    }
  }

  const p = prepared;
  const tableButton = (action: TableAction) => {
    const data = p.tables[action];
    return (
      <button
        type="button"
        data-export={action}
        disabled={!data}
        title={data ? undefined : msg('export_noTable')}
        onClick={() => data && run(action, () => writeTable(data.tsv, data.html), msg(`export_done_${action}`))}
      >
        {msg(LABELS[action])}
      </button>
    );
  };

  return (
    <section class="exports" id="exports" aria-label={msg('export_heading')} style={{ marginTop: '12px' }}>
      <h2 style={{ fontSize: '13px', margin: '0 0 6px', color: '#555' }}>{msg('export_heading')}</h2>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' }}>
        {tableButton('active')}
        {tableButton('applications')}
        {tableButton('appeals')}
        {tableButton('all')}
        <button
          type="button"
          class="secondary"
          data-export="csv"
          disabled={!p.csv}
          onClick={() => p.csv && run('csv', () => saveText(p.csv!.name, p.csv!.text, 'text/csv;charset=utf-8'), msg('export_done_csv', { file: p.csv.name }))}
        >
          {msg(LABELS.csv)}
        </button>
        <button type="button" class="secondary" data-export="json" onClick={() => run('json', () => writeText(p.json), msg('export_done_json'))}>
          {msg(LABELS.json)}
        </button>
        <button type="button" class="secondary" data-export="memo" onClick={() => run('memo', () => writeText(p.memo), msg('export_done_memo'))}>
          {msg(LABELS.memo)}
        </button>
        <button type="button" class="secondary" data-export="docx" onClick={() => run('docx', async () => void (await saveDocx(props.result, lang)), msg('export_done_docx', { file: exportFileName(props.result, 'docx', lang) }))}>
          {msg(LABELS.docx)}
        </button>
      </div>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'export-ok' : 'error'} data-export-status={status.ok ? 'ok' : 'error'} data-export-action={status.action} style={{ margin: '8px 0 0' }}>
          {status.text}
        </p>
      )}
    </section>
  );
}
