/**
 * The extension side of an audit: inject the content script (under activeTab), receive the walked
 * page(s), audit them with lib/ (the same code the CLI runs), keep the result for the tab in
 * storage.session and hand it back to the page to draw.
 */
import { browser } from 'wxt/browser';
import { auditPageDetailed, internalErrorResult, unreadableResult, type DetailedAudit } from '../../lib/audit';
import { attachmentOffer } from '../../lib/document/attachment';
import { PageDocSchema } from '../../lib/extract/page-schema';
import { reportMetaRows } from '../../components/ReportMeta';
import { cellLabel } from '../../lib/format/cell-label';
import { describeCell } from '../../lib/export/memo';
import { findingNumbers } from '../../lib/format/finding-numbers';
import { namedTerms } from '../../lib/format/relation-terms';
import { t } from '../../lib/i18n/messages';
import { isFailure } from '../../lib/rules/catalogue';
import type { Extraction, FrameAudit, PanelPlacement, TabAudit, ToContent } from '../content/protocol';
import { readHistory, recordAndCompare } from './history';
import { sessionStore, toolbarBadge } from './compat';
import { planMarks } from './plan';

export const storageKey = (tabId: number) => `tab:${tabId}`;

/** The language of the catalog Chrome chose for this browser (zh_CN unless the browser is English):
 *  rule messages from lib/ then match the extension's own strings. */
export function uiLang(): 'zh' | 'en' {
  const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string) => string;
  return getMessage('ui_lang') === 'en' ? 'en' : 'zh';
}

function auditFrame(frame: Extraction['frames'][number], lang: 'zh' | 'en'): FrameAudit {
  const parsed = PageDocSchema.safeParse(frame.page);
  let detailed: DetailedAudit;
  if (!parsed.success) {
    detailed = { result: internalErrorResult(frame.url, new Error('unexpected data from the page script'), { lang }), sources: {} };
  } else {
    try {
      detailed = auditPageDetailed(parsed.data, frame.url, { lang });
    } catch (error) {
      detailed = { result: internalErrorResult(frame.url, error, { lang }), sources: {} };
    }
  }
  const failure = detailed.result.report ? undefined : detailed.result.findings.find((f) => isFailure(f.rule))?.message;
  return { path: frame.path, url: frame.url, ...detailed, ...(failure ? { failure } : {}) };
}

/** Builds the stored/shown audit from an extraction (pure but for i18n: testable). */
export function buildTabAudit(extraction: Extraction, lang: 'zh' | 'en'): TabAudit {
  const started = performance.now();
  const audits = extraction.frames.map((f) => auditFrame(f, lang));
  const withReport = audits.filter((a) => a.result.report !== null);
  const main = withReport[0] ?? audits[0]!;
  const auditMs = Math.round(performance.now() - started);
  const labels: Record<string, string> = {};
  const cells = main.result.report?.cells ?? {};
  for (const f of main.result.findings) for (const c of f.cells) labels[c] ??= cellLabel(c, lang, cells[c]?.label);
  const { marks, subjects } = planMarks(main.result.findings);
  const attachment = attachmentOffer(main.attachment, main.url);
  const numbers: Record<string, string> = {};
  const expectedOnly: Record<string, string> = {};
  const terms: TabAudit['terms'] = {};
  const translate = (key: string, params: Record<string, string | number> = {}) => t(key, params, lang);
  for (const f of main.result.findings) {
    if (!f.id) continue;
    const worded = findingNumbers(f, translate);
    if (worded) numbers[f.id] = worded;
    const expected = f.expected !== undefined && f.actual !== undefined ? findingNumbers({ rule: f.rule, expected: f.expected }, translate) : null;
    if (expected) expectedOnly[f.id] = expected;
    const { named, zeros } = namedTerms(f, main.result.report);
    terms[f.id] = { cells: named.map((id) => ({ id, text: describeCell(id, main.result.report, lang) })), zeros: zeros ? translate('export_memo_zeros', { count: zeros }) : '' };
  }
  return {
    runId: `${extraction.instance}:${Date.now().toString(36)}`,
    instance: extraction.instance,
    tabUrl: extraction.url,
    lang,
    main,
    otherReports: Math.max(0, withReport.length - 1),
    unreadable: extraction.unreadable,
    frameset: extraction.frameset,
    labels,
    marks,
    subjects,
    meta: main.result.report ? reportMetaRows(main.result.report, translate) : [],
    numbers,
    expectedOnly,
    terms,
    timing: { extractMs: extraction.extractMs, auditMs },
    at: Date.now(),
    ...(attachment ? { attachment } : {}),
  };
}

