/**
 * One section of two years aligned sentence by sentence with the `diff` package (Myers' algorithm over
 * the sentence keys), for the side-by-side view and for the near copies a replaced hunk holds. A newer
 * sentence is repeated when the older section holds the same key anywhere (a moved paragraph is still
 * copied), or when it sits opposite an older sentence it matches to NEAR_COPY of its characters (one
 * word changed). The edit length is capped so two unrelated long sections stay linear; past the cap
 * the sentences are paired by position.
 */
import { diffArrays, diffChars } from 'diff';
import type { Sentence } from './sentences';

export interface AlignedRow {
  old: Sentence | null;
  new: Sentence | null;
  /** The new sentence repeats the old section's text (exactly, masked, or as a near copy). */
  repeated: boolean;
}

/** Share of characters two sentences must have in common (2·common / (a + b)) to be one sentence edited. */
const NEAR_COPY = 0.85;
/** Sentence edits Myers may explore before the alignment falls back to pairing by position. */
const MAX_EDITS = 120;

function nearCopy(a: string, b: string): boolean {
  const total = a.length + b.length;
  if (!total || Math.min(a.length, b.length) / Math.max(a.length, b.length) < NEAR_COPY) return false;
  // Most edited copies differ in one place: their common head and tail decide without a diff.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if ((2 * (head + tail)) / total >= NEAR_COPY) return true;
  // Each edit costs at least one character of the 1 − NEAR_COPY allowed: stop Myers beyond that.
  const changes = diffChars(a, b, { maxEditLength: Math.ceil(total * (1 - NEAR_COPY)) });
  if (!changes) return false;
  let common = 0;
  for (const c of changes) if (!c.added && !c.removed) common += c.value.length;
  return (2 * common) / total >= NEAR_COPY;
}

export function alignSentences(older: readonly Sentence[], newer: readonly Sentence[]): AlignedRow[] {
  const oldKeys = new Set(older.map((s) => s.key));
  const rows: AlignedRow[] = [];
  const pairUp = (removed: readonly Sentence[], added: readonly Sentence[]) => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const o = removed[i] ?? null;
      const n = added[i] ?? null;
      rows.push({ old: o, new: n, repeated: n !== null && (oldKeys.has(n.key) || (o !== null && nearCopy(o.key, n.key))) });
    }
  };
  // Myers costs about the square of the edits: when fewer sentences are shared than the cap allows, it would
  // only abort, so the sentences are paired by position at once.
  const shared = newer.reduce((n, s) => n + (oldKeys.has(s.key) ? 1 : 0), 0);
  const fewestEdits = older.length + newer.length - 2 * shared;
  const changes = fewestEdits <= MAX_EDITS ? diffArrays(older.map((s) => s.key), newer.map((s) => s.key), { maxEditLength: MAX_EDITS }) : undefined;
  if (!changes) pairUp(older, newer);
  else walk(changes, older, newer, rows, pairUp);
  movedNearCopies(rows);
  return rows;
}

/**
 * A sentence both moved and edited: tried against the older sentences nothing repeats that begin or end
 * with the same few characters (an edit rarely touches both ends), so the search stays linear.
 */
function movedNearCopies(rows: AlignedRow[]): void {
  const newKeys = new Set(rows.flatMap((r) => (r.new && r.repeated ? [r.new.key] : [])));
  const byEnd = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.old || newKeys.has(r.old.key) || (r.repeated && r.new)) continue;
    for (const end of ends(r.old.key)) byEnd.set(end, [...(byEnd.get(end) ?? []), r.old.key]);
  }
  if (!byEnd.size) return;
  for (const r of rows) {
    if (!r.new || r.repeated) continue;
    const candidates = new Set(ends(r.new.key).flatMap((end) => byEnd.get(end) ?? []));
    for (const o of candidates) {
      if (nearCopy(o, r.new.key)) {
        r.repeated = true;
        break;
      }
    }
  }
}

const END = 4;
const ends = (key: string) => (key.length < 2 * END ? [] : [`^${key.slice(0, END)}`, `$${key.slice(-END)}`]);

type Changes = NonNullable<ReturnType<typeof diffArrays<string>>>;

function walk(changes: Changes, older: readonly Sentence[], newer: readonly Sentence[], rows: AlignedRow[], pairUp: (removed: readonly Sentence[], added: readonly Sentence[]) => void): void {
  let i = 0;
  let j = 0;
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k]!;
    if (!c.added && !c.removed) {
      for (let n = 0; n < c.count; n++) rows.push({ old: older[i++]!, new: newer[j++]!, repeated: true });
    } else if (c.removed) {
      const removed = older.slice(i, (i += c.count));
      const next = changes[k + 1];
      const added = next?.added ? newer.slice(j, (j += next.count)) : [];
      if (next?.added) k++;
      pairUp(removed, added);
    } else {
      pairUp([], newer.slice(j, (j += c.count)));
    }
  }
}
