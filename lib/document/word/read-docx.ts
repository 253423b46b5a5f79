/**
 * .docx → HTML through mammoth, for the one HTML path (lib/extract/from-html): mammoth keeps a table's
 * merged cells (gridSpan → colspan, vMerge → rowspan). Only the bounded text parts reach mammoth, and
 * images are not converted (a report's figures are in its tables' text).
 */
import { rezip, unzipDocx } from './unzip-docx';

export type DocxRead = { ok: true; html: string } | { ok: false; reason: 'damaged' | 'unzipLimit'; error: string };

type Mammoth = typeof import('mammoth');

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const unzipped = unzipDocx(bytes);
  if (!unzipped.ok) return unzipped;
  try {
    const mammoth: Mammoth = ((await import('mammoth')) as { default?: Mammoth }).default ?? ((await import('mammoth')) as Mammoth);
    const zip = rezip(unzipped.parts);
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`.
    const input = { buffer: zip, arrayBuffer: zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
    const converted = await mammoth.convertToHtml(
      input,
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    );
    return { ok: true, html: `<!doctype html><html><head><meta charset="utf-8"></head><body>${converted.value}</body></html>` };
  } catch (error) {
    return { ok: false, reason: 'damaged', error: String((error as Error)?.message ?? error) };
  }
}
