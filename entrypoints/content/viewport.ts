/**
 * The viewport's size. Quirks mode (a page without <!DOCTYPE>, common on older agency sites) reports
 * it as `body.clientWidth/Height`, and there `documentElement.clientHeight` is the whole page's
 * height; `document.scrollingElement` names the right element in both modes.
 */
/** The viewport's size without scrollbars, in standards and quirks mode alike. */
export function viewportSize(doc: Document): { width: number; height: number } {
  const scroller = doc.scrollingElement ?? doc.documentElement;
  const win = doc.defaultView;
  // A quirks-mode page whose body is itself a scroll container has no scrollingElement (null): the
  // root's size then, never more than the window's.
  const width = scroller.clientWidth || win?.innerWidth || 0;
  const height = scroller.clientHeight || win?.innerHeight || 0;
  return { width: Math.min(width, win?.innerWidth ?? width), height: Math.min(height, win?.innerHeight ?? height) };
}

