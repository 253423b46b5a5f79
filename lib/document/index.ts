/**
 * Any input a reviewer has — a saved page, MHTML, a text dump, a PDF, a .docx, a .doc — → the same
 * DetailedAudit as lib/audit.ts: documents are read into the neutral PageDoc (a .docx through its HTML)
 * and go through the one recogniser and the same rules. Findings and cells read from a PDF name their page.
 */
import { addInputFinding, auditBytes, internalErrorResult, auditPageDetailed, failureResult, MAX_INPUT_BYTES, tooLargeResult, unreadableResult, type AuditOptions, type DetailedAudit, type DocumentContext } from '../audit';
import { decodeInput } from '../extract/decode';
import { pageFromHtml } from '../extract/from-html';
import { pageFromText } from '../extract/from-text';
import { readPdf } from './pdf/read-pdf';
import { readDoc } from './word/read-doc';
import { readDocx } from './word/read-docx';

export type InputKind = 'html' | 'mhtml' | 'text' | 'pdf' | 'docx' | 'doc' | 'unknown';
export type { DocumentContext };
export type FileAuditOptions = AuditOptions;

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** The kind of input by its content, not its name (a .doc that is really HTML is HTML). */
export function sniffInputKind(bytes: Uint8Array): InputKind {
  if (!bytes.length) return 'unknown';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (/^\s*%PDF-/.test(head) || head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (/^(?:From:|MIME-Version:|Snapshot-Content-Location:)/im.test(head) && /multipart\/related/i.test(head)) return 'mhtml';
  if (/<(?:!doctype\s+html|html|head|body|table|div|p|meta|title)\b/i.test(head)) return 'html';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) if (bytes[i] === 0) return 'unknown';
  return 'text';
}

/** Sets each cell's and each finding's page from where its cells were printed. */
function withPages(audit: DetailedAudit): DetailedAudit {
  const report = audit.result.report;
  for (const [id, source] of Object.entries(audit.sources)) if (source.page && report?.cells[id]) report.cells[id]!.page = source.page;
  for (const f of audit.result.findings) {
    const pages = f.cells.map((c) => audit.sources[c]?.page).filter((p): p is number => typeof p === 'number');
    if (pages.length) f.page = Math.min(...pages);
  }
  return audit;
}

/** 1,2,3,5 → "第 1–3、5 页" / "pages 1–3, 5". */
export function pageList(pages: readonly number[], lang: 'zh' | 'en'): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return lang === 'en' ? `page${sorted.length > 1 ? 's' : ''} ${ranges.join(', ')}` : `第 ${ranges.join('、')} 页`;
}

const only = (result: DetailedAudit['result']): DetailedAudit => ({ result, sources: {} });

async function auditPdf(bytes: Uint8Array, source: string, options: FileAuditOptions): Promise<DetailedAudit> {
  const read = await readPdf(bytes);
  if (!read.ok) return only(unreadableResult(source, { reason: read.reason, params: { kind: 'PDF', error: read.error } }, options));
  const lang = options.lang ?? 'zh';
  const imageOnly = read.pages.filter((p) => p.textChars < 20 && p.images > 0).map((p) => p.number);
  const textChars = read.pages.reduce((s, p) => s + p.textChars, 0);
  const audit = withPages(auditPageDetailed(read.layout.page, source, options));
  if (!audit.result.report && (imageOnly.length || textChars < 20)) {
    // A scan, or tables pasted as pictures: say so with the pages, never "no report".
    const pages = imageOnly.length ? imageOnly : read.pages.map((p) => p.number);
    return only(failureResult(source, { rule: 'input.image-only', severity: 'error', params: { where: pageList(pages, lang) }, cells: [] }, options));
  }
  if (audit.result.report && imageOnly.length) addInputFinding(audit.result, { rule: 'input.image-only', severity: 'warning', params: { where: pageList(imageOnly, lang) }, cells: [] }, options);
  return audit;
}

async function auditDocx(bytes: Uint8Array, source: string, options: FileAuditOptions): Promise<DetailedAudit> {
  const read = await readDocx(bytes);
  if (!read.ok) return only(unreadableResult(source, { reason: read.reason, params: { kind: 'Word', error: read.error, limit: '64 MB' } }, options));
  return auditPageDetailed(pageFromHtml(read.html), source, options);
}

async function auditDoc(bytes: Uint8Array, source: string, options: FileAuditOptions): Promise<DetailedAudit> {
  const read = await readDoc(bytes);
  if (!read.ok) return only(unreadableResult(source, { reason: read.reason, params: { kind: 'Word 97–2003', error: read.error } }, options));
  const audit = auditPageDetailed(pageFromText(read.text), source, options);
  // Best effort: the binary format loses a table's rows; say so when a table was not rebuilt.
  const lost = audit.result.findings.filter((f) => f.rule === 'structure.missing-section' || f.rule === 'structure.missing-row' || f.rule === 'input.no-report').length;
  if (lost) addInputFinding(audit.result, { rule: 'input.doc-text-only', severity: 'warning', params: {}, cells: [] }, options);
  return audit;
}

/** Audits one input of any kind, detected by its content. */
export async function auditFile(bytes: Uint8Array, source: string, options: FileAuditOptions = {}): Promise<DetailedAudit> {
  try {
    return await auditKind(bytes, source, options);
  } catch (error) {
    return only(internalErrorResult(source, error, options));
  }
}

async function auditKind(bytes: Uint8Array, source: string, options: FileAuditOptions): Promise<DetailedAudit> {
  if (bytes.length > MAX_INPUT_BYTES) return only(tooLargeResult(source, bytes.length, options));
  const kind = sniffInputKind(bytes);
  if (kind === 'pdf') return auditPdf(bytes, source, options);
  if (kind === 'docx') return auditDocx(bytes, source, options);
  if (kind === 'doc') return auditDoc(bytes, source, options);
  if (kind === 'html' || kind === 'mhtml') {
    // Through the page path, keeping what a page with only an attachment says of its report.
    const decoded = decodeInput(bytes, options.charset ?? null);
    if (decoded.ok && decoded.kind === 'html') return auditPageDetailed(pageFromHtml(decoded.text), source, options);
  }
  return only(auditBytes(bytes, source, options));
}
