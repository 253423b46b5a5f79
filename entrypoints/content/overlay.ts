/**
 * Marks drawn as boxes in a shadow-root overlay over the cells (Accessibility Insights' way), never as
 * styles on the cells: the page's own nodes are never touched, so no page CSS (`td { outline: none
 * !important }`) can hide a mark, no page MutationObserver sees a change to undo, and clearing is
 * removing one element. The price is keeping the boxes on their cells: the host sits at the document
 * origin (position: absolute), so document scrolling moves boxes and cells together for free; inner
 * scroll containers, resizes and reflows trigger a redraw (throttled to one per frame).
 */
import { HOST_CSS } from './styles';
import { viewportSize } from './viewport';

export const HOST_TAG = 'gouji-root';

/** pick, pick2: cells the reviewer selected to add up (first selection, the others). */
export type MarkKind = 'error' | 'warning' | 'info' | 'related' | 'pick' | 'pick2';

export interface Box {
  /** Returns the element now (re-found if the page replaced it), or null when it is gone. */
  target: () => Element | null;
  kind: MarkKind;
  selected?: boolean;
  /** Text of a small tag drawn above the box (the expected/printed values of the selected finding). */
  tag?: string;
}

const BADGE: Record<MarkKind, string> = { error: '■', warning: '▲', info: '●', related: '', pick: '', pick2: '' };
/** Box drawn this many px outside the cell's border box, so the cell's own content stays visible. */
const INFLATE = 2;
/** Re-attach the host at most this many times when the page removes it (a page fighting back wins). */
const MAX_REATTACH = 20;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersect(a: Rect, b: Rect): Rect {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

/** The visible part of the viewport an element can show in: its overflow-clipping ancestors, intersected. */
function clipOf(el: Element, win: Window, cache: Map<Element, Rect>): Rect {
  const chain: Element[] = [];
  let node: Element | null = el.parentElement;
  let clip: Rect = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
  while (node && node !== el.ownerDocument.body && node !== el.ownerDocument.documentElement) {
    const cached = cache.get(node);
    if (cached) {
      clip = cached;
      break;
    }
    chain.push(node);
    node = node.parentElement;
  }
  for (const n of chain.reverse()) {
    const style = win.getComputedStyle(n);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const r = n.getBoundingClientRect();
      clip = intersect(clip, { left: r.left + n.clientLeft, top: r.top + n.clientTop, right: r.left + n.clientLeft + n.clientWidth, bottom: r.top + n.clientTop + n.clientHeight });
    }
    cache.set(n, clip);
  }
  return clip;
}

/** Is the box directly below another box of its kind in the same column (a run of marks down a column)? */
function continuesRun(placed: readonly { box: Box; rect: Rect }[], i: number): boolean {
  const { box, rect } = placed[i]!;
  const near = (a: number, b: number, by: number) => Math.abs(a - b) <= by;
  return placed.some((p, j) => j !== i && p.box.kind === box.kind && near(p.rect.left, rect.left, 1.5) && near(p.rect.right, rect.right, 1.5) && p.rect.top < rect.top && near(p.rect.bottom, rect.top, 4 * INFLATE + 4));
}

const TAG_GAP = 6;
/** The badge sits in the box's top-left corner; a tag on the left keeps clear of it. */
const BADGE_ROOM = 14;

export type TagSide = 'margin-end' | 'margin-start' | 'end' | 'start' | 'below' | 'below-end' | 'above';

/**
 * Where the selected box's tag goes. First in the margin beside the table, level with the cell (a
 * leader line joins them): there it covers no cell at all. Else beside the cell in its own row — on the
 * right, else on the left clear of the badge — else below the cell (from its left edge, or ending at
 * its right edge); never the row above. Of these, the first that stays inside the window, off the panel
 * (`avoid`) and off every other mark (`marks`: the finding's other cells stay readable); failing that,
 * the first inside the window and off the panel; above the cell only when nothing else fits.
 */
