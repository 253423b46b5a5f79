/** Agency, year, format and publication date of an audited report: the same block in the panel and the popup. */
import type { Report } from '../lib/model/schema';

export function ReportMeta(props: { report: Report; msg: (key: string, params?: Record<string, string | number>) => string; class?: string }) {
  const { report, msg } = props;
  const unknown = msg('cli_unknown');
  return (
    <dl class={props.class}>
      <dt>{msg('cli_agency')}</dt>
      <dd data-field="agency">{report.agency ?? unknown}</dd>
      <dt>{msg('cli_year')}</dt>
      <dd data-field="year">{report.year ?? unknown}</dd>
      <dt>{msg('cli_format')}</dt>
      <dd data-field="format">{report.format ? msg('cli_formatName', { format: report.format }) : unknown}</dd>
      <dt>{msg('cli_published')}</dt>
      <dd data-field="published">{report.published ?? unknown}</dd>
    </dl>
  );
}
