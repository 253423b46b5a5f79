/**
 * The page tree: the pages in order (depth-first through /Kids), and a page's inheritable entries —
 * /Resources as pdf.js merges them (every dictionary from the page up to the root, the nearest
 * one's keys winning) and /Contents.
 */
import { PdfRef, PdfStream, Unreadable, type PdfDict, type PdfObject } from './lexer';
import type { PdfFile } from './objects';

/** Page-tree nodes visited before the tree is hostile. */
const MAX_NODES = 20_000;
/** Ancestors walked for inherited entries. */
const MAX_ANCESTORS = 64;

/** The references of the first `max` pages, in order. */
export function pageRefs(file: PdfFile, max: number): PdfRef[] {
  const root = file.get(file.trailer, 'Root');
  if (!(root instanceof Map)) throw new Unreadable('no catalog');
  const top = root.get('Pages');
  if (!(top instanceof PdfRef)) throw new Unreadable('no page tree');
  const out: PdfRef[] = [];
  const seen = new Set<number>();
  const stack: PdfRef[] = [top];
  while (stack.length && out.length < max) {
    const ref = stack.pop()!;
    if (seen.has(ref.num)) throw new Unreadable('page tree loops');
    if (seen.size >= MAX_NODES) throw new Unreadable('page tree too large');
    seen.add(ref.num);
    const node = file.fetch(ref);
    if (!(node instanceof Map)) throw new Unreadable('page node not a dictionary');
    const kids = file.get(node, 'Kids');
    if (kids === undefined) {
      out.push(ref);
      continue;
    }
    if (!Array.isArray(kids)) throw new Unreadable('bad /Kids');
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (!(kid instanceof PdfRef)) throw new Unreadable('page kid not a reference');
      stack.push(kid);
    }
  }
  return out;
}

/** A page's merged resources. */
export function pageResources(file: PdfFile, page: PdfDict): PdfDict {
  const merged: PdfDict = new Map();
  let node: PdfDict | undefined = page;
  for (let i = 0; node && i < MAX_ANCESTORS; i++) {
    const res = file.get(node, 'Resources');
    if (res instanceof Map) {
      for (const [k, v] of res) if (!merged.has(k)) merged.set(k, v);
    } else if (res !== undefined) throw new Unreadable('/Resources not a dictionary');
    node = file.dict(node, 'Parent');
    if (i === MAX_ANCESTORS - 1 && node) throw new Unreadable('page ancestry too long');
  }
  return merged;
}

/** The content streams of a page, in order (none for a page without /Contents). */
export function pageContents(file: PdfFile, page: PdfDict): PdfStream[] {
  const contents: PdfObject | undefined = file.get(page, 'Contents');
  if (contents === undefined || contents === null) return [];
  if (contents instanceof PdfStream) return [contents];
  if (!Array.isArray(contents)) throw new Unreadable('bad /Contents');
  return contents.map((c) => {
    const s = file.resolve(c);
    if (!(s instanceof PdfStream)) throw new Unreadable('content part not a stream');
    return s;
  });
}
