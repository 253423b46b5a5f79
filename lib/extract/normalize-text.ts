/**
 * Text as the recogniser reads it: full-width characters as half-width (NFKC: ０→0, （→(, ：→:),
 * every run of white space (including U+00A0 &nbsp; and U+3000) as one space, empty lines dropped.
 */
const SPACE_RUN = /[\s\u200b\u200c\u200d\u2060\ufeff]+/g;
/** Text NFKC leaves as it is: ASCII and CJK unified ideographs (most cells), so the costly call is skipped. */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

export function normalizeLine(line: string): string {
  const folded = NFKC_STABLE.test(line) ? line : line.normalize('NFKC');
  return folded.replace(SPACE_RUN, ' ').trim();
}

/** Normalises text that may carry line breaks ('\n' from <br>/<p>), keeping non-empty lines. */
export function normalizeText(text: string): string {
  if (!text) return '';
  const lines = text.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const n = normalizeLine(line);
    if (n) kept.push(n);
  }
  return kept.join('\n');
}
