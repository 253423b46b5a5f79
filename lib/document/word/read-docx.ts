/**
 * .docx → HTML for the one HTML path (lib/extract/from-html): the bounded text parts unzipped, and
 * word/document.xml read by a one-pass tokenizer (docx-html.ts) that keeps a table's merged cells.
 * mammoth reads the WPS template's merges the same, but costs twice the unzip and parse.
 */
import { strFromU8 } from 'fflate';
import { docxToHtml } from './docx-html';
import { unzipDocx } from './unzip-docx';

export type DocxRead = { ok: true; html: string } | { ok: false; reason: 'damaged' | 'unzipLimit'; error: string };

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const unzipped = unzipDocx(bytes);
  if (!unzipped.ok) return unzipped;
  try {
    const body = docxToHtml(strFromU8(unzipped.parts['word/document.xml']!));
    return { ok: true, html: `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>` };
  } catch (error) {
    return { ok: false, reason: 'damaged', error: String((error as Error)?.message ?? error) };
  }
}
