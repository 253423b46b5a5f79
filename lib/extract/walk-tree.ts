/**
 * One walk over a parsed page, generic over the tree it reads: the parse5 adapter (saved pages, CLI;
 * from-html.ts) and the live-DOM adapter (content script; from-dom.ts) both call this, so both produce the same PageDoc.
 * Iterative (no recursion: a table nested 500 deep must not overflow the stack), one pass, and
 * guarded in size.
 */
import { normalizeLine, normalizeText } from './normalize-text';
import type { PageDoc, RawCell, RawRow, RawTable } from './page';

export interface TreeAdapter<N> {
  /** 'element' for elements, 'text' for text nodes, anything else is skipped. */
  kind(node: N): 'element' | 'text' | 'other';
  /** Lower-case tag name of an element. */
  tag(node: N): string;
  attr(node: N, name: string): string | null;
  textOf(node: N): string;
  children(node: N): ArrayLike<N>;
  /** Cheap test that spares the attribute look-ups of most elements (live DOM attributes are slow). */
  hasAttributes?(node: N): boolean;
  /** Hidden by the page's styles as the browser computes them (the live DOM); saved pages read their <style> rules instead. */
  hiddenByStyle?(node: N): boolean;
  /** For a tree without computed styles (saved pages): adds the classes a <style> block's text hides
   *  (hidden-classes.ts). Supplied by the adapter, so the live DOM's bundle does without a CSS reader. */
  hiddenClassesOf?(css: string, into: Set<string>): void;
}

export const LIMITS = {
  /** Cells kept over the whole page; beyond it the rest is dropped and said in limits.truncated. */
  maxCells: 400_000,
  /** Characters kept of one cell's text. */
  maxCellChars: 20_000,
  /** Tables kept over the whole page. */
  maxTables: 20_000,
  /** Lines of narrative kept: the head of the page (the report) and its tail (the signature). */
  maxLines: 20_000,
  tailLines: 2_000,
} as const;

