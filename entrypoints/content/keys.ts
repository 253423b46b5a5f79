/**
 * The panel without a mouse: ↑/↓ or j/k move between findings, Home/End to the ends, Enter (or Space)
 * shows the finding's cell, Esc closes the panel. Listens on the panel's shadow root, so keys typed in
 * the panel are handled before they reach the page, and stops them there: a page that swallows key
 * events (document.onkeydown = () => false) never sees them. Where the page cancels a key before us
 * (a capturing window listener), nothing here depends on the browser's default action — even Tab is
 * moved by hand when the page prevented it. Esc in the panel's 审核附件 frame (an extension page, whose keys
 * never reach the shadow root) comes as a message from that frame's window, and only from it.
 */
import type { AttachmentEscape } from './protocol';

export interface PanelKeyActions {
  /** Enter: select the finding and scroll to its cell. */
  select(id: string): void;
  /** The keyboard moved to this finding: make it the one in the Tab order, then focus it. */
  move(id: string): void;
  /** Esc: close the panel. */
  close(): void;
}

const visible = (el: HTMLElement) => el.getClientRects().length > 0;

const FOCUSABLE = 'button:not([disabled]), summary, [tabindex="0"]';

export function listenPanelKeys(root: ShadowRoot, act: PanelKeyActions): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0];
    const finding = target instanceof HTMLElement ? target.closest<HTMLElement>('.finding') : null;
    if (e.key === 'Escape') {
      e.preventDefault();
      act.close();
      return;
    }
    if (e.key === 'Tab' && e.defaultPrevented) {
      // The page cancelled Tab: move focus among the panel's own controls ourselves.
      const all = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => visible(el) && el.tabIndex >= 0);
      const at = all.indexOf(target as HTMLElement);
      const next = all[(at + (e.shiftKey ? -1 : 1) + all.length) % all.length];
      next?.focus();
      return;
    }
    if (!finding) return;
    const id = finding.dataset.finding ?? '';
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      act.select(id);
      return;
    }
    const list = Array.from(root.querySelectorAll<HTMLElement>('.finding')).filter(visible);
    const at = list.indexOf(finding);
    const to = { ArrowDown: at + 1, j: at + 1, ArrowUp: at - 1, k: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = list[Math.max(0, Math.min(list.length - 1, to))];
    if (next?.dataset.finding !== undefined) act.move(next.dataset.finding);
  };
  const stop = (e: Event) => e.stopPropagation();
  const onMessage = (e: MessageEvent) => {
    const frame = root.querySelector<HTMLIFrameElement>('iframe.attachment');
    if (frame?.contentWindow && e.source === frame.contentWindow && (e.data as AttachmentEscape | null)?.type === 'gouji:attachment-escape') act.close();
  };
  const win = root.ownerDocument.defaultView;
  root.addEventListener('keydown', onKeyDown as EventListener);
  root.addEventListener('keyup', stop);
  root.addEventListener('keypress', stop);
  win?.addEventListener('message', onMessage);
  return () => {
    win?.removeEventListener('message', onMessage);
    root.removeEventListener('keydown', onKeyDown as EventListener);
    root.removeEventListener('keyup', stop);
    root.removeEventListener('keypress', stop);
  };
}
