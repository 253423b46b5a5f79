/**
 * The findings list on the page (Preact, in the overlay's shadow root). Every string from the page or
 * the report is rendered as text by Preact; nothing is ever parsed as HTML.
 */
import { findingNumbers } from '../../lib/format/finding-numbers';
import type { Finding, Severity } from '../../lib/model/schema';
import { ReportMeta } from '../../components/ReportMeta';
import { msg, ruleName } from './i18n';
import type { Band } from './placement';
import type { TabAudit, ToBackground } from './protocol';
import { browser } from 'wxt/browser';

export const SEVERITY_SHAPE: Record<Severity, string> = { error: '■', warning: '▲', info: '●' };
const ORDER: Severity[] = ['error', 'warning', 'info'];

export interface PanelProps {
  audit: TabAudit;
  selected: string | null;
  side: 'right' | 'left';
  collapsed: boolean;
  /** A band of the window the panel keeps to, clear of the selected cell (null: full height). */
  band: Band | null;
  /** Opened collapsed because open it would cover this many marks (0: it was not). */
  hiddenMarks: number;
  /** Cells that could not be found on the page again (the page changed since the audit). */
  missingCells: ReadonlySet<string>;
  onSelect(id: string): void;
  onClear(): void;
  onToggle(): void;
}

function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span class={`sev ${severity}`} aria-hidden="true">
      {SEVERITY_SHAPE[severity]}
    </span>
  );
}

function groupByRule(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.rule);
    if (list) list.push(f);
    else groups.set(f.rule, [f]);
  }
  return [...groups];
}

