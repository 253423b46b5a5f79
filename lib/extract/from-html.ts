/** Saved HTML → PageDoc through cheerio's parse5 tree (the same tree a browser builds). */
import { load } from 'cheerio';
import type { AnyNode, Document } from 'domhandler';
import type { PageDoc } from './page';
import { walkTree, type TreeAdapter } from './walk-tree';

const EMPTY: AnyNode[] = [];

const domhandlerAdapter: TreeAdapter<AnyNode> = {
  kind: (n) => (n.type === 'tag' || n.type === 'script' || n.type === 'style' ? 'element' : n.type === 'text' ? 'text' : 'other'),
  tag: (n) => ('name' in n ? n.name.toLowerCase() : ''),
  attr: (n, name) => ('attribs' in n ? (n.attribs[name] ?? null) : null),
  textOf: (n) => ('data' in n ? n.data : ''),
  children: (n) => ('children' in n ? n.children : EMPTY),
};

export function pageFromHtml(html: string): PageDoc {
  const $ = load(html);
  const root = $.root()[0] as unknown as Document;
  const mode = (root as unknown as Record<string, unknown>)['x-mode'] === 'quirks' ? 'quirks' : 'standards';
  return walkTree<AnyNode>(root, domhandlerAdapter, mode);
}