export async function setBadge(tabId: number, audit: TabAudit | null): Promise<void> {
  const badge = toolbarBadge();
  if (!badge) return;
  try {
    if (!audit) {
      await badge.setBadgeText({ tabId, text: '' });
      return;
    }
    const findings = audit.main.result.findings;
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const text = errors ? String(errors) : warnings ? String(warnings) : '✓';
    await badge.setBadgeBackgroundColor({ tabId, color: errors ? '#c62828' : warnings ? '#b45309' : '#1a7f37' });
    await badge.setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile.
  }
}

/**
 * Sends an audit to the page to draw, and records on it where the panel opened (the popup says so)
 * and, with `store`, keeps that in storage.session. False when the page no longer has our script.
 */
export async function showInPage(tabId: number, audit: TabAudit, openPanel = true, store = true): Promise<boolean> {
  const message: ToContent = { type: 'gouji:show', audit, openPanel };
  try {
    const reply = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as { ok?: boolean; panel?: PanelPlacement; drawMs?: number } | undefined;
    if (reply?.ok === true && reply.panel) {
      audit.panel = reply.panel;
      if (reply.drawMs !== undefined) audit.timing.drawMs = reply.drawMs;
      if (store) await sessionStore().set({ [storageKey(tabId)]: audit });
    }
    return reply?.ok === true;
  } catch {
    return false;
  }
}

/**
 * A click: inject, walk, audit, draw, store. The page draws before anything is stored (storage.session
 * and the history are written once each, after the marks are up), so the reviewer waits for no write.
 */
export async function auditTab(tabId: number): Promise<TabAudit> {
  // The history is read while the page is walked: it is off the click's path.
  const history = readHistory().catch(() => []);
  const injecting = performance.now();
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  const injected = performance.now() - injecting;
  // No result: Chrome refuses to script this page (chrome://, the Web Store, a PDF viewer), or main() threw.
  const extraction = injection?.result as Extraction | undefined;
  if (!extraction || !Array.isArray(extraction.frames) || extraction.frames.length === 0) throw new Error('no result from the page');
  const audit = buildTabAudit(extraction, uiLang());
  audit.timing.injectMs = Math.round(injected - extraction.extractMs);
  // The report joins the local history; last year's report of the agency there is compared with it.
  const page = extraction.frames.find((f) => f.path.join('.') === audit.main.path.join('.'))?.page;
  const recorded = await recordAndCompare(audit.main.result, page?.lines ?? [], audit.lang, history).catch(() => undefined);
  if (recorded?.comparison) audit.comparison = recorded.comparison;
  const showing = performance.now();
  await Promise.all([showInPage(tabId, audit, true, false), setBadge(tabId, audit)]);
  audit.timing.showMs = Math.round(performance.now() - showing);
  await Promise.all([sessionStore().set({ [storageKey(tabId)]: audit }), recorded?.saved.catch(() => undefined)]);
  return audit;
}

export async function storedAudit(tabId: number): Promise<TabAudit | null> {
  const got = await sessionStore().get(storageKey(tabId));
  return (got[storageKey(tabId)] as TabAudit | undefined) ?? null;
}

export async function forget(tabId: number): Promise<void> {
  await sessionStore().remove(storageKey(tabId));
  await setBadge(tabId, null);
}

/** Is the page still the one audited (same document, our script still there)? Asked without re-running. */
export async function pageHasRun(tabId: number, audit: TabAudit): Promise<boolean> {
  try {
    const [probe] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => (globalThis as { __gouji?: { controller: { instance: string; runId: string | null } } }).__gouji?.controller.runId ?? null,
    });
    return probe?.result === audit.runId;
  } catch {
    return false;
  }
}
