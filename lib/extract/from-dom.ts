/**
 * The live DOM → PageDoc, for the content script: the same walk as the parse5 adapter for saved pages
 * (walk-tree.ts, from-html.ts), over DOM nodes. No parser, no zod: this file and its imports are what the content script bundles.
 * Table and cell indices in the result are those of `document.querySelectorAll('table')` and
 * `table` own rows / row cells, so `findCellElement` finds a cell again.
 */
import type { CellSource, PageDoc } from './page';
import { walkTreeSliced, type TreeAdapter } from './walk-tree';

const ELEMENT = 1;
const TEXT = 3;

const domAdapter: TreeAdapter<Node> = {
  kind: (n) => (n.nodeType === ELEMENT ? 'element' : n.nodeType === TEXT ? 'text' : 'other'),
  tag: (n) => (n as Element).localName ?? '',
  attr: (n, name) => (n as Element).getAttribute(name),
  textOf: (n) => n.nodeValue ?? '',
  // <template> content and shadow roots are not children: the parse5 tree of a saved page has neither either.
  children: (n) => n.childNodes,
  hasAttributes: (n) => (n as Element).hasAttributes(),
  // A copy of the report hidden by a stylesheet class (.print-only{display:none}) is not what the reader sees.
  hiddenByStyle: (n) => {
    const el = n as Element;
    const style = el.ownerDocument?.defaultView?.getComputedStyle(el);
    return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
  },
};

/** The live DOM → PageDoc in slices that yield to the page between them: a huge page keeps its tab responsive. */
export function pageFromDomSliced(doc: Document, sliceMs = 30): Promise<PageDoc> {
  return walkTreeSliced<Node>(doc, domAdapter, doc.compatMode === 'BackCompat' ? 'quirks' : 'standards', sliceMs);
}

/** A table's own rows in tree order (those of nested tables excluded), as the walk counts them. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.localName;
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') for (const r of Array.from(child.children)) if (r.localName === 'tr') rows.push(r);
  }
  return rows;
}

export function findCellElement(doc: Document, source: CellSource): HTMLTableCellElement | null {
  const table = doc.querySelectorAll('table')[source.table];
  if (!table) return null;
  const row = ownRows(table)[source.row];
  if (!row) return null;
  const cells = Array.from(row.children).filter((c) => c.localName === 'td' || c.localName === 'th');
  return (cells[source.cell] as HTMLTableCellElement | undefined) ?? null;
}
