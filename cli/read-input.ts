/**
 * Inputs → bytes. Arguments may be paths, folders (recursively), glob patterns, URLs, or a list file
 * (`--list FILE`, one path or URL a line). URLs are fetched with a timeout and one retry on a transient
 * failure; the Content-Type charset travels with the bytes (many sites serve GBK).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { MAX_INPUT_BYTES, type Unreadable } from '../lib/audit';

export type InputBytes =
  /** `url`: the URL the bytes came from after redirects; null for a file. */
  | { ok: true; bytes: Uint8Array; charset: string | null; url: string | null }
  | { ok: false; rule: 'input.unreadable'; why: Unreadable }
  /** `stoppedAt`: a body of no declared length was read only this far, so `size` is where reading stopped, the least it is. */
  | { ok: false; rule: 'input.too-large'; size: number; stoppedAt: boolean };

export interface FetchOptions {
  timeoutMs: number;
  retries: number;
}

export const DEFAULT_FETCH: FetchOptions = { timeoutMs: 30_000, retries: 1 };

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

export async function readInput(source: string, fetchOptions: FetchOptions = DEFAULT_FETCH): Promise<InputBytes> {
  if (isUrl(source)) return fetchInput(source, fetchOptions);
  try {
    const info = await stat(source);
    if (info.isDirectory()) return { ok: false, rule: 'input.unreadable', why: { reason: 'folder' } };
    if (info.size > MAX_INPUT_BYTES) return { ok: false, rule: 'input.too-large', size: info.size, stoppedAt: false };
    return { ok: true, bytes: new Uint8Array(await readFile(source)), charset: null, url: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A path that is not there is the common mistake: say so in words, not as an errno.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, rule: 'input.unreadable', why: { reason: 'missing' } };
    return { ok: false, rule: 'input.unreadable', why: { reason: 'open', params: { error: code ?? String(error) } } };
  }
}

/** Status codes worth one more try: the server or the network hiccuped. */
const TRANSIENT = new Set([408, 500, 502, 503, 504]);
/** Status codes anti-bot gateways answer with (加速乐, 瑞数 and others answer 412 to a plain client). */
const CHALLENGE = new Set([403, 412, 429, 521]);

async function fetchInput(url: string, options: FetchOptions): Promise<InputBytes> {
  let last: InputBytes = { ok: false, rule: 'input.unreadable', why: { reason: 'fetch', params: { error: '' } } };
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 500 * attempt));
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow', headers: { 'user-agent': 'Mozilla/5.0 (compatible; gouji)' } });
      if (!response.ok) {
        last = { ok: false, rule: 'input.unreadable', why: { reason: CHALLENGE.has(response.status) ? 'challenge' : 'http', params: { status: response.status } } };
        if (TRANSIENT.has(response.status)) continue;
        return last;
      }
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > MAX_INPUT_BYTES) {
        // Not downloaded: the connection is let go at once.
        await response.body?.cancel().catch(() => {});
        return { ok: false, rule: 'input.too-large', size: declared, stoppedAt: false };
      }
      const body = await readCapped(response, MAX_INPUT_BYTES);
      if (!body.ok) return { ok: false, rule: 'input.too-large', size: body.readSoFar, stoppedAt: true };
      const buffer = body.bytes;
      const charset = /charset\s*=\s*"?([\w-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1] ?? null;
      return { ok: true, bytes: buffer, charset, url: response.url || url };
    } catch (error) {
      const name = (error as Error)?.name;
      last = { ok: false, rule: 'input.unreadable', why: name === 'TimeoutError' ? { reason: 'timeout', params: { seconds: options.timeoutMs / 1000 } } : { reason: 'fetch', params: { error: String((error as Error)?.message ?? error) } } };
    }
  }
  return last;
}

/**
 * The body, read until it passes `cap` bytes and no further: a page of no declared length (chunked, or a
 * server that lies) is never buffered whole past the cap, and the rest is not downloaded.
 */
async function readCapped(response: Response, cap: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; readSoFar: number }> {
  const reader = response.body?.getReader();
  if (!reader) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => {});
      return { ok: false, readSoFar: size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

const PAGE_FILE = /\.(html?|shtml|xhtml|jsp|aspx?|php|mhtml?|txt|pdf|docx?|wps)$/i;
const GLOB_CHAR = /[*?[]/;

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** `**` any folders, `*` and `?` within a name, `[abc]` a class. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHAR.test(p));
  const base = parts.slice(0, firstGlob).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const matcher = globToRegExp(pattern.replace(/^\.\//, ''));
  const files = await walk(base).catch(() => [] as string[]);
  return files.filter((f) => matcher.test(f.replace(/^\.\//, '').split(sep).join('/')));
}

/** Arguments and list files → inputs, in order, each once. A folder stands for the report pages inside it. */
export async function expandInputs(args: string[], listFiles: string[] = []): Promise<string[]> {
  const raw = [...args];
  for (const list of listFiles) {
    const text = await readFile(list, 'utf8');
    raw.push(...text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (s: string) => {
    const key = isUrl(s) ? s : resolve(s);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  };
  for (const arg of raw) {
    if (isUrl(arg)) push(arg);
    else if (GLOB_CHAR.test(arg)) (await expandGlob(arg)).sort().forEach(push);
    else {
      const info = await stat(arg).catch(() => null);
      if (info?.isDirectory()) (await walk(arg)).filter((f) => PAGE_FILE.test(f)).sort().forEach(push);
      else push(arg);
    }
  }
  return out;
}
