import { defineContentScript } from 'wxt/utils/define-content-script';

/** What one injection returns. Must stay structured-clone/JSON safe: it crosses
 *  from the page to the extension as `executeScript`'s result. */
export interface PageSummary {
  title: string;
  url: string;
  tableCount: number;
}

export default defineContentScript({
  // Never declared in the manifest: it is injected on demand (popup click or
  // the run-audit command) through activeTab. `matches: []` keeps WXT from
  // turning the patterns into install-time host permissions.
  registration: 'runtime',
  matches: [],
  // main()'s return value becomes the executeScript result — that is the whole
  // channel back to the extension, no messaging needed. Later this returns the
  // extracted tables; keep it free of cheerio/zod (bundle size, see anchors §6).
  main(): PageSummary {
    return {
      title: document.title,
      url: location.href,
      tableCount: document.getElementsByTagName('table').length,
    };
  },
});
