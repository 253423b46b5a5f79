/**
 * Clipboard and file helpers for the popup. The popup is the place to copy from: navigator.clipboard
 * needs a secure, focused document (a content script on a plain-http government site has neither), and
 * with the `clipboardWrite` permission Chrome waives the user-gesture requirement in extension pages.
 * Every helper throws on failure; the caller shows it (a failed copy is never silent).
 */

/** Thrown when this document has no async clipboard at all (an old browser, an insecure context). */
export class ClipboardUnavailableError extends Error {
  constructor() {
    super('navigator.clipboard is not available here');
    this.name = 'ClipboardUnavailableError';
  }
}

function clipboard(): Clipboard {
  if (typeof navigator === 'undefined' || !navigator.clipboard) throw new ClipboardUnavailableError();
  return navigator.clipboard;
}

/**
 * One clipboard write carrying both flavours: text/plain (TSV, which Excel and WPS read natively) and
 * text/html (the table with its merged cells, which they prefer when present).
 */
export async function writeTable(tsv: string, html: string): Promise<void> {
  const cb = clipboard();
  if (typeof cb.write !== 'function' || typeof ClipboardItem === 'undefined') throw new ClipboardUnavailableError();
  await cb.write([
    new ClipboardItem({
      'text/plain': new Blob([tsv], { type: 'text/plain' }),
      'text/html': new Blob([html], { type: 'text/html' }),
    }),
  ]);
}

export async function writeText(text: string): Promise<void> {
  const cb = clipboard();
  if (typeof cb.writeText !== 'function') throw new ClipboardUnavailableError();
  await cb.writeText(text);
}

/**
 * Saves text as a file: a Blob and an <a download> clicked from the extension's own page, so no
 * `downloads` permission is needed and the site never sees the data. The text is encoded as UTF-8;
 * a CSV passes its BOM at the start of the text.
 */
export function saveText(fileName: string, text: string, type: string): void {
  saveBlob(fileName, new Blob([text], { type }));
}

/** Saves bytes (a .docx) as a file, the same way. */
export function saveBytes(fileName: string, bytes: Uint8Array, type: string): void {
  saveBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The download has started from the click; revoke once the browser has read the Blob.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
