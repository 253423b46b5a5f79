/** Agency, year, format and publication date of an audited report: the same block in the panel and the popup. */
import type { Report } from '../lib/model/schema';

export interface MetaRow {
  field: 'agency' | 'year' | 'format' | 'published';
  label: string;
  value: string;
}

type Msg = (key: string, params?: Record<string, string | number>) => string;

/** The block's rows in words. The extension worker words them for the page's panel (in TabAudit), so the page does without this. */
export function reportMetaRows(report: Report, msg: Msg): MetaRow[] {
  const unknown = msg('cli_unknown');
  return [
    { field: 'agency', label: msg('cli_agency'), value: report.agency ?? unknown },
    { field: 'year', label: msg('cli_year'), value: report.year != null ? String(report.year) : unknown },
    { field: 'format', label: msg('cli_format'), value: report.format ? msg('cli_formatName', { format: report.format }) : unknown },
    { field: 'published', label: msg('cli_published'), value: report.published ?? unknown },
  ];
}

export function MetaList(props: { rows: readonly MetaRow[]; class?: string }) {
  return (
    <dl class={props.class}>
      {props.rows.map((r) => [<dt key={`${r.field}:t`}>{r.label}</dt>, <dd key={r.field} data-field={r.field}>{r.value}</dd>])}
    </dl>
  );
}

export function ReportMeta(props: { report: Report; msg: Msg; class?: string }) {
  return <MetaList rows={reportMetaRows(props.report, props.msg)} class={props.class} />;
}
