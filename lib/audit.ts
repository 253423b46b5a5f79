/**
 * The audit: input → AuditResult (the JSON contract). Every entry point (bytes from the CLI, an HTML
 * string, a text dump, a PageDoc walked from the live DOM) ends in `auditPage`, so a finding on the
 * command line is the same finding in the browser.
 */
import { decodeInput } from './extract/decode';
import { pageFromHtml } from './extract/from-html';
import { pageFromText } from './extract/from-text';
import type { CellSource, PageDoc } from './extract/page';
import { columnLabel, rowLabel, tableName } from './format/cell-label';
import { stableHash } from './hash';
import { ruleMessageKey, t, type Lang } from './i18n/messages';
import { ruleMeta } from './rules/catalogue';
import type { AuditResult, Cell, Finding } from './model/schema';
import { publisherKind, type ReportMeta } from './recognize/meta';
import { recognise, type Recognition } from './recognize/recognize';
import { makeContext, type Rule } from './rules/context';
import { RULES } from './rules/index';
import type { FindingDraft } from './rules/types';

export interface AuditOptions {
  lang?: Lang;
  today?: Date;
  /** The charset an HTTP header declared for these bytes (used when the page declares none). */
  charset?: string | null;
  /** The single-report rules to run (default: all of RULES). */
  rules?: readonly Rule[];
  /** Called with the page read, before recognition: the year-over-year comparison keeps its text lines. */
  onPage?: (page: PageDoc) => void;
  /** What the page that links a document says of it: fills the metadata the document lacks. */
  context?: DocumentContext;
}

export interface DocumentContext {
  agency?: string | null;
  year?: number | null;
  published?: string | null;
}

/** Inputs larger than this get input.too-large (real report pages are well under 1 MB; 20 MB pages are audited). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Why an input could not be read; each reason has its message (rule_input_unreadable__<reason>). */
export interface Unreadable {
  reason: 'empty' | 'binary' | 'pdf' | 'encoding' | 'http' | 'challenge' | 'timeout' | 'fetch' | 'open' | 'missing' | 'folder' | 'encrypted' | 'damaged' | 'unzipLimit';
  params?: Record<string, string | number>;
}

export interface DetailedAudit {
  result: AuditResult;
  /** Where each canonical cell was printed, for marking it on the page. */
  sources: Record<string, CellSource>;
  /** A page with no report but a link to its file: the link, and what the page says of the report. */
  attachment?: { href: string; text: string; context: DocumentContext };
}

function safeDecodeUri(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** Fewer characters of text than this, and no table: a script-rendered shell or an anti-bot page. */
const EMPTY_SHELL_CHARS = 60;
const ATTACHMENT_FILE = /\.(pdf|docx?|wps|ofd|xlsx?|jpe?g|png|gif|zip|rar)(?:$|[?#])/i;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function render(draft: FindingDraft, lang: Lang): Finding & { suspects?: string[] } {
  const key = draft.messageKey ?? draft.rule;
  // Findings without cells (structure, text, input) are told apart by what they say.
  const about = draft.cells.length ? '' : JSON.stringify(Object.entries(draft.params).sort());
  const id = stableHash([key, draft.cells.join(','), draft.expected ?? '', draft.actual ?? '', draft.quote ?? '', about].join('|'));
  return {
    id,
    rule: draft.rule,
    severity: draft.severity,
    message: t(ruleMessageKey(key), draft.params, lang),
    cells: draft.cells,
    ...(draft.expected !== undefined ? { expected: draft.expected } : {}),
    ...(draft.actual !== undefined ? { actual: draft.actual } : {}),
    ...(draft.quote !== undefined ? { quote: draft.quote } : {}),
    ...(draft.deadline !== undefined ? { deadline: draft.deadline } : {}),
    ...(draft.suspects ? { suspects: draft.suspects } : {}),
  };
}

/**
 * Findings of rules that link by cells (the catalogue's `linksByCells`) and share a cell are linked: one wrong
 * number explains them all. Info findings take part only when they name their suspects (a relation not
 * checked because of a term; a narrative that is right where the printed total is wrong).
 */
function linkRelated(findings: (Finding & { suspects?: string[] })[]): Finding[] {
  const linkable = findings.filter((f) => ruleMeta(f.rule)?.linksByCells && (f.severity !== 'info' || f.suspects));
  for (const a of linkable) {
    const related: string[] = [];
    const aSuspects = new Set(a.suspects ?? a.cells);
    for (const b of linkable) {
      if (a === b) continue;
      const bSuspects = new Set(b.suspects ?? b.cells);
      if (b.cells.some((c) => aSuspects.has(c)) || a.cells.some((c) => bSuspects.has(c))) related.push(b.id!);
    }
    if (related.length) a.related = related;
  }
  return findings.map(({ suspects: _, ...f }) => f);
}

function reportCells(recognition: Recognition, implied: Map<string, number>): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const c of recognition.cells.values()) {
    const p = c.parsed;
    const i = implied.get(c.id);
    cells[c.id] = {
      raw: c.raw,
      value: p.kind === 'number' ? p.value : null,
      ...(i !== undefined ? { implied: i } : {}),
      ...(p.kind === 'number' && p.unit ? { unit: p.unit } : {}),
      ...(c.label ? { label: c.label } : {}),
    };
  }
  return cells;
}

