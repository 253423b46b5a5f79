/**
 * The few extension APIs that differ between Chrome (MV3) and Firefox (MV2, `npm run build:firefox`):
 * the toolbar button is `action` in MV3 and `browserAction` in MV2, and storage.session only exists
 * from Firefox 115 / Chrome 102. Where an API is missing the extension keeps working with less: no
 * badge, or a result kept in the background page's memory (an MV2 background page is persistent).
 */
import { browser } from 'wxt/browser';

interface Badge {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
}

type SessionArea = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'>;

/** The toolbar button's badge, or null where the browser has none. */
export function toolbarBadge(): Badge | null {
  const b = browser as unknown as { action?: Badge; browserAction?: Badge };
  return b.action ?? b.browserAction ?? null;
}

const memory = new Map<string, unknown>();
const memoryArea = {
  async get(key: string) {
    return memory.has(key) ? { [key]: memory.get(key) } : {};
  },
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) memory.set(k, structuredClone(v));
  },
  async remove(key: string) {
    memory.delete(key);
  },
} as unknown as SessionArea;

/** storage.session where the browser has it, else an in-memory stand-in with the same calls. */
export function sessionStore(): SessionArea {
  return (browser.storage as { session?: SessionArea } | undefined)?.session ?? memoryArea;
}
