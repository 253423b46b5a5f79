/**
 * What crosses between the page (content script) and the extension (service worker, popup).
 * Types only: the content script bundles nothing from here at run time.
 */
import type { DocumentContext } from '../../lib/audit';
import type { AttachmentOffer } from '../../lib/document/attachment';
import type { CellSource, PageDoc } from '../../lib/extract/page';
import type { AuditResult, Finding, Severity } from '../../lib/model/schema';
import type { MetaRow } from '../../components/ReportMeta';

/** The panel's 审核附件 frame to the panel (window.postMessage): Esc was pressed in the frame, where the panel's keys do not reach. */
export interface AttachmentEscape {
  type: 'gouji:attachment-escape';
}

/** Path of a frame from the top document: indexes into `document.querySelectorAll('iframe, frame')`
 *  at each level. `[]` is the top document. */
export type FramePath = number[];

export interface ExtractedFrame {
  path: FramePath;
  url: string;
  page: PageDoc;
}

/** A frame the content script could not read, and why. */
export interface UnreadableFrame {
  path: FramePath;
  /** The frame's address as written in the page (src), for the message. */
  src: string;
  reason: 'cross-origin' | 'sandboxed';
}

/** main()'s return value: executeScript's result. Structured-clone safe. */
export interface Extraction {
  /** Ties a later "show" to this injection: a page that navigated in between ignores it. */
  instance: string;
  url: string;
  frames: ExtractedFrame[];
  unreadable: UnreadableFrame[];
  /** The top document is a <frameset>: its own body shows nothing but frames. */
  frameset: boolean;
  /** Milliseconds spent walking the DOM. */
  extractMs: number;
}

export interface FrameAudit {
  path: FramePath;
  url: string;
  result: AuditResult;
  sources: Record<string, CellSource>;
  /** No report: why, in the words of the finding that says the input was not audited (isFailure in
   *  lib/rules/catalogue.ts). Decided here in the extension, so the catalogue stays out of the page's bundle. */
  failure?: string;
  /** No report on the page but a link to its file (lib/audit.ts): the link and the page's context. */
  attachment?: { href: string; text: string; context: DocumentContext };
}

/** A cell to mark: its canonical id, the worst severity of the findings it is the subject of. */
export interface MarkSpec {
  cell: string;
  severity: Severity;
  findings: string[];
}

/** Where the page's panel opened: the popup says so. */
export interface PanelPlacement {
  side: 'right' | 'left';
  collapsed: boolean;
  /** Collapsed because open it would cover this many marked cells. */
  hiddenMarks: number;
}

/** One audit of a tab, as stored in storage.session and shown by the panel and the popup. */
export interface TabAudit {
  runId: string;
  instance: string;
  tabUrl: string;
  lang: 'zh' | 'en';
  /** The frame whose report is shown (the top document unless the report is in a frame). */
  main: FrameAudit;
  /** Other frames that also hold a report (rare): counted, not shown. */
  otherReports: number;
  unreadable: UnreadableFrame[];
  frameset: boolean;
  /** Printed-label names of every cell a finding refers to, in `lang`. */
  labels: Record<string, string>;
  /** Cells marked on the page (a finding's subject cells; the rest of its relation shows when selected). */
  marks: MarkSpec[];
  /** Finding id → the cells it is about (a subset of its `cells`). */
  subjects: Record<string, string[]>;
  /** Finding id → its two numbers in words (lib/format/finding-numbers.ts, as the CLI and memo word them),
   *  for the panel and the selected cell's tag; worded here so the rule catalogue stays out of the page. */
  numbers: Record<string, string>;
  /** Finding id → the cells the panel names when it is selected, with what the page printed there, and
   *  its zero terms counted (lib/format/relation-terms.ts, as the memo names them). */
  terms: Record<string, { cells: { id: string; text: string }[]; zeros: string }>;
  /** The report's agency, year, format and date in words for the panel (components/ReportMeta.tsx). */
  meta: MetaRow[];
  /** Finding id → the expected value alone in words (应为 X), for a tag where the full wording has no room. */
  expectedOnly: Record<string, string>;
  /** Where a click's time went: the DOM walk, the audit in the service worker, the injection (the
   *  script's start and the walked page's trip back), the message that has the page draw, and the
   *  drawing itself in the page (marks and panel). */
  timing: { extractMs: number; auditMs: number; injectMs?: number; showMs?: number; drawMs?: number };
  at: number;
  /** Where the panel opened on the page (absent until it was drawn). */
  panel?: PanelPlacement;
  /** With last year's report of the same agency in the local history: the comparison (lib/compare). */
  comparison?: TabComparison;
  /** The page only links its report, as a file the report view can fetch: what 审核附件 opens. */
  attachment?: AttachmentOffer;
}

export interface TabComparison {
  previousSource: string;
  previousYear: number | null;
  repeated: number;
  sections: { section: number; title: string; repeated: number; weight: number }[];
  tables: { cells: number; equal: number; repeated: number };
  /** cross-year.* and text.repeated-* findings. */
  findings: Finding[];
  notices: string[];
}

export type ToContent =
  | { type: 'gouji:show'; audit: TabAudit; openPanel: boolean }
  | { type: 'gouji:clear' };

export type ToBackground =
  | { type: 'gouji:audit'; tabId: number }
  | { type: 'gouji:get'; tabId: number }
  | { type: 'gouji:show-panel'; tabId: number }
  | { type: 'gouji:clear'; tabId: number }
  /** From the panel: open the side-by-side page of this report and last year's. */
  | { type: 'gouji:open-compare'; newSource: string; oldSource: string }
  /** From the 审核附件 frame in the panel: its tab's offer (the frame's address carries none). */
  | { type: 'gouji:attachment-offer' }
  /** From the 审核附件 frame: open the report view on the page's attachment, with the page's context;
   *  `denied`: the user refused the file's origin at that click, so the view says so and offers to ask again. */
  | { type: 'gouji:open-attachment'; url: string; page: string; context: DocumentContext; denied?: boolean }
  /** From the content script: the user cleared the page, or it navigated away. */
  | { type: 'gouji:cleared' };

export type AuditResponse = { ok: true; audit: TabAudit } | { ok: false; error: string };