/** The recogniser names tables, rows and columns by id; messages name them by their printed labels. */
function localizeStructureParams(draft: FindingDraft, lang: Lang): FindingDraft {
  const p = { ...draft.params };
  const table = String(p.table ?? '');
  if ('row' in p) p.row = rowLabel(table, String(p.row), lang);
  if ('column' in p) p.column = columnLabel(table, 'new', String(p.column), lang);
  if ('table' in p) p.table = tableName(table, lang);
  return { ...draft, params: p };
}

/** The document's own metadata first; what the linking page says fills the gaps. */
function withContext(meta: ReportMeta, context: DocumentContext): void {
  const agency = meta.agency;
  meta.agency ??= context.agency ?? null;
  meta.year ??= context.year ?? null;
  meta.published ??= context.published ?? null;
  if (meta.agency !== agency) meta.kind = publisherKind(meta.agency, meta.title);
}

function inputFailure(source: string, draft: FindingDraft, lang: Lang): DetailedAudit {
  return { result: { source, report: null, findings: linkRelated([render(draft, lang)]) }, sources: {} };
}

export function auditPageDetailed(page: PageDoc, source: string, options: AuditOptions = {}): DetailedAudit {
  const lang = options.lang ?? 'zh';
  options.onPage?.(page);
  const recognised = recognise(page);
  if (!recognised.ok) {
    // Name a file that looks like the report (PDF, DOC, WPS, OFD, an image), not a link to another page.
    const files = recognised.attachments.filter((l) => ATTACHMENT_FILE.test(l.href));
    const attachment = files.find((l) => /年度报告|年报/.test(l.text + safeDecodeUri(l.href))) ?? files[0];
    // A page with next to no text and no table is a shell its scripts would fill, or a challenge page:
    // unreadable as fetched, which is not the same as "not a report".
    if (!attachment && page.tables.length === 0 && page.lines.join('').length < EMPTY_SHELL_CHARS) {
      return inputFailure(source, { rule: 'input.unreadable', severity: 'error', messageKey: 'input.unreadable#emptyShell', params: {}, cells: [] }, lang);
    }
    const failure = inputFailure(
      source,
      attachment
        ? { rule: 'input.no-report', severity: 'error', messageKey: 'input.no-report#attachment', params: { attachment: `${attachment.text} (${attachment.href})` }, cells: [] }
        : { rule: 'input.no-report', severity: 'error', params: {}, cells: [] },
      lang,
    );
    if (attachment) failure.attachment = { href: attachment.href, text: attachment.text, context: { agency: recognised.meta.agency, year: recognised.meta.year, published: recognised.meta.published } };
    return failure;
  }
  const recognition = recognised.recognition;
  if (options.context) withContext(recognition.meta, options.context);
  const ctx = makeContext(recognition, lang, options.today);
  const drafts: FindingDraft[] = recognition.findings.map((d) => localizeStructureParams(d, lang));
  // A size guard cut the page short: the audit covers what was read, and says what was not.
  if (page.limits.truncated.length) drafts.push({ rule: 'input.truncated', severity: 'warning', params: { what: page.limits.truncated.join('; ') }, cells: [] });
  for (const rule of options.rules ?? RULES) {
    try {
      drafts.push(...rule.run(ctx));
    } catch (error) {
      drafts.push({ rule: 'internal.rule-failed', severity: 'error', params: { ruleId: rule.id, error: String((error as Error)?.message ?? error) }, cells: [] });
    }
  }
  drafts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const findings = linkRelated(drafts.map((d) => render(d, lang)));
  const sources: Record<string, CellSource> = {};
  for (const c of recognition.cells.values()) if (c.source) sources[c.id] = c.source;
  return {
    result: {
      source,
      report: {
        year: recognition.meta.year,
        format: recognition.format,
        agency: recognition.meta.agency,
        published: recognition.meta.published,
        cells: reportCells(recognition, ctx.solution.implied),
      },
      findings,
    },
    sources,
  };
}

