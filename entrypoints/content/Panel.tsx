/**
 * The findings list on the page (Preact, in the overlay's shadow root). Every string from the page or
 * the report is rendered as text by Preact; nothing is ever parsed as HTML.
 */
import type { Finding, Severity } from '../../lib/model/schema';
import { formatSum, type SelectionSums } from '../../lib/selection/sums';
import { MetaList } from '../../components/ReportMeta';
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
  /** The finding the keyboard is on (the one in the Tab order); null: the selected or the first. */
  current: string | null;
  /** The cells selected on the page, added up (null: none selected). */
  sums: SelectionSums | null;
  onSelect(id: string): void;
  onClear(): void;
  onClearSelection(): void;
  onToggle(): void;
}

/** The names of the cells a finding is about, for screen readers and the live region. */
function cellNames(finding: Finding, audit: TabAudit): string {
  const subjects = audit.subjects[finding.id ?? ''] ?? [];
  return (subjects.length ? subjects : finding.cells).map((c) => audit.labels[c] ?? c).join('、');
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

function FindingItem({ finding, props, current }: { finding: Finding; props: PanelProps; current: string | null }) {
  const id = finding.id ?? '';
  const selected = props.selected === id;
  const { labels } = props.audit;
  const terms = props.audit.terms?.[id];
  const cells = cellNames(finding, props.audit);
  const numbers = props.audit.numbers[id];
  // One finding in the Tab order (roving tabindex): Tab enters the list, arrows and j/k move in it.
  return (
    <li>
      <button type="button" class="finding" data-finding={id} data-rule={finding.rule} data-severity={finding.severity} aria-pressed={selected ? 'true' : 'false'} tabIndex={id === current ? 0 : -1} onClick={() => props.onSelect(id)}>
        <SeverityIcon severity={finding.severity} />
        <span class="sr">{msg(`severity_${finding.severity}`)}：</span>
        <span class="msg">{finding.message}</span>
        {cells && <span class="sr">{`，${msg('ui_findingCells', { cells })}`}</span>}
      </button>
      {selected && (finding.cells.length > 0 || finding.expected !== undefined) && (
        <div class="details" data-details={id}>
          {numbers && <div>{numbers}</div>}
          {finding.cells.length > 0 && (
            <>
              <div>{msg('ui_cellsOfRelation')}</div>
              <ul>
                {(terms?.cells ?? finding.cells.map((c) => ({ id: c, text: labels[c] ?? c }))).map(({ id: c, text }) => (
                  <li key={c} data-cell={c}>
                    {text}
                    {props.missingCells.has(c) ? ` ${msg('ui_cellNotFound')}` : ''}
                  </li>
                ))}
                {terms?.zeros && <li data-zero-terms>{terms.zeros}</li>}
              </ul>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function Groups({ findings, props, current }: { findings: Finding[]; props: PanelProps; current: string | null }) {
  return (
    <>
      {groupByRule(findings).map(([rule, list]) => (
        <section key={rule} class="group" data-group={rule}>
          <h3>
            {ruleName(rule)} <code>{rule}</code> ({list.length})
          </h3>
          <ul>
            {list.map((f) => (
              <FindingItem key={f.id} finding={f} props={props} current={current} />
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

/**
 * The page only links its report: 审核附件 is an extension page in a frame (attachment.html), so its click
 * can ask for the file's origin (permissions.request needs an extension context and that click). Its
 * address carries nothing; it asks the background for this tab's offer.
 */
function AuditAttachment({ audit }: { audit: TabAudit }) {
  return audit.attachment ? <iframe class="attachment" title={msg('ui_auditAttachment')} src={browser.runtime.getURL('/attachment.html')} /> : null;
}

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

/** The selection's count, sum, difference of two selections, and the cells left out — a status bar. */
export function Sums({ sums, onClear }: { sums: SelectionSums | null; onClear(): void }) {
  const total = sums?.total;
  const [first, second] = sums?.groups ?? [];
  return (
    <div class="sums" data-sums>
      <p role="status" aria-live="polite" data-sums-text>
        {!total && <span class="hint">{msg('ui_selHint')}</span>}
        {total && <span data-sum>{msg('ui_selSummary', { count: total.count, sum: formatSum(total.sum, total.decimals) })}</span>}
        {sums && sums.difference !== null && first && second && (
          <span data-difference>{msg('ui_selDifference', { first: formatSum(first.sum, first.decimals), second: formatSum(second.sum, second.decimals), difference: formatSum(sums.difference, sums.differenceDecimals) })}</span>
        )}
        {total && total.nonNumeric > 0 && <span data-non-numeric>{msg('ui_selNonNumeric', { count: total.nonNumeric })}</span>}
      </p>
      {total && (
        <button type="button" data-action="clear-selection" onClick={onClear}>
          {msg('ui_selClear')}
        </button>
      )}
    </div>
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
  const listed = [...shown, ...infos].map((f) => f.id ?? '');
  const current = [props.current, props.selected].find((id) => id !== null && listed.includes(id)) ?? shown[0]?.id ?? null;
  const focused = result.findings.find((f) => f.id === props.selected);

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
            {report && <MetaList rows={audit.meta} class="meta" />}
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
                {audit.main.failure ?? msg('ui_noReport')}
              </p>
            )}
            {!report && <AuditAttachment audit={audit} />}
            {report && shown.length === 0 && (
              <p class="note good" role="status" data-note="no-findings">
                {msg('ui_noFindings')}
              </p>
            )}
            {report && shown.length + infos.length > 0 && (
              <p class="keys" id="gouji-keys">
                {msg('ui_keysHint')}
              </p>
            )}
            {report && (
              <div role="group" aria-label={msg('ui_findingsLabel')} aria-describedby="gouji-keys" data-findings>
                <Groups findings={shown} props={props} current={current} />
                {infos.length > 0 && (
                  <details data-infos>
                    <summary>{msg('ui_infoFindings', { count: infos.length })}</summary>
                    <Groups findings={infos} props={props} current={current ?? infos[0]?.id ?? null} />
                  </details>
                )}
              </div>
            )}
            {report && <YearOverYear audit={audit} />}
            <p class="sr" role="status" data-announce>
              {focused ? msg('ui_findingShown', { cells: cellNames(focused, audit) || focused.message }) : ''}
            </p>
          </div>
          <Sums sums={props.sums} onClear={props.onClearSelection} />
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
