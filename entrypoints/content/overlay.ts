/**
 * Marks drawn as boxes in a shadow-root overlay over the cells (Accessibility Insights' way), never as
 * styles on the cells: the page's own nodes are never touched, so no page CSS (`td { outline: none
 * !important }`) can hide a mark, no page MutationObserver sees a change to undo, and clearing is
 * removing one element. The price is keeping the boxes on their cells: the host sits at the document
 * origin (position: absolute), so document scrolling moves boxes and cells together for free; inner
 * scroll containers, resizes and reflows trigger a redraw (throttled to one per frame).
 */
import { HOST_CSS } from './styles';
import { placeTag, TAG_GAP } from './tag-placement';
import { viewportSize } from './viewport';

export const HOST_TAG = 'gouji-root';

/** pick, pick2: cells the reviewer selected to add up (first selection, the others). */
export type MarkKind = 'error' | 'warning' | 'info' | 'related' | 'pick' | 'pick2';

export interface Box {
  /** Returns the element now (re-found if the page replaced it), or null when it is gone. */
  target: () => Element | null;
  kind: MarkKind;
  selected?: boolean;
  /** Text of a small tag drawn near the box (the expected/printed values of the selected finding). */
  tag?: string;
  /** The tag's shorter wording (the expected value alone), for where the full one does not fit. */
  tagShort?: string;
}

const BADGE: Record<MarkKind, string> = { error: '■', warning: '▲', info: '●', related: '', pick: '', pick2: '' };
/** Box drawn this many px outside the cell's border box, so the cell's own content stays visible. */
const INFLATE = 2;
/** The badge's size with the mark's border (host.css: 12 px in a 3 px frame). */
const BADGE_SIZE = 16;
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

/** The text of a table, one rect per line box of each non-blank text node, limited to `near`. */
function textRects(table: Element, near: Rect): Rect[] {
  const doc = table.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  const out: Rect[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\S/.test(node.nodeValue ?? '')) continue;
    range.selectNodeContents(node);
    for (const r of Array.from(range.getClientRects())) {
      if (r.width > 0 && r.height > 0 && r.right > near.left && r.left < near.right && r.bottom > near.top && r.top < near.bottom) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
  }
  return out;
}

/**
 * The row above a cell's row, across its table: every cell whose bottom edge meets the cell's top
 * edge, a cell spanning several rows from its top (null for a first row).
 */
function rowAbove(el: Element, table: Element): Rect | null {
  const top = el.getBoundingClientRect().top;
  let highest = Infinity;
  for (const cell of Array.from(table.querySelectorAll('td, th'))) {
    const r = cell.getBoundingClientRect();
    if (r.height > 0 && Math.abs(r.bottom - top) <= 3) highest = Math.min(highest, r.top);
  }
  if (highest === Infinity) return null;
  const t = table.getBoundingClientRect();
  return { left: t.left, top: highest, right: t.right, bottom: top };
}

/** What the tag of the selected box must keep off, read with the other rectangles (before any write). */
interface TagScene {
  texts: Rect[];
  rowAbove: Rect | null;
  table: Rect | null;
}

function tagScene(el: Element, viewport: Rect): TagScene {
  const table = el.closest('table');
  if (!table) return { texts: [], rowAbove: null, table: null };
  const t = table.getBoundingClientRect();
  return { texts: textRects(table, viewport), rowAbove: rowAbove(el, table), table: { left: t.left, top: t.top, right: t.right, bottom: t.bottom } };
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
    const vp = viewportSize(doc);
    const tagged = placed.find((p) => p.box.tag);
    const scene = tagged ? tagScene(tagged.el, { left: 0, top: 0, right: vp.width, bottom: vp.height }) : null;
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
      if (box.tag && scene) this.drawTag(node, box, rect, scene, placed.filter((p) => p.box !== box).map((p) => p.rect), vp, avoid);
    });
    for (const extra of nodes.slice(placed.length)) extra.remove();
  }

  /**
   * The selected box's tag, placed by placeTag (tag-placement.ts). Its wordings are measured in one
   * layout (the only read after the writes of a draw); the one that fits stays.
   */
  private drawTag(node: HTMLElement, box: Box, rect: Rect, scene: TagScene, marks: Rect[], vp: { width: number; height: number }, avoid: Rect | null): void {
    const doc = this.doc;
    const variants: HTMLElement[] = [];
    for (const [text, small] of [[box.tag!, false], ...(box.tagShort ? [[box.tagShort, false], [box.tagShort, true]] : [])] as [string, boolean][]) {
      const tag = doc.createElement('span');
      tag.className = small ? 'tag small' : 'tag';
      tag.textContent = text;
      node.append(tag);
      variants.push(tag);
    }
    const sizes = variants.map((v) => v.getBoundingClientRect()).map((r) => ({ width: Math.ceil(r.width), height: Math.ceil(r.height) }));
    // Absolute children are placed from the padding box: the mark's own border offsets them.
    const originX = rect.left + node.clientLeft;
    const originY = rect.top + node.clientTop;
    const badge = { left: rect.left, top: rect.top, right: rect.left + BADGE_SIZE, bottom: rect.top + BADGE_SIZE };
    const placed = placeTag({ cell: rect, badge, sizes, viewport: vp, texts: scene.texts, rowAbove: scene.rowAbove, marks, panel: avoid, table: scene.table });
    variants.forEach((v, i) => i !== placed.size && v.remove());
    const tag = variants[placed.size]!;
    const r = placed.rect;
    tag.className += ` ${placed.side}`;
    tag.style.cssText = `left:${r.left - originX}px;top:${r.top - originY}px;width:${r.right - r.left}px`;
    // Level with the cell but not beside it (the table's margin, past a neighbour's value): a leader line.
    const middle = (r.top + r.bottom) / 2;
    const from = r.left >= rect.right ? rect.right : r.right <= rect.left ? r.right : null;
    const to = r.left >= rect.right ? r.left : rect.left;
    if (from !== null && to - from > 2 * TAG_GAP && middle > rect.top && middle < rect.bottom) {
      const leader = doc.createElement('span');
      leader.className = 'leader';
      leader.style.cssText = `left:${from - originX}px;top:${middle - originY}px;width:${to - from}px`;
      node.append(leader);
    }
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
