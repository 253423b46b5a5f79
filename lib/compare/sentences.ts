/**
 * Sentences as the year-over-year comparison reads them. Two sentences are "the same" when they are
 * equal after folding width (NFKC), dropping punctuation and white space, and masking numbers and years:
 * a copy that only moved 2023年 to 2024年 and changed the counts is still a copy.
 *
 * Each sentence also has a weight: its length once the stock phrases every report carries are taken out
 * (坚持以习近平新时代中国特色社会主义思想为指导, the 条例's name, the statistics-period and contact
 * boilerplate, "无其他需要报告的事项"). Shares are weighted by it, so a report repeating only those
 * phrases scores near zero, while a copied paragraph weighs what it says.
 */

export interface Sentence {
  /** As printed (trimmed). */
  text: string;
  /** Normalised and masked: what is compared. */
  key: string;
  /** Characters that count towards a share: the key without stock phrases and masked numbers. */
  weight: number;
}

/** Sentences end at 。！？；, and at a line end. */
const SENTENCE_END = /(?<=[。！？；!?;])/;
/** Arabic numbers (with decimals, percentages), and years or counts written in Chinese numerals with 〇/零. */
const NUMBER = /\d+(?:[.,]\d+)*%?|[〇零一二三四五六七八九]{4}(?=年)/g;
/** Anything that is not a letter or a digit (or the mask) after NFKC: punctuation, symbols, spaces. */
const NOT_WORD = /[^\p{L}\p{N}#]+/gu;

/**
 * Phrases and whole sentences every report may carry, written by the format or by custom, not by the
 * agency about its year. Matched on the NFKC text with numbers already masked.
 */
const STOCK: readonly [hint: string, phrase: RegExp][] = [
  ['习近平', /(?:坚持)?以习近平新时代中国特色社会主义思想为指导/g],
  ['党的', /(?:深入|认真|全面)?(?:学习)?贯彻(?:落实)?党的[^，。；]{0,24}?精神/g],
  ['条例》', /(?:认真|深入|全面)?(?:贯彻)?(?:落实)?《中华人民共和国政府信息公开条例》(?:[(（]以下简称《条例》[)）])?/g],
  ['报告格式', /《(?:国务院办公厅)?[^》]{0,40}政府信息公开工作年度报告格式[^》]{0,10}》(?:[(（][^)）]{0,30}[)）])?/g],
  ['统计期限', /[^。；]*统计期限[^。；]*/g],
  ['电子版', /[^。；]*(?:本报告|年度报告)(?:的)?电子版[^。；]*/g],
  ['疑问', /[^。；]*如对本(?:年度)?报告[^。；]*疑问[^。；]*/g],
  ['需要报告的事项', /(?:本(?:年度|机关|单位)?)?(?:无|没有)其他需要报告的事项/g],
  ['信息处理费', /本(?:年度|机关|单位)[^。；]{0,8}未收取[^。；]{0,6}信息处理费/g],
  ['年度报告', /(?:现|特)?(?:向社会)?公布#?年度?[^。；]{0,30}政府信息公开工作年度报告/g],
];
/** Text NFKC leaves as it is (ASCII and CJK ideographs): the costly call is skipped, as in normalize-text.ts. */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/** NFKC with numbers and years masked. */
function masked(text: string): string {
  return (NFKC_STABLE.test(text) ? text : text.normalize('NFKC')).replace(NUMBER, '#');
}

/** The text as compared: NFKC, numbers and years masked, punctuation and white space dropped. */
export function sentenceKey(text: string): string {
  return masked(text).replace(NOT_WORD, '');
}

function weightOf(maskedText: string): number {
  let t = maskedText;
  // Each phrase is looked for only where its hint occurs: the regexes with a leading [^。；]* are costly.
  for (const [hint, phrase] of STOCK) if (t.includes(hint)) t = t.replace(phrase, '');
  let n = 0;
  for (const ch of t.replace(NOT_WORD, '')) if (ch !== '#') n++;
  return n;
}

export function toSentence(text: string): Sentence {
  const m = masked(text);
  return { text, key: m.replace(NOT_WORD, ''), weight: weightOf(m) };
}

/** The sentences of some lines of text, in order; a "sentence" with no letters (a lone number) is dropped. */
export function splitSentences(lines: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  for (const line of lines) {
    for (const part of line.split(SENTENCE_END)) {
      const text = part.trim();
      if (!text) continue;
      const s = toSentence(text);
      if (/\p{L}/u.test(s.key)) out.push(s);
    }
  }
  return out;
}

/** Σ weight of the sentences marked, over Σ weight of all; 0 for no weight at all. */
export function weightedShare(sentences: readonly { weight: number; repeated: boolean }[]): number {
  let all = 0;
  let repeated = 0;
  for (const s of sentences) {
    all += s.weight;
    if (s.repeated) repeated += s.weight;
  }
  return all ? repeated / all : 0;
}
