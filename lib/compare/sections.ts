/**
 * A report's narrative split into its six statutory sections (一 … 六), however numbered (一、 1. (一)
 * 第一部分) and titled, and in whatever order printed. A heading is recognised by its title's keywords
 * (总体情况, 主动公开, 申请, 复议/诉讼, 问题/改进, 其他) with its own numeral; once the report's
 * numbering style is known, a heading in that style is also taken with another numeral (sections out of
 * order or misnumbered) or, with its own numeral, with an unknown title (一、概述). Sub-headings in
 * another style ((一)主动公开 inside 一、总体情况) are thereby not mistaken for sections.
 */
import { SECTIONS } from '../model/statutory';

export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface SplitSection {
  section: SectionNumber;
  /** The printed title (without its number), or null when the report has no heading for it. */
  title: string | null;
  lines: string[];
}

export interface SplitReport {
  /** Lines before the first heading (title, preface); all lines when no heading is found. */
  preamble: string[];
  /** Always six, in statutory order. */
  sections: SplitSection[];
  /** Sections found printed in another order than 一 … 六. */
  outOfOrder: boolean;
}

const NUMERALS = '一二三四五六';
/** Words a section's title may use beyond the model's keywords (概述 for 总体情况). */
const EXTRA_KEYWORDS: Record<number, string[]> = { 1: ['概述', '概况', '基本情况'], 6: ['其它'] };
const KEYWORDS: string[][] = SECTIONS.map((s, i) => [...s.keywords, ...(EXTRA_KEYWORDS[i + 1] ?? [])]);

type Style = 'comma' | 'arabic' | 'paren' | 'part';
const HEADING = /^(?:第([一二三四五六])部分|([一二三四五六])\s*[、.,，．\s]|([1-6])\s*[.、．]|[(（]([一二三四五六])[)）]|([1-6])\s+(?=\D))\s*(.*)$/;

interface Candidate {
  line: number;
  style: Style;
  numeral: number;
  /** Section named by the title's keywords, or 0. */
  named: number;
  title: string;
  /** Text after the title on the same line. */
  rest: string;
  short: boolean;
}

function candidate(line: string, index: number): Candidate | null {
  const m = HEADING.exec(line);
  if (!m) return null;
  const style: Style = m[1] ? 'part' : m[2] ? 'comma' : m[4] ? 'paren' : 'arabic';
  const numeral = m[1] || m[2] || m[4] ? NUMERALS.indexOf((m[1] ?? m[2] ?? m[4])!) + 1 : Number(m[3] ?? m[5]);
  const after = m[6] ?? '';
  const cut = after.search(/[。:：]/);
  const title = (cut < 0 ? after : after.slice(0, cut)).trim();
  if (title.length > 40) return null;
  const named = KEYWORDS.findIndex((words) => words.some((w) => title.includes(w))) + 1;
  return { line: index, style, numeral, named, title, rest: cut < 0 ? '' : after.slice(cut + 1).trim(), short: cut >= 0 || after.length <= 40 };
}

export function splitSections(lines: readonly string[]): SplitReport {
  const candidates = lines.map(candidate).filter((c): c is Candidate => c !== null && c.short);
  // The report's own numbering style: the one its strict headings (right numeral, right keywords) use.
  const votes = new Map<Style, number>();
  for (const c of candidates) if (c.named === c.numeral) votes.set(c.style, (votes.get(c.style) ?? 0) + 1);
  const style = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const headings = new Map<number, Candidate & { section: number }>();
  const take = (c: Candidate, section: number) => {
    if (!headings.has(section) && ![...headings.values()].some((h) => h.line === c.line)) headings.set(section, { ...c, section });
  };
  // Headings in the report's own style first; a strict heading in another style only for a section still missing.
  for (const c of candidates) if (c.style === style && c.named === c.numeral) take(c, c.numeral);
  for (const c of candidates) if (c.style === style && c.named && c.named !== c.numeral) take(c, c.named);
  for (const c of candidates) if (c.style === style && !c.named && c.title.length <= 20) take(c, c.numeral);
  for (const c of candidates) if (c.named === c.numeral) take(c, c.numeral);
  const ordered = [...headings.values()].sort((a, b) => a.line - b.line);
  const sections: SplitSection[] = [1, 2, 3, 4, 5, 6].map((n) => ({ section: n as SectionNumber, title: headings.get(n)?.title ?? null, lines: [] }));
  const first = ordered[0]?.line ?? lines.length;
  ordered.forEach((h, i) => {
    const end = ordered[i + 1]?.line ?? lines.length;
    const body = sections[h.section - 1]!.lines;
    if (h.rest) body.push(h.rest);
    body.push(...lines.slice(h.line + 1, end));
  });
  const outOfOrder = ordered.some((h, i) => i > 0 && h.section < ordered[i - 1]!.section);
  return { preamble: lines.slice(0, first), sections, outOfOrder };
}

/** The heading the format gives a section, for a report that prints none. */
export function defaultTitle(section: SectionNumber, lang: 'zh' | 'en'): string {
  return SECTIONS[section - 1]!.heading[lang].replace(/^[一二三四五六\d]+[、.]\s*/, '');
}