export function tagSide(box: Rect, width: number, height: number, vw: number, avoid: Rect | null, table: Rect | null = null, marks: readonly Rect[] = []): TagSide {
  const middle = (box.top + box.bottom) / 2;
  const hits = (a: Rect, b: Rect) => a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;
  const inside = (r: Rect) => r.left >= 0 && r.right <= vw && !(avoid && hits(r, avoid));
  const row = { top: middle - height / 2, bottom: middle + height / 2 };
  const below = { top: box.bottom + 4, bottom: box.bottom + 4 + height };
  const candidates: [TagSide, Rect][] = [
    ...(table
      ? ([
          ['margin-end', { left: table.right + TAG_GAP, right: table.right + TAG_GAP + width, ...row }],
          ['margin-start', { left: table.left - TAG_GAP - width, right: table.left - TAG_GAP, ...row }],
        ] as [TagSide, Rect][])
      : []),
    ['end', { left: box.right + TAG_GAP, right: box.right + TAG_GAP + width, ...row }],
    ['start', { left: box.left - BADGE_ROOM - width, right: box.left - BADGE_ROOM, ...row }],
    ['below', { left: box.left, right: box.left + width, ...below }],
    ['below-end', { left: box.right - width, right: box.right, ...below }],
  ];
  const fits = candidates.filter(([, r]) => inside(r));
  return (fits.find(([, r]) => !marks.some((m) => hits(r, m))) ?? fits[0])?.[0] ?? 'above';
}

/** The tag's position inside its mark for a margin side, and the leader line from the cell to it. */
function marginStyle(side: TagSide, box: Rect, table: Rect): { tag: string; leader: string } | null {
  if (side === 'margin-end') {
    const gap = table.right + TAG_GAP - box.right;
    return { tag: `left:calc(100% + ${gap}px)`, leader: `left:100%;width:${gap}px` };
  }
  if (side === 'margin-start') {
    const gap = box.left - (table.left - TAG_GAP);
    return { tag: `left:auto;right:calc(100% + ${gap}px)`, leader: `right:100%;width:${gap}px` };
  }
  return null;
}

export class Layer {
  readonly doc: Document;
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private readonly marks: HTMLElement;
  private boxes: Box[] = [];
  private frame = 0;
  private reattached = 0;
  private readonly cleanup: (() => void)[] = [];
  private destroyed = false;

  constructor(doc: Document, extraCss = '') {
    this.doc = doc;
    const win = doc.defaultView!;
    // Whatever an earlier run left behind (a crashed or invalidated instance) goes first: never two.
    for (const old of Array.from(doc.querySelectorAll(HOST_TAG))) old.remove();
    this.host = doc.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = HOST_CSS + extraCss;
    this.marks = doc.createElement('div');
    this.marks.className = 'marks';
    this.root.append(style, this.marks);
    doc.documentElement.append(this.host);

    const schedule = () => this.schedule();
    const onScroll = (e: Event) => {
      // The document's own scroll moves host and cells alike; only inner scrollers need a redraw.
      if (e.target !== doc && e.target !== doc.documentElement) schedule();
    };
    win.addEventListener('resize', schedule, { passive: true });
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    this.cleanup.push(() => {
      win.removeEventListener('resize', schedule);
      doc.removeEventListener('scroll', onScroll, { capture: true });
    });
    const Resize = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver ?? ResizeObserver;
    const resizes = new Resize(schedule);
    resizes.observe(doc.documentElement);
    if (doc.body) resizes.observe(doc.body);
    this.cleanup.push(() => resizes.disconnect());
    // A page that removes foreign nodes: put the host back, a bounded number of times.
    const Mutation = (win as Window & { MutationObserver?: typeof MutationObserver }).MutationObserver ?? MutationObserver;
    const watch = new Mutation(() => {
      if (this.destroyed || this.host.isConnected || this.reattached >= MAX_REATTACH) return;
      this.reattached++;
      doc.documentElement.append(this.host);
    });
    watch.observe(doc.documentElement, { childList: true });
    this.cleanup.push(() => watch.disconnect());
  }

