/**
 * Bring a cell into view where the reader can see it: below any fixed or sticky header of the page,
 * and not under Gouji's own panel. `scrollIntoView` alone centres the cell in the viewport, which a
 * sticky header or the panel may cover; we scroll every container with it first (nested scrollers,
 * frames), then correct the top window by what covers the top of the viewport.
 */
import { HOST_TAG } from './overlay';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

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
  const vw = doc.documentElement.clientWidth;
  const vh = doc.documentElement.clientHeight;
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
  side: 'right' | 'left';
}

const overlaps = (r: Rect, p: Rect | null) => p !== null && r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom;

/**
 * Scrolls `el` into view below any sticky header. `panel` is the panel's rectangle now (on `side`);
 * when it covers the cell, the panel goes to the other side if that uncovers it (the row labels stay
 * in view), else the page scrolls sideways if it can.
 */
export function revealCell(el: Element, top: Document, panel: Rect | null, side: 'right' | 'left'): RevealOutcome {
  const win = top.defaultView!;
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
  const vw = top.documentElement.clientWidth;
  const vh = top.documentElement.clientHeight;
  const inset = topInset(top);
  let rect = rectInTop(el);
  const height = rect.bottom - rect.top;
  // Centre the cell in what is left below the header.
  const wantTop = inset + Math.max(MARGIN, (vh - inset - height) / 2);
  if (Math.abs(rect.top - wantTop) > 1) {
    win.scrollBy({ top: rect.top - wantTop, left: 0, behavior: 'instant' as ScrollBehavior });
    rect = rectInTop(el);
  }
  if (!panel || !overlaps(rect, panel)) return { rect, side };
  const width = panel.right - panel.left;
  const mirrored: Rect = side === 'right' ? { ...panel, left: vw - panel.right, right: vw - panel.right + width } : { ...panel, left: vw - panel.left - width, right: vw - panel.left };
  if (!overlaps(rect, mirrored)) return { rect, side: side === 'right' ? 'left' : 'right' };
  // Both sides cover it (a narrow window): scroll sideways so the cell sits beside the panel.
  const dx = side === 'right' ? rect.right - (panel.left - MARGIN) : rect.left - (panel.right + MARGIN);
  win.scrollBy({ left: dx, top: 0, behavior: 'instant' as ScrollBehavior });
  rect = rectInTop(el);
  return { rect, side };
}
