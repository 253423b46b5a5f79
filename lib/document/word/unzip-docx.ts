/**
 * A .docx (a zip) → the few parts that hold its text, unzipped with a bound: a zip bomb posing as a
 * .docx is refused from its central directory, before anything is inflated (and fflate never inflates
 * an entry beyond the size its directory declares). Images and embedded objects are not unzipped.
 */
import { unzipSync, type Unzipped } from 'fflate';

/** All the text parts of a report together stay far below this (a 100-page report's document.xml is ~5 MB). */
export const MAX_DOCX_UNZIPPED = 64 * 1024 * 1024;
const TEXT_PART = /^(?:\[Content_Types\]\.xml|_rels\/\.rels|word\/(?:document|styles|numbering|footnotes|endnotes|comments|settings)\.xml|word\/_rels\/document\.xml\.rels|word\/theme\/[^/]+\.xml)$/;

export type DocxParts = { ok: true; parts: Unzipped } | { ok: false; reason: 'damaged' | 'unzipLimit'; error: string };

export function unzipDocx(bytes: Uint8Array): DocxParts {
  let declared = 0;
  let overLimit = false;
  try {
    const parts = unzipSync(bytes, {
      filter: (file) => {
        if (!TEXT_PART.test(file.name)) return false;
        declared += file.originalSize;
        if (declared > MAX_DOCX_UNZIPPED) overLimit = true;
        return !overLimit;
      },
    });
    if (overLimit) return { ok: false, reason: 'unzipLimit', error: `${declared} bytes` };
    if (!parts['word/document.xml']) return { ok: false, reason: 'damaged', error: 'no word/document.xml' };
    return { ok: true, parts };
  } catch (error) {
    return { ok: false, reason: 'damaged', error: String((error as Error)?.message ?? error) };
  }
}
