/** A path or URL → bytes (or the reason it could not be read). URLs are fetched with a timeout. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_INPUT_BYTES } from '../lib/audit';

export type InputBytes =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; rule: 'input.unreadable'; detail: string }
  | { ok: false; rule: 'input.too-large'; size: number };

const FETCH_TIMEOUT_MS = 30_000;

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

export async function readInput(source: string): Promise<InputBytes> {
  if (isUrl(source)) return fetchInput(source);
  try {
    const info = await stat(source);
    if (info.isDirectory()) return { ok: false, rule: 'input.unreadable', detail: 'a folder, not a file' };
    if (info.size > MAX_INPUT_BYTES) return { ok: false, rule: 'input.too-large', size: info.size };
    return { ok: true, bytes: new Uint8Array(await readFile(source)) };
  } catch (error) {
    return { ok: false, rule: 'input.unreadable', detail: `cannot open the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

async function fetchInput(url: string): Promise<InputBytes> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow', headers: { 'user-agent': 'Mozilla/5.0 (compatible; gouji)' } });
    if (!response.ok) {
      const challenge = response.status === 412 || response.status === 403 || response.status === 429;
      return { ok: false, rule: 'input.unreadable', detail: `HTTP ${response.status}${challenge ? ' (an anti-bot challenge or refusal)' : ''}` };
    }
    const buffer = new Uint8Array(await response.arrayBuffer());
    if (buffer.length > MAX_INPUT_BYTES) return { ok: false, rule: 'input.too-large', size: buffer.length };
    return { ok: true, bytes: buffer };
  } catch (error) {
    const name = (error as Error)?.name;
    return { ok: false, rule: 'input.unreadable', detail: name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : `the fetch failed (${(error as Error)?.message ?? error})` };
  }
}

const PAGE_FILE = /\.(html?|shtml|xhtml|jsp|aspx?|php|mhtml?|txt)$/i;

/** Arguments → inputs: a folder stands for the report pages inside it (recursively), in name order. */
export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      out.push(arg);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory()) {
      out.push(arg);
      continue;
    }
    const entries = await readdir(arg, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && PAGE_FILE.test(e.name)).map((e) => join(e.parentPath, e.name));
    out.push(...files.sort());
  }
  return out;
}
