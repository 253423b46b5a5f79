/** `gouji compare OLD NEW` as text: the pair, its notices, the shares per section and table, the findings. */
import { t, type Lang } from '../i18n/messages';
import type { Comparison } from './compare';

const NUMERAL = ' 一二三四五六';
const percent = (x: number) => `${Math.round(x * 100)}%`;
const SIGN = { error: '✖', warning: '▲', info: '·' } as const;

/** The pair's heading; both names when the agencies differ. */
export function comparisonHeading(c: Comparison, lang: Lang): string {
  const a = c.old.agency ?? '?';
  const b = c.new.agency ?? '?';
  return t('compare_heading', { agency: a === b ? a : `${a} / ${b}`, oldYear: c.old.year ?? '?', newYear: c.new.year ?? '?' }, lang);
}

export function comparisonText(c: Comparison, lang: Lang = 'zh'): string {
  const out: string[] = [];
  out.push(comparisonHeading(c, lang));
  out.push(`  ${c.old.year ?? '?'}: ${c.old.source}`, `  ${c.new.year ?? '?'}: ${c.new.source}`);
  for (const n of c.notices) out.push(`! ${n.message}`);
  out.push(t('compare_whole', { share: percent(c.text.repeated) }, lang));
  for (const s of c.text.sections) {
    if (!s.sentences.length && !s.rows.length) continue;
    const repeated = s.sentences.filter((x) => x.repeated).length;
    out.push(`  ${t('compare_section', { numeral: lang === 'zh' ? NUMERAL[s.section]! : s.section, title: s.title, share: percent(s.repeated), repeated, count: s.sentences.length }, lang)}`);
  }
  out.push(t('compare_tables', { cells: c.tables.cells, equal: c.tables.equal, share: percent(c.tables.repeated) }, lang));
  if (c.findings.length) {
    out.push(`${t('compare_findings', {}, lang)}:`);
    for (const f of c.findings) {
      out.push(`  ${SIGN[f.severity]} [${f.rule}] ${f.message}`);
      if (f.quote) for (const line of f.quote.split('\n').slice(0, 5)) out.push(`      “${line}”`);
    }
  } else out.push(t('cli_noFindings', {}, lang));
  return `${out.join('\n')}\n`;
}