/** Cell text longer than this is prose, not a label or a number. */
const PROSE_CELL_CHARS = 120;
/** Not text of the page; <sup> is a footnote mark (156<sup>1</sup> is 156, not 1561). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'select', 'textarea', 'svg', 'math', 'canvas', 'video', 'audio', 'sup']);
/** Elements that embed a file (a PDF viewer): their address is an attachment link. */
const EMBEDS: Record<string, string> = { iframe: 'src', embed: 'src', object: 'data', frame: 'src' };
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'header',
  'footer', 'nav', 'aside', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'form', 'hr', 'main', 'figure', 'figcaption',
  'address', 'center', 'caption', 'td', 'th', 'body', 'title',
]);
const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
const ATTACHMENT = /\.(pdf|docx?|wps|ofd|xlsx?|jpe?g|png|gif|zip|rar)(?:$|[?#])/i;
export const MAYBE_HIDDEN = /none|hidden/i;
export const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

interface TableContext {
  table: RawTable | null;
  group: number;
  inSection: boolean;
  row: RawRow | null;
  rowIndex: number;
  cellIndex: number;
  cell: { sink: string[]; tag: 'td' | 'th'; rowspan: string | null; colspan: string | null; cellIndex: number; tablesInside: number } | null;
}

/** Element is hidden by its own markup (inline style or the hidden attribute): the same test in both adapters. */
function isHiddenByMarkup<N>(a: TreeAdapter<N>, node: N): boolean {
  if (a.hasAttributes && !a.hasAttributes(node)) return false;
  if (a.attr(node, 'hidden') !== null) return true;
  const style = a.attr(node, 'style');
  // Word puts a style on every element: a substring test spares the regex for nearly all of them.
  return style !== null && MAYBE_HIDDEN.test(style) && HIDDEN_STYLE.test(style);
}

function hasHiddenClass<N>(a: TreeAdapter<N>, node: N, hiddenClasses: Set<string>): boolean {
  if (hiddenClasses.size === 0 || (a.hasAttributes && !a.hasAttributes(node))) return false;
  const cls = a.attr(node, 'class');
  return cls !== null && cls.split(/\s+/).some((c) => hiddenClasses.has(c));
}

/** The whole walk at once (saved pages in Node, small live pages). */
function isSuperscript<N>(a: TreeAdapter<N>, node: N): boolean {
  if (a.hasAttributes && !a.hasAttributes(node)) return false;
  const style = a.attr(node, 'style');
  return style !== null && /vertical-align\s*:\s*super/i.test(style);
}

export function walkTree<N>(root: N, a: TreeAdapter<N>, mode: PageDoc['mode']): PageDoc {
  const walk = startWalk(root, a, mode);
  walk.step(Infinity);
  return walk.result();
}

/**
 * The same walk in slices of about `sliceMs`, yielding to the page's event loop between them, so a
 * 20 MB page keeps its tab responsive while the content script reads it.
 */
export async function walkTreeSliced<N>(root: N, a: TreeAdapter<N>, mode: PageDoc['mode'], sliceMs = 30): Promise<PageDoc> {
  const walk = startWalk(root, a, mode);
  while (!walk.step(performance.now() + sliceMs)) await new Promise((r) => setTimeout(r, 0));
  return walk.result();
}

interface Walk {
  /** Walks until done (true) or past the deadline (false). */
  step(deadline: number): boolean;
  result(): PageDoc;
}

/** Nodes visited between two looks at the clock. */
const CLOCK_EVERY = 2048;

function startWalk<N>(root: N, a: TreeAdapter<N>, mode: PageDoc['mode']): Walk {
  const doc: PageDoc = { meta: { title: '', meta: {} }, lines: [], tables: [], links: [], mode, limits: { truncated: [] } };
  const narrative: string[] = [];
  const tables: TableContext[] = [];
  let tableCount = 0;
  let rowOrder = 0;
  let cellCount = 0;
  let hiddenDepth = 0;
  const hiddenClasses = new Set<string>();
  let titleSink: string[] | null = null;
  const linkStack: { href: string; sink: string[]; start: number }[] = [];

  const currentSink = (): string[] | null => {
    if (titleSink) return titleSink;
    const ctx = tables[tables.length - 1];
    if (!ctx) return narrative;
    return ctx.cell ? ctx.cell.sink : null; // text loose inside a table but outside cells is dropped
  };

  const truncate = (reason: string) => {
    if (!doc.limits.truncated.includes(reason)) doc.limits.truncated.push(reason);
  };

  const newlineOnExit = () => {
    if (hiddenDepth === 0) currentSink()?.push('\n');
  };

  /** Returns the action to run on exit, or false to skip the subtree. */
  const enter = (node: N): (() => void) | null | false => {
    const kind = a.kind(node);
    if (kind === 'text') {
      if (hiddenDepth > 0) return false;
      const sink = currentSink();
      if (sink) sink.push(a.textOf(node));
      return false;
    }
    if (kind !== 'element') return false;
    const tag = a.tag(node);
    if (tag === 'title') {
      if (doc.meta.title || hiddenDepth > 0) return false;
      titleSink = [];
      const sink = titleSink;
      return () => {
        doc.meta.title = normalizeLine(sink.join(' '));
        titleSink = null;
      };
    }
    if (tag === 'meta') {
      const name = (a.attr(node, 'name') ?? a.attr(node, 'property') ?? a.attr(node, 'http-equiv'))?.toLowerCase();
      const content = a.attr(node, 'content');
      if (name && content !== null && !(name in doc.meta.meta)) doc.meta.meta[name] = content;
      return false;
    }
    const embedAttr = EMBEDS[tag];
    if (embedAttr && hiddenDepth === 0) {
      const src = a.attr(node, embedAttr) ?? '';
      if (ATTACHMENT.test(src)) doc.links.push({ text: a.attr(node, 'title') ?? '', href: src });
    }
    if (tag === 'style' && a.hiddenClassesOf) {
      const css = Array.from(a.children(node)).filter((c) => a.kind(c) === 'text').map((c) => a.textOf(c)).join('');
      a.hiddenClassesOf(css, hiddenClasses);
    }
    if (SKIPPED.has(tag)) return false;

    const hidden =
      isHiddenByMarkup(a, node) ||
      hasHiddenClass(a, node, hiddenClasses) ||
      (a.hiddenByStyle !== undefined && (!a.hasAttributes || a.hasAttributes(node)) && a.hiddenByStyle(node));
    // A superscript made with a style is a footnote mark too (156<span style="vertical-align:super">1</span>).
    if (tag === 'span' && !hidden && isSuperscript(a, node)) return false;
    const block = BLOCK.has(tag);
    const top = tables[tables.length - 1];
    const structural = tag === 'table' || tag === 'a' || (top !== undefined && !top.cell && (tag === 'tr' || tag === 'td' || tag === 'th' || ROW_GROUPS.has(tag)));
    // The common case (p, div, span, font…): no closure to allocate.
    if (!hidden && !structural) {
      if (!block) return null;
      if (hiddenDepth === 0) currentSink()?.push('\n');
      return tag === 'br' ? null : newlineOnExit;
    }

    let undo: (() => void) | null = null;
    if (hidden) hiddenDepth++;
    const addUndo = (f: () => void) => {
      const prev = undo;
      undo = prev ? () => (f(), prev()) : f;
    };
    if (hidden) addUndo(() => hiddenDepth--);

    if (block) {
      const sink = currentSink();
      if (sink && hiddenDepth === 0) sink.push('\n');
      if (tag !== 'br') addUndo(() => currentSink()?.push('\n'));
    }

    const ctx = tables[tables.length - 1];
    if (tag === 'table') {
      const index = tableCount++;
      let table: RawTable | null = null;
      if (hiddenDepth === 0) {
        if (doc.tables.length < LIMITS.maxTables) {
          table = { index, depth: tables.length, rows: [] };
          doc.tables.push(table);
        } else truncate(`tables beyond ${LIMITS.maxTables}`);
      }
      const around = ctx?.cell ?? null;
      if (around) around.tablesInside++;
      tables.push({ table, group: -1, inSection: false, row: null, rowIndex: 0, cellIndex: 0, cell: null });
      addUndo(() => {
        tables.pop();
        // A one-cell table inside a cell boxes that cell's text (CMSs that box each figure): the text is
        // the outer cell's, and the box is no table of its own.
        const only = table?.rows.length === 1 && table.rows[0]!.cells.length === 1 ? table.rows[0]!.cells[0]! : null;
        if (!around || !table || !only || only.text.includes('。') || only.text.length > PROSE_CELL_CHARS) return;
        table.rows = [];
        around.sink.push(only.text);
        around.tablesInside--;
      });
    } else if (ctx && !ctx.cell) {
      // Structure of the innermost table: only its own row groups, rows and cells.
      if (ROW_GROUPS.has(tag) && !ctx.row && !ctx.inSection) {
        ctx.group++;
        ctx.inSection = true;
        addUndo(() => (ctx.inSection = false));
      } else if (tag === 'tr' && !ctx.row) {
        if (!ctx.inSection && ctx.group < 0) ctx.group = 0;
        const row: RawRow = { cells: [], group: Math.max(ctx.group, 0), order: rowOrder++ };
        ctx.rowIndex++;
        ctx.row = row;
        ctx.cellIndex = 0;
        if (ctx.table && hiddenDepth === 0) ctx.table.rows.push(row);
        addUndo(() => (ctx.row = null));
      } else if ((tag === 'td' || tag === 'th') && ctx.row) {
        const cellIndex = ctx.cellIndex++;
        ctx.cell = { sink: [], tag, rowspan: a.attr(node, 'rowspan'), colspan: a.attr(node, 'colspan'), cellIndex, tablesInside: 0 };
        const open = ctx.cell;
        const row = ctx.row;
        const table = ctx.table;
        const rowIndex = ctx.rowIndex - 1;
        addUndo(() => {
          ctx.cell = null;
          // A layout cell (the article inside a site's layout table) is narrative too: its headings,
          // sentences and 发布日期 line. Data cells (labels, numbers) are short and hold no sentence.
          const prose = open.sink.join('');
          if (hiddenDepth === 0 && (open.tablesInside > 0 || prose.includes('。') || prose.length > PROSE_CELL_CHARS)) {
            // The sink enclosing this cell's table: the cell around it, or the page's narrative.
            const enclosing = tables[tables.length - 2];
            const outer = enclosing ? enclosing.cell?.sink : narrative;
            outer?.push('\n', prose, '\n');
          }
          if (!table || hiddenDepth > 0) return;
          if (cellCount >= LIMITS.maxCells) return truncate(`cells beyond ${LIMITS.maxCells}`);
          cellCount++;
          let text = open.sink.join('');
          if (text.length > LIMITS.maxCellChars) {
            text = text.slice(0, LIMITS.maxCellChars);
            truncate(`cell text beyond ${LIMITS.maxCellChars} characters`);
          }
          const cell: RawCell = {
            text: normalizeText(text),
            tag: open.tag,
            rowspan: open.rowspan,
            colspan: open.colspan,
            source: { table: table.index, row: rowIndex, cell: open.cellIndex },
          };
          row.cells.push(cell);
        });
      }
    }

    if (tag === 'a' && hiddenDepth === 0) {
      const href = a.attr(node, 'href') ?? '';
      const sink = currentSink();
      if (sink) {
        const entry = { href, sink, start: sink.length };
        linkStack.push(entry);
        addUndo(() => {
          linkStack.pop();
          const text = normalizeLine(entry.sink.slice(entry.start).join(''));
          if (ATTACHMENT.test(href) || /年度报告|年报/.test(text)) doc.links.push({ text, href });
        });
      }
    }
    return undo;
  };

  // Iterative depth-first walk.
  const stack: { kids: ArrayLike<N>; i: number }[] = [{ kids: a.children(root), i: 0 }];
  const exits: ((() => void) | null)[] = [null];
  const step = (deadline: number): boolean => {
    let visited = 0;
    while (stack.length > 0) {
      if (++visited % CLOCK_EVERY === 0 && deadline !== Infinity && performance.now() > deadline) return false;
      const top = stack[stack.length - 1]!;
      if (top.i < top.kids.length) {
        const child = top.kids[top.i++]!;
        const action = enter(child);
        if (action === false) continue;
        const kids = a.children(child);
        if (kids.length === 0) {
          action?.();
          continue;
        }
        stack.push({ kids, i: 0 });
        exits.push(action);
      } else {
        stack.pop();
        exits.pop()?.();
      }
    }
    return true;
  };

  return {
    step,
    result() {
      const lines = normalizeText(narrative.join('')).split('\n').filter(Boolean);
      // Only site filler runs this long; the report's own text is in the head, its signature in the tail.
      if (lines.length > LIMITS.maxLines) {
        doc.lines = [...lines.slice(0, LIMITS.maxLines - LIMITS.tailLines), ...lines.slice(-LIMITS.tailLines)];
      } else doc.lines = lines;
      return doc;
    },
  };
}
