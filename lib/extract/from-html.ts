/**
 * Saved HTML → PageDoc. Parsed by parse5 — the HTML-standard parser cheerio itself is built on, so the
 * tree is the one a browser builds (implied <tbody>, foster parenting, quirks mode) — into parse5's
 * own light tree: skipping cheerio's conversion to domhandler nodes keeps the audit near the cost of
 * the bare parse (see `npm run bench`). The walk is the one the content script runs on the live DOM.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { PageDoc } from './page';
import { hiddenClassesOf } from './hidden-classes';
import { walkTree, type TreeAdapter } from './walk-tree';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const EMPTY: Node[] = [];

const parse5Adapter: TreeAdapter<Node> = {
  kind: (n) => (n.nodeName === '#text' ? 'text' : 'tagName' in n ? 'element' : n.nodeName === '#document' || n.nodeName === '#document-fragment' ? 'other' : 'other'),
  tag: (n) => (n as Element).tagName,
  attr: (n, name) => {
    for (const a of (n as Element).attrs) if (a.name === name) return a.value;
    return null;
  },
  textOf: (n) => (n as DefaultTreeAdapterMap['textNode']).value,
  // <template> keeps its content outside childNodes, as in the DOM.
  children: (n) => ('childNodes' in n ? n.childNodes : EMPTY),
  hasAttributes: (n) => (n as Element).attrs.length > 0,
  hiddenClassesOf,
};

export function pageFromHtml(html: string): PageDoc {
  const document = parse(html);
  return walkTree<Node>(document, parse5Adapter, document.mode === 'quirks' ? 'quirks' : 'standards');
}
