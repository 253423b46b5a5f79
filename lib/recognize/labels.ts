/**
 * Approximate matching of printed labels against the statutory ones. Labels arrive NFKC-normalised
 * (full-width punctuation already half-width). A key drops numbering (一、 (一) 1. ①), white space
 * (自 然 人), punctuation and quotes; the core key also drops bracketed explanations. Known character
 * confusions (釆/采) are mapped, and what is left is compared with a small edit distance.
 */

import { LABEL_NUMBERING } from '../model/statutory';

const NUMBERING = new RegExp(`^(?:${LABEL_NUMBERING.join('|')})`);
const PUNCT = /[\s\p{P}\p{S}]/gu;
const BRACKETED = /\([^()]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g;
const CONFUSABLE: Record<string, string> = { 釆: '采', 関: '关', 証: '证', 複: '复', 許: '许', 它: '他' };

function mapConfusable(s: string): string {
  let out = '';
  for (const ch of s) out += CONFUSABLE[ch] ?? ch;
  return out;
}

function stripNumbering(s: string): string {
  let t = s.replace(/\s+/g, '');
  for (let i = 0; i < 3; i++) {
    const n = t.replace(NUMBERING, '');
    if (n === t) break;
    t = n;
  }
  return t;
}

export interface LabelKey {
  /** Everything but numbering, white space and punctuation. */
  full: string;
  /** As `full`, also without bracketed explanations. */
  core: string;
  /** True when the printed text used a known character confusion (釆 for 采). */
  confusable: boolean;
}

export function labelKey(text: string): LabelKey {
  const t = stripNumbering(text);
  const mapped = mapConfusable(t);
  let core = mapped;
  for (let i = 0; i < 3; i++) {
    const n = core.replace(BRACKETED, '');
    if (n === core) break;
    core = n;
  }
  // An unclosed bracket (cell text cut by a line break) drops what follows it.
  core = core.replace(/\(.*$/, '');
  return { full: mapped.replace(PUNCT, ''), core: core.replace(PUNCT, ''), confusable: mapped !== t };
}

/** Work done comparing labels (edit-distance cells computed): what the bad-input tests bound, not a timer. */
export const labelWork = { cells: 0 };

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  labelWork.cells += b.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    labelWork.cells += b.length;
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Edit distance allowed for a key of this length: none for short labels (规章, 其他), more for long ones. */
function tolerance(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  if (length < 16) return 2;
  return 3;
}

export type MatchQuality = 'exact' | 'variant';

/** How a printed label matches a statutory one, or null. */
export function matchLabel(printed: LabelKey, statutory: LabelKey): MatchQuality | null {
  if (!printed.core) return null;
  if (printed.full === statutory.full || (printed.full === printed.core && printed.core === statutory.core)) {
    return printed.confusable ? 'variant' : 'exact';
  }
  if (printed.core === statutory.core) return 'variant';
  const tol = tolerance(statutory.core.length);
  if (tol === 0) return null;
  // Added words after the label (行政许可事项) are a variant too, when the statutory label is specific enough.
  if (printed.core.startsWith(statutory.core) && printed.core.length <= statutory.core.length * 2) return 'variant';
  if (editDistance(printed.core, statutory.core, tol) <= tol) return 'variant';
  return droppedRun(printed.core, statutory.core) ? 'variant' : null;
}

/**
 * The statutory label with one run of characters left out (其他法律行政止公开 for 其他法律行政法规禁止公开:
 * a typo, or a wrapped cell that lost a line): at least 6 characters kept, at most a third dropped, and
 * the printed label keeps the statutory one's start and end (2 characters each at least).
 */
function droppedRun(printed: string, statutory: string): boolean {
  const dropped = statutory.length - printed.length;
  if (printed.length < 6 || dropped < 1 || dropped * 3 > statutory.length) return false;
  let head = 0;
  while (head < printed.length && printed[head] === statutory[head]) head++;
  const tail = printed.length - head;
  return head >= 2 && tail >= 2 && statutory.endsWith(printed.slice(head));
}
