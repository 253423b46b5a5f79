/**
 * Any input a reviewer has — a saved page, MHTML, a text dump, a PDF — → the same DetailedAudit as
 * lib/audit.ts: documents are read into the neutral PageDoc and go through the one recogniser and the
 * same rules. Findings and cells read from a document name their page.
 */
import { auditBytes, auditPageDetailed, unreadableResult, type AuditOptions, type DetailedAudit } from '../audit';
import { readPdf } from './pdf/read-pdf';

export type InputKind = 'html' | 'mhtml' | 'text' | 'pdf' | 'docx' | 'doc' | 'unknown';

export interface DocumentContext {
  agency?: string | null;
  year?: number | null;
  published?: string | null;
}

export type FileAuditOptions = AuditOptions & { context?: DocumentContext };

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** The kind of input by its content, not its name. */
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

/** Sets each finding's page from the cells it names. */
function withPages(audit: DetailedAudit): DetailedAudit {
  const report = audit.result.report;
  for (const [id, source] of Object.entries(audit.sources)) if (source.page && report?.cells[id]) report.cells[id]!.page = source.page;
  for (const f of audit.result.findings) {
    const pages = f.cells.map((c) => audit.sources[c]?.page).filter((p): p is number => typeof p === 'number');
    if (pages.length) f.page = Math.min(...pages);
  }
  return audit;
}

export async function auditFile(bytes: Uint8Array, source: string, options: FileAuditOptions = {}): Promise<DetailedAudit> {
  const kind = sniffInputKind(bytes);
  if (kind !== 'pdf') return { result: auditBytes(bytes, source, options), sources: {} };
  const read = await readPdf(bytes);
  if (!read.ok) return { result: unreadableResult(source, { reason: 'pdf' }, options), sources: {} };
  const audit = withPages(auditPageDetailed(read.layout.page, source, options));
  const report = audit.result.report;
  if (report && options.context) {
    report.agency ??= options.context.agency ?? null;
    report.year ??= options.context.year ?? null;
    report.published ??= options.context.published ?? null;
  }
  return audit;
}
