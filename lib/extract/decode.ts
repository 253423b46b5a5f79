/**
 * Bytes → text, detected by content (not by file extension): MHTML (网页，单个文件), HTML in any
 * encoding a Chinese site uses (BOM, <meta charset>, else UTF-8 if it decodes, else GB18030 — a
 * superset of GBK and GB2312), or plain text. Binary input and PDFs are refused with a reason.
 */

export type Decoded =
  | { ok: true; kind: 'html' | 'text'; text: string; encoding: string }
  | { ok: false; reason: 'empty' | 'binary' | 'pdf' | 'encoding' };

const HTML_SNIFF = /<(?:!doctype\s+html|html|head|body|table|div|p|tr|td|meta|title|span)\b/i;

/** GB2312 and GBK pages are decoded as GB18030, their superset, so no character of theirs is lost. */
function decoderLabel(charset: string): string {
  const c = charset.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(gb2312|gbk|gb_2312-80|x-gbk|cp936|ms936|gb18030|euc-cn|csgb2312|iso-ir-58|chinese)$/.test(c)) return 'gb18030';
  if (/^utf-?8$/.test(c)) return 'utf-8';
  return c;
}

/** The bytes in `label`; null when the label is unknown, or (`fatal`) when the bytes are not that encoding. */
export function decodeWith(bytes: Uint8Array, label: string, fatal = false): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

function charsetFromMarkup(head: string): string | null {
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w-]+)/i.exec(head);
  return m?.[1] ?? null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.05;
}

function latin1(bytes: Uint8Array, max: number): string {
  let s = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Decodes text of unknown encoding: meta charset, else strict UTF-8, else GB18030. */
function decodeUnknown(bytes: Uint8Array, declared: string | null): { text: string; encoding: string } | null {
  // GBK text is almost never valid UTF-8: bytes that decode strictly as UTF-8 (and are not plain ASCII)
  // are UTF-8 whatever a stale template declares.
  if (declared && decoderLabel(declared) !== 'utf-8' && hasNonAscii(bytes)) {
    const utf8 = decodeWith(bytes, 'utf-8', true);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  }
  if (declared) {
    const label = decoderLabel(declared);
    // A page that says utf-8 but is not (copied from a GBK site) is read as GB18030 rather than as mojibake.
    const strict = decodeWith(bytes, label, label === 'utf-8');
    if (strict !== null) return { text: strict, encoding: label };
  }
  const utf8 = decodeWith(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeWith(bytes, 'gb18030');
  return gb === null ? null : { text: gb, encoding: 'gb18030' };
}

/**
 * Plain text of unknown encoding, as Excel and Notepad save it in China: by BOM (UTF-8, UTF-16LE/BE —
 * Excel's 「Unicode 文本」), else UTF-8 if it decodes strictly, else GB18030 (Excel's CSV: GBK).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeWith(bytes.subarray(3), 'utf-8') ?? '', encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith(bytes.subarray(2), 'utf-16le') ?? '', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith(bytes.subarray(2), 'utf-16be') ?? '', encoding: 'utf-16be' };
  const utf8 = decodeWith(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeWith(bytes, 'gb18030') ?? '', encoding: 'gb18030' };
}

/** `transportCharset`: the charset an HTTP Content-Type header declared, used when the page declares none. */
export function decodeInput(bytes: Uint8Array, transportCharset: string | null = null): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return classify(decodeWith(bytes.subarray(3), 'utf-8') ?? '', 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return classify(decodeWith(bytes.subarray(2), 'utf-16le') ?? '', 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return classify(decodeWith(bytes.subarray(2), 'utf-16be') ?? '', 'utf-16be');
  const head = latin1(bytes, 4096);
  if (head.startsWith('%PDF-')) return { ok: false, reason: 'pdf' };
  if (/^(?:From:|MIME-Version:|Snapshot-Content-Location:|Subject:|Date:)/im.test(head.slice(0, 1024)) && /multipart\/related/i.test(head)) {
    const html = htmlFromMhtml(bytes);
    if (html) return classify(html.text, `mhtml/${html.encoding}`, 'html');
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  // The HTTP header outranks the page's own declaration (WHATWG encoding sniffing order).
  const decoded = decodeUnknown(bytes, transportCharset ?? charsetFromMarkup(head));
  if (!decoded) return { ok: false, reason: 'encoding' };
  return classify(decoded.text, decoded.encoding);
}

function classify(text: string, encoding: string, kind?: 'html' | 'text'): Decoded {
  if (!text.trim()) return { ok: false, reason: 'empty' };
  return { ok: true, kind: kind ?? (HTML_SNIFF.test(text.slice(0, 65536)) ? 'html' : 'text'), text, encoding };
}

// ---- MHTML -------------------------------------------------------------------------------------

function decodeQuotedPrintable(body: string): Uint8Array {
  const soft = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const ch = soft.charCodeAt(i);
    if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(ch & 0xff);
  }
  return Uint8Array.from(out);
}

function decodeBase64(body: string): Uint8Array {
  const clean = body.replace(/[^A-Za-z0-9+/=]/g, '');
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The first text/html part of a multipart/related MHTML file, decoded. */
function htmlFromMhtml(bytes: Uint8Array): { text: string; encoding: string } | null {
  // MHTML parts are 7-bit (quoted-printable or base64), so reading the file as latin1 loses nothing.
  const all = latin1(bytes, bytes.length);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(all)?.[1];
  if (!boundary) return null;
  for (const part of all.split(`--${boundary}`)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const transfer = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const raw = transfer === 'quoted-printable' ? decodeQuotedPrintable(body) : transfer === 'base64' ? decodeBase64(body) : Uint8Array.from(body, (c) => c.charCodeAt(0));
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1] ?? null;
    return decodeUnknown(raw, charset ?? charsetFromMarkup(latin1(raw, 4096)));
  }
  return null;
}