function FindingItem({ finding, props }: { finding: Finding; props: PanelProps }) {
  const id = finding.id ?? '';
  const selected = props.selected === id;
  const { labels } = props.audit;
  return (
    <li>
      <button type="button" class="finding" data-finding={id} data-rule={finding.rule} data-severity={finding.severity} aria-pressed={selected ? 'true' : 'false'} onClick={() => props.onSelect(id)}>
        <SeverityIcon severity={finding.severity} />
        <span class="msg">{finding.message}</span>
      </button>
      {selected && (finding.cells.length > 0 || finding.expected !== undefined) && (
        <div class="details" data-details={id}>
          {findingNumbers(finding, msg) && <div>{findingNumbers(finding, msg)}</div>}
          {finding.cells.length > 0 && (
            <>
              <div>{msg('ui_cellsOfRelation')}</div>
              <ul>
                {finding.cells.map((c) => (
                  <li key={c} data-cell={c}>
                    {labels[c] ?? c}
                    {props.missingCells.has(c) ? ` ${msg('ui_cellNotFound')}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function Groups({ findings, props }: { findings: Finding[]; props: PanelProps }) {
  return (
    <>
      {groupByRule(findings).map(([rule, list]) => (
        <section key={rule} class="group" data-group={rule}>
          <h3>
            {ruleName(rule)} <code>{rule}</code> ({list.length})
          </h3>
          <ul>
            {list.map((f) => (
              <FindingItem key={f.id} finding={f} props={props} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Notes({ audit }: { audit: TabAudit }) {
  const notes: { key: string; text: string; tone?: string }[] = [];
  if (audit.frameset) notes.push({ key: 'frameset', text: msg('ui_frameset') });
  for (const f of audit.unreadable) notes.push({ key: `u${f.path.join('.')}`, text: msg(f.reason === 'sandboxed' ? 'ui_frameSandboxed' : 'ui_frameCrossOrigin', { src: f.src }) });
  if (audit.main.path.length > 0) notes.push({ key: 'inframe', text: msg('ui_reportInFrame', { url: audit.main.url }) });
  if (audit.otherReports > 0) notes.push({ key: 'others', text: msg('ui_otherReports', { count: audit.otherReports }) });
  return (
    <>
      {notes.map((n) => (
        <p key={n.key} class="note" data-note={n.key}>
          {n.text}
        </p>
      ))}
    </>
  );
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Last year's report of the agency was in the local history: the shares, the findings, the side-by-side link. */
function YearOverYear({ audit }: { audit: TabAudit }) {
  const c = audit.comparison;
  if (!c) return null;
  const share = (n: number) => pct(c.sections.find((s) => s.section === n)?.repeated ?? 0);
  const open = () => {
    const message: ToBackground = { type: 'gouji:open-compare', oldSource: c.previousSource, newSource: audit.main.result.source };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  };
  return (
    <section class="group" data-comparison>
      <h3>{msg('ui_compare_with', { year: c.previousYear ?? '?', source: c.previousSource })}</h3>
      <p class="note" data-comparison-shares>
        {msg('ui_compare_shares', { share: pct(c.repeated), one: share(1), five: share(5), tables: pct(c.tables.repeated) })}
      </p>
      {c.notices.map((n) => (
        <p key={n} class="note">
          {n}
        </p>
      ))}
      <ul>
        {c.findings.map((f) => (
          <li key={f.id} data-rule={f.rule}>
            <SeverityIcon severity={f.severity} /> <span class="msg">{f.message}</span>
          </li>
        ))}
      </ul>
      <button type="button" data-action="open-compare" onClick={open}>
        {msg('ui_compare_open')}
      </button>
    </section>
  );
}

export function Panel(props: PanelProps) {
  const { audit } = props;
  const { result } = audit.main;
  const report = result.report;
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const f of result.findings) counts[f.severity]++;
  const shown = result.findings.filter((f) => f.severity !== 'info');
  const infos = result.findings.filter((f) => f.severity === 'info');
  const unknown = msg('cli_unknown');
  const title = report ? `${report.agency ?? unknown} ${report.year ?? ''}` : msg('ui_panelTitle');

  return (
    <aside
      class={`panel${props.side === 'left' ? ' left' : ''}${props.collapsed ? ' collapsed' : ''}`}
      style={props.band ? { top: `${props.band.top}px`, maxHeight: `${props.band.maxHeight}px` } : undefined}
      data-band={props.band ? 'true' : undefined}
      role="complementary" aria-label={msg('ui_panelTitle')} lang={audit.lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <h2 title={msg('ui_panelTitle')}>{props.collapsed ? msg('ui_panelTitle') : title}</h2>
        {props.collapsed && (
          <span class="count" data-collapsed-counts>
            <SeverityIcon severity="error" /> {counts.error} <SeverityIcon severity="warning" /> {counts.warning}
          </span>
        )}
        <button type="button" data-action="toggle" aria-expanded={props.collapsed ? 'false' : 'true'} onClick={props.onToggle}>
          {props.collapsed ? msg('ui_expand') : msg('ui_collapse')}
        </button>
      </header>
      {props.collapsed && props.hiddenMarks > 0 && (
        <p class="why" data-collapsed-why>
          {msg('ui_panelCollapsedForMarks', { count: props.hiddenMarks })}
        </p>
      )}
      {!props.collapsed && (
        <>
          <div class="body">
            {report && <ReportMeta report={report} msg={msg} class="meta" />}
            <div class="counts" data-counts>
              {ORDER.map((s) => (
                <span key={s} class="count" data-count={s}>
                  <SeverityIcon severity={s} />
                  {msg(`severity_${s}`)} <b>{counts[s]}</b>
                </span>
              ))}
            </div>
            <Notes audit={audit} />
            {!report && (
              <p class="note bad" role="alert" data-note="no-report">
                {result.findings.find((f) => f.rule.startsWith('input.'))?.message ?? msg('ui_noReport')}
              </p>
            )}
            {report && shown.length === 0 && (
              <p class="note good" role="status" data-note="no-findings">
                {msg('ui_noFindings')}
              </p>
            )}
            {report && <Groups findings={shown} props={props} />}
            {report && <YearOverYear audit={audit} />}
            {report && infos.length > 0 && (
              <details data-infos>
                <summary>{msg('ui_infoFindings', { count: infos.length })}</summary>
                <Groups findings={infos} props={props} />
              </details>
            )}
          </div>
          <footer>
            <button type="button" class="primary" data-action="clear" onClick={props.onClear}>
              {msg('ui_clear')}
            </button>
          </footer>
        </>
      )}
    </aside>
  );
}
