import { browser } from 'wxt/browser';
import type { PageSummary } from './index';

/**
 * The extension side of the content script: inject it and hand back what its
 * main() returned. Popup and background both call this so there is one way to
 * reach a page. It sits in this folder (not as entrypoints/x.ts, which WXT would
 * build as an unlisted script) because only `index.ts` of a folder is an entry.
 */
export async function runContentScript(tabId: number): Promise<PageSummary> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    files: ['/content-scripts/content.js'],
  });
  // null/undefined: Chrome gives no result on pages it refuses to script
  // (chrome://, the Web Store) or when main() threw.
  if (!injection || injection.result == null) {
    throw new Error('no result from the content script');
  }
  return injection.result as PageSummary;
}
