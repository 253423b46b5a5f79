/**
 * Ruling segments → table cells, the way pdfplumber's table finder works from edges: snap nearly
 * collinear edges together, join the pieces of one line, find where horizontal and vertical edges
 * cross, and take as a cell each smallest rectangle whose four corners are crossings joined by edges.
 * Cells that share a corner form one table. Merged cells fall out by themselves: a rule that is not
 * drawn leaves no crossing, so the rectangle extends over the neighbouring grid line.
 */
import { boundsOf, type Box, type Segment } from './content';

/** Edges this close (points) are one line: Word and WPS draw a border per cell, a fraction apart. */
const SNAP = 3;
/** Pieces of one line with gaps up to this are joined. */
const JOIN = 3;
/** An edge that stops this short of another still meets it. */
const INTERSECT = 3;
/** A closing edge shorter than this closes nothing (a lone open end with no rule beside it). */
const MIN_CLOSING = 6;
/** Hostile or drawing-heavy pages: beyond this many segments the page is not searched for tables. */
export const MAX_SEGMENTS = 20_000;
/** …and beyond this many horizontal × vertical line pairs (a 200-row ruled table has ~2,000). */
const MAX_PAIRS = 2_000_000;

interface Edge {
  /** The fixed coordinate (y of a horizontal edge, x of a vertical one) and the extent along the other axis. */
  at: number;
  from: number;
  to: number;
}

function cluster(values: number[], tolerance: number): Map<number, number> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const snapped = new Map<number, number>();
  let group: number[] = [];
  const flush = () => {
    const mean = group.reduce((s, v) => s + v, 0) / group.length;
    for (const v of group) snapped.set(v, mean);
    group = [];
  };
  for (const v of sorted) {
    if (group.length && v - group.at(-1)! > tolerance) flush();
    group.push(v);
  }
  if (group.length) flush();
  return snapped;
}

function snapAndJoin(edges: Edge[]): Edge[] {
  const snap = cluster(edges.map((e) => e.at), SNAP);
  const byLine = new Map<number, Edge[]>();
  for (const e of edges) {
    const at = snap.get(e.at)!;
    const list = byLine.get(at) ?? [];
    list.push({ at, from: e.from, to: e.to });
    byLine.set(at, list);
  }
  const joined: Edge[] = [];
  for (const list of byLine.values()) {
    list.sort((a, b) => a.from - b.from);
    let current = { ...list[0]! };
    for (const e of list.slice(1)) {
      if (e.from <= current.to + JOIN) current.to = Math.max(current.to, e.to);
      else {
        joined.push(current);
        current = { ...e };
      }
    }
    joined.push(current);
  }
  return joined;
}

/**
 * Word and WPS draw no border where a page break splits a table: the rules of the last row on a page
 * (and of the first row on the next) run to the break and stop open. Those open ends are closed by a
 * horizontal edge, bridged to a rule at the same height that stops short of them.
 */
function closingEdges(h: readonly Edge[], v: readonly Edge[]): Edge[] {
  const meets = (x: number, y: number) => h.some((e) => Math.abs(e.at - y) <= INTERSECT && x >= e.from - INTERSECT && x <= e.to + INTERSECT);
  const open = new Map<number, number[]>();
  for (const e of v) {
    for (const y of [e.from, e.to]) {
      if (meets(e.at, y)) continue;
      const key = [...open.keys()].find((k) => Math.abs(k - y) <= SNAP) ?? y;
      (open.get(key) ?? open.set(key, []).get(key)!).push(e.at);
    }
  }
  const out: Edge[] = [];
  for (const [y, xs] of open) {
    let from = Math.min(...xs), to = Math.max(...xs);
    for (const e of h) {
      if (Math.abs(e.at - y) > SNAP) continue;
      if (e.from >= to) to = Math.max(to, e.from);
      else if (e.to <= from) from = Math.min(from, e.to);
    }
    if (to - from >= MIN_CLOSING) out.push({ at: y, from, to });
  }
  return out;
}

export interface TableCells {
  /** Cell boxes, each a smallest ruled rectangle. */
  cells: Box[];
  box: Box;
}

/** Tables ruled by `segments`, top to bottom. */
export function findTables(segments: readonly Segment[]): TableCells[] {
  if (segments.length > MAX_SEGMENTS) return [];
  const h = snapAndJoin(segments.filter((s) => s.y0 === s.y1).map((s) => ({ at: s.y0, from: s.x0, to: s.x1 })));
  const v = snapAndJoin(segments.filter((s) => s.x0 === s.x1).map((s) => ({ at: s.x0, from: s.y0, to: s.y1 })));
  if (h.length * v.length > MAX_PAIRS) return [];
  h.push(...closingEdges(h, v));
  // Crossings: key "x,y" → the edges through it.
  const crossings = new Map<string, { x: number; y: number; h: Set<number>; v: Set<number> }>();
  v.forEach((ve, vi) => {
    h.forEach((he, hi) => {
      if (ve.at >= he.from - INTERSECT && ve.at <= he.to + INTERSECT && he.at >= ve.from - INTERSECT && he.at <= ve.to + INTERSECT) {
        const key = `${ve.at},${he.at}`;
        const c = crossings.get(key) ?? { x: ve.at, y: he.at, h: new Set<number>(), v: new Set<number>() };
        c.h.add(hi);
        c.v.add(vi);
        crossings.set(key, c);
      }
    });
  });
  const points = [...crossings.values()].sort((a, b) => a.x - b.x || a.y - b.y);
  const shares = (a: Set<number>, b: Set<number>) => {
    for (const x of a) if (b.has(x)) return true;
    return false;
  };
  const byX = new Map<number, typeof points>();
  const byY = new Map<number, typeof points>();
  for (const p of points) {
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x)!).push(p);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y)!).push(p);
  }
  const cells: Box[] = [];
  for (const p of points) {
    const below = byX.get(p.x)!.filter((q) => q.y > p.y);
    const right = byY.get(p.y)!.filter((q) => q.x > p.x);
    let found: Box | null = null;
    for (const b of below) {
      if (!shares(p.v, b.v)) continue;
      for (const r of right) {
        if (!shares(p.h, r.h)) continue;
        const corner = crossings.get(`${r.x},${b.y}`);
        if (corner && shares(corner.v, r.v) && shares(corner.h, b.h)) {
          found = { x0: p.x, top: p.y, x1: r.x, bottom: b.y };
          break;
        }
      }
      if (found) break;
    }
    if (found) cells.push(found);
  }
  return groupTables(cells);
}

/** Cells that share a corner belong to one table. */
function groupTables(cells: Box[]): TableCells[] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byCorner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const key of [`${c.x0},${c.top}`, `${c.x1},${c.top}`, `${c.x0},${c.bottom}`, `${c.x1},${c.bottom}`]) {
      const other = byCorner.get(key);
      if (other === undefined) byCorner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Box[]>();
  cells.forEach((c, i) => {
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(c);
  });
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => ({
      cells: g,
      box: boundsOf(g),
    }))
    .sort((a, b) => a.box.top - b.box.top);
}
