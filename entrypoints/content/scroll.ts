/**
 * Bring a cell into view where the reader can see it: below any fixed or sticky header of the page,
 * and not under Gouji's own panel. `scrollIntoView` alone centres the cell in the viewport, which a
 * sticky header or the panel may cover; we scroll every container with it first (nested scrollers,
 * frames), then correct the top window by what covers the top of the viewport.
 * Sizes come from viewport.ts, which is right in quirks mode too.
 */
import { HOST_TAG } from './overlay';
import { bandAround, type Band, type Rect, type Side } from './placement';
import { viewportSize } from './viewport';

export { viewportSize };

const MARGIN = 12;

/** The cell's rectangle in the top window's viewport, adding the offsets of the frames it is in. */
export function rectInTop(el: Element): Rect {
  const r = el.getBoundingClientRect();
  let rect: Rect = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  let win: Window | null = el.ownerDocument.defaultView;
  while (win && win !== win.top) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      break;
    }
    if (!frame) break;
    const f = frame.getBoundingClientRect();
    const dx = f.left + frame.clientLeft;
    const dy = f.top + frame.clientTop;
    rect = { left: rect.left + dx, top: rect.top + dy, right: rect.right + dx, bottom: rect.bottom + dy };
    win = frame.ownerDocument.defaultView;
  }
  return rect;
}

/** Bottom edge of whatever fixed/sticky element covers the top of the viewport (0 when nothing does). */
export function topInset(doc: Document): number {
  const win = doc.defaultView!;
  const { width: vw, height: vh } = viewportSize(doc);
  let inset = 0;
  for (const x of [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => Math.floor(vw * f))) {
    for (const hit of doc.elementsFromPoint(x, 2)) {
      if (hit.localName === HOST_TAG) continue;
      for (let n: Element | null = hit; n && n !== doc.body && n !== doc.documentElement; n = n.parentElement) {
        const pos = win.getComputedStyle(n).position;
        if (pos !== 'fixed' && pos !== 'sticky') continue;
        const r = n.getBoundingClientRect();
        // A fixed sidebar or a full-screen layer is not a header.
        if (r.top <= 2 && r.height < vh / 2) inset = Math.max(inset, r.bottom);
        break;
      }
    }
  }
  return inset;
}

export interface RevealOutcome {
  /** The cell's final rectangle in the top viewport. */
  rect: Rect;
  /** Which side the panel should be on so it does not cover the cell. */
  side: Side;
  /** Both sides would cover the cell: the panel keeps to this band of the viewport, above or below it. */
  band: Band | null;
}

const overlaps = (r: Rect, p: Rect | null) => p !== null && r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom;

const instant = 'instant' as ScrollBehavior;

/** Scrolls the top window so the cell's top edge sits at `wantTop` in its viewport. */
function scrollCellTo(el: Element, win: Window, wantTop: number): Rect {
  const rect = rectInTop(el);
  if (Math.abs(rect.top - wantTop) <= 1) return rect;
  win.scrollBy({ top: rect.top - wantTop, left: 0, behavior: instant });
  return rectInTop(el);
}

/**
 * Scrolls `el` into view below any sticky header. `panel` is the panel's rectangle now (on `side`,
 * unbanded); when it covers the cell, the panel goes to the other side if that uncovers it (the row
 * labels stay in view), else the page scrolls sideways if it can, else the panel keeps to a band of
 * the viewport above or below the cell.
 */
export function revealCell(el: Element, top: Document, panel: Rect | null, side: Side): RevealOutcome {
  const win = top.defaultView!;
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: instant });
  const { width: vw, height: vh } = viewportSize(top);
  const inset = topInset(top);
  const height = rectInTop(el).bottom - rectInTop(el).top;
  // Centre the cell in what is left below the header.
  let rect = scrollCellTo(el, win, inset + Math.max(MARGIN, (vh - inset - height) / 2));
  if (!panel || !overlaps(rect, panel)) return { rect, side, band: null };
  const width = panel.right - panel.left;
  const mirrored: Rect = side === 'right' ? { ...panel, left: vw - panel.right, right: vw - panel.right + width } : { ...panel, left: vw - panel.left - width, right: vw - panel.left };
  if (!overlaps(rect, mirrored)) return { rect, side: side === 'right' ? 'left' : 'right', band: null };
  // Both sides cover it (a narrow window): scroll sideways so the cell sits beside the panel, if the
  // page is wider than the window.
  const dx = side === 'right' ? rect.right - (panel.left - MARGIN) : rect.left - (panel.right + MARGIN);
  win.scrollBy({ left: dx, top: 0, behavior: instant });
  rect = rectInTop(el);
  if (!overlaps(rect, panel)) return { rect, side, band: null };
  // Still covered: the cell goes near the top (or bottom) and the panel keeps to the rest.
  const plan = bandAround(rect.bottom - rect.top, vh, inset);
  rect = scrollCellTo(el, win, plan.cellTop);
  return { rect, side, band: plan.band };
}