  /** What the tag of the selected box must not go under (the panel, in this document's viewport). */
  avoid: (() => Rect | null) | null = null;

  setBoxes(boxes: Box[], observe: Element[] = []): void {
    this.boxes = boxes;
    const win = this.doc.defaultView;
    if (win && observe.length) {
      const Resize = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver ?? ResizeObserver;
      const ro = new Resize(() => this.schedule());
      for (const el of observe) ro.observe(el);
      this.cleanup.push(() => ro.disconnect());
    }
    this.draw();
  }

  schedule(): void {
    if (this.frame || this.destroyed) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Reads every rectangle first, then writes: one layout, not one per box. */
  draw(): void {
    if (this.destroyed) return;
    const doc = this.doc;
    const win = doc.defaultView;
    if (!win) return;
    const hostRect = this.host.getBoundingClientRect();
    const root = doc.documentElement;
    const scrollW = Math.max(root.scrollWidth, root.clientWidth);
    const scrollH = Math.max(root.scrollHeight, root.clientHeight);
    // The document's extent in viewport coordinates: boxes never reach past it, so they cannot grow the
    // scrollable area (no scrollbar appears, nothing moves).
    const page: Rect = { left: -win.scrollX, top: -win.scrollY, right: scrollW - win.scrollX, bottom: scrollH - win.scrollY };
    const clips = new Map<Element, Rect>();
    const placed: { box: Box; rect: Rect; el: Element }[] = [];
    for (const box of this.boxes) {
      const el = box.target();
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // display:none, a hidden copy
      let rect: Rect = { left: r.left - INFLATE, top: r.top - INFLATE, right: r.right + INFLATE, bottom: r.bottom + INFLATE };
      rect = intersect(intersect(rect, clipOf(el, win, clips)), page);
      if (rect.right - rect.left < 1 || rect.bottom - rect.top < 1) continue;
      placed.push({ box, rect, el });
    }
    const nodes = Array.from(this.marks.children) as HTMLElement[];
    const avoid = this.avoid?.() ?? null;
    placed.forEach(({ box, rect, el }, i) => {
      let node = nodes[i];
      if (!node) {
        node = doc.createElement('div');
        this.marks.append(node);
      }
      node.className = `mark ${box.kind}${box.selected ? ' selected' : ''}`;
      node.dataset.kind = box.kind;
      node.style.cssText = `left:${rect.left - hostRect.left}px;top:${rect.top - hostRect.top}px;width:${rect.right - rect.left}px;height:${rect.bottom - rect.top}px`;
      node.replaceChildren();
      // A column of marks of one kind reads as one run: only its first box wears the badge.
      if (BADGE[box.kind] && (box.selected || !continuesRun(placed, i))) {
        const badge = doc.createElement('span');
        badge.className = 'badge';
        badge.setAttribute('aria-hidden', 'true');
        badge.textContent = BADGE[box.kind];
        node.append(badge);
      }
      if (box.tag) {
        const tag = doc.createElement('span');
        tag.className = 'tag';
        tag.textContent = box.tag;
        node.append(tag);
        const size = tag.getBoundingClientRect();
        const tableBox = el.closest('table')?.getBoundingClientRect();
        const table = tableBox ? { left: tableBox.left - INFLATE, top: tableBox.top, right: tableBox.right + INFLATE, bottom: tableBox.bottom } : null;
        const others = placed.filter((p) => p.box !== box).map((p) => p.rect);
        const side = tagSide(rect, size.width, size.height, viewportSize(doc).width, avoid, table, others);
        tag.className = `tag ${side}`;
        const margin = table && marginStyle(side, rect, table);
        if (margin) {
          tag.style.cssText = margin.tag;
          const leader = doc.createElement('span');
          leader.className = 'leader';
          leader.style.cssText = margin.leader;
          node.append(leader);
        }
      }
    });
    for (const extra of nodes.slice(placed.length)) extra.remove();
  }

  /** Removes the host and every listener: the page is as it was. Idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    for (const fn of this.cleanup.splice(0)) fn();
    this.host.remove();
  }
}