export const auditPage = (page: PageDoc, source: string, options?: AuditOptions): AuditResult => auditPageDetailed(page, source, options).result;

export function auditHtml(html: string, source: string, options?: AuditOptions): AuditResult {
  if (html.length > MAX_INPUT_BYTES) return tooLargeResult(source, html.length, options);
  return auditPage(pageFromHtml(html), source, options);
}

export function auditText(text: string, source: string, options?: AuditOptions): AuditResult {
  if (text.length > MAX_INPUT_BYTES) return tooLargeResult(source, text.length, options);
  return auditPage(pageFromText(text), source, options);
}

/** A size as the input.too-large message gives it: MB from 1 MB, else KB. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Bytes of a saved page or a text dump, encoding and kind detected by content. */
export function auditBytes(bytes: Uint8Array, source: string, options: AuditOptions = {}): AuditResult {
  const lang = options.lang ?? 'zh';
  if (bytes.length > MAX_INPUT_BYTES) return tooLargeResult(source, bytes.length, options);
  const decoded = decodeInput(bytes, options.charset ?? null);
  if (!decoded.ok) return unreadableResult(source, { reason: decoded.reason }, options);
  try {
    return decoded.kind === 'html' ? auditHtml(decoded.text, source, options) : auditText(decoded.text, source, options);
  } catch (error) {
    return internalErrorResult(source, error, options);
  }
}

/** A fault of Gouji's own (extraction or recognition threw), not of the input: said as such, with the stack. */
export function internalErrorResult(source: string, error: unknown, options: AuditOptions = {}): AuditResult {
  const result = inputFailure(source, { rule: 'internal.error', severity: 'error', params: { error: String((error as Error)?.message ?? error) }, cells: [] }, options.lang ?? 'zh').result;
  const stack = (error as Error)?.stack;
  if (stack) result.findings[0]!.stack = stack;
  return result;
}

/** A failure of the input itself (a fetch that failed, an anti-bot challenge), as a result. */
export function unreadableResult(source: string, why: Unreadable, options: AuditOptions = {}): AuditResult {
  return inputFailure(source, { rule: 'input.unreadable', severity: 'error', messageKey: `input.unreadable#${why.reason}`, params: why.params ?? {}, cells: [] }, options.lang ?? 'zh').result;
}

/** An input over the size guard, said as such and not audited. */
/** `stopped`: a download of no declared length, read no further than the cap (`size` is where it stopped). */
export function tooLargeResult(source: string, size: number, options: AuditOptions = {}, stopped = false): AuditResult {
  const draft: FindingDraft = { rule: 'input.too-large', severity: 'error', params: { size: formatBytes(size), limit: formatBytes(MAX_INPUT_BYTES) }, cells: [], ...(stopped ? { messageKey: 'input.too-large#stopped' } : {}) };
  return inputFailure(source, draft, options.lang ?? 'zh').result;
}

/** A result that is one finding about the input (a document that could not be read, and why). */
export function failureResult(source: string, draft: FindingDraft, options: AuditOptions = {}): AuditResult {
  return inputFailure(source, draft, options.lang ?? 'zh').result;
}

/** Adds a finding about how the input was read (a warning of a document reader), in severity order. */
export function addInputFinding(result: AuditResult, draft: FindingDraft, options: AuditOptions = {}): void {
  const [finding] = linkRelated([render(draft, options.lang ?? 'zh')]);
  const at = result.findings.findIndex((f) => SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[draft.severity]);
  result.findings.splice(at < 0 ? result.findings.length : at, 0, finding!);
}
