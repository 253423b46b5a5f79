/**
 * The report's year, agency, publication date and kind of publisher, read from the page: the title,
 * meta tags (ArticleTitle, PubDate…), 发布日期/发布时间/日期 lines, and the signature date at the end.
 */
import type { PageDoc } from '../extract/page';

export type PublisherKind = 'government' | 'department' | 'township';

export interface ReportMeta {
  year: number | null;
  agency: string | null;
  published: string | null;
  kind: PublisherKind;
  title: string;
}

const REPORT_TITLE = /(\d{4})\s*年\s*度?\s*(.*?)(?:政府|政务)?信息公开(?:工作)?(?:的)?年度?报告/;
const MAX_YEAR = 2100;

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二一 → 2021; 十二 → 12; 二十五 → 25 */
function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零Oo一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const tens = m[2] ? (m[1] ? CN_DIGITS[m[1]]! : 1) : 0;
  const ones = m[3] ? CN_DIGITS[m[3]]! : m[2] ? 0 : m[1] ? CN_DIGITS[m[1]]! : 0;
  return tens * 10 + ones;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_NUMERIC = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const DATE_CHINESE = /([〇零Oo一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/;

export function parseDate(text: string): string | null {
  const m = DATE_NUMERIC.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = DATE_CHINESE.exec(text);
  if (c) {
    const [y, mo, d] = [chineseNumber(c[1]!), chineseNumber(c[2]!), chineseNumber(c[3]!)];
    if (y !== null && mo !== null && d !== null) return isoDate(y, mo, d);
  }
  return null;
}

const PUBLISHED_LABEL = /(?:发布日期|发布时间|公开日期|公开时间|发表时间|上网时间)\s*[:：]?\s*(.{6,24})/;
const GENERIC_DATE_LABEL = /(?:^|[\s【\[(])(?:日期|时间)\s*[:：]\s*(.{6,24})/;
const DOCUMENT_DATE_LABEL = /(?:发文日期|成文日期|生成日期|印发日期)\s*[:：]?\s*(.{6,24})/;

/** A cell that is only a metadata label, its value in the next cell (公开日期 | 2024-01-17, as many CMSs print). */
const LABEL_CELL = /^(?:发布日期|发布时间|公开日期|公开时间|发表时间|上网时间|发文日期|成文日期|生成日期|印发日期|日期|时间)\s*[:：]?$/;

/** Short cells of the first tables joined with the cell after them: 发布日期： | 2024-02-10, 公开日期 | 2024-01-17. */
function metadataCells(page: PageDoc): string[] {
  const out: string[] = [];
  for (const table of page.tables.slice(0, 6)) {
    for (const row of table.rows.slice(0, 12)) {
      row.cells.forEach((cell, i) => {
        if (cell.text.length > 40) return;
        const text = cell.text.trim();
        const next = row.cells[i + 1]?.text ?? '';
        if (/[:：]$/.test(text)) out.push(`${text}${next}`);
        else if (LABEL_CELL.test(text)) out.push(`${text}：${next}`);
        else out.push(text);
      });
    }
  }
  return out;
}

function publishedDate(page: PageDoc): string | null {
  for (const key of ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'published_time', 'dc.date', 'createdate']) {
    const v = page.meta.meta[key];
    const d = v ? parseDate(v) : null;
    if (d) return d;
  }
  // Lines near the top, and the cells of a site's metadata table (索引号 … 发布日期 | 2024-02-10),
  // read as label-value pairs: the publication date first, then a generic date, then a document date.
  const head = [...page.lines.slice(0, 80), ...metadataCells(page)];
  for (const label of [PUBLISHED_LABEL, GENERIC_DATE_LABEL, DOCUMENT_DATE_LABEL]) {
    for (const text of head) {
      const m = label.exec(text);
      const d = m ? parseDate(m[1]!) : null;
      if (d) return d;
    }
  }
  // A date with its time and nothing to name it, above the article (2024-02-10 10:30:00 来源：…).
  for (const line of page.lines.slice(0, 30)) {
    if (/^\D{0,12}\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}/.test(line)) {
      const d = parseDate(line);
      if (d) return d;
    }
  }
  // The signature date: a line that is only a date, near the end.
  const tail = page.lines.slice(-12).reverse();
  for (const line of tail) {
    if (line.length <= 20 && /日$/.test(line)) {
      const d = parseDate(line);
      if (d) return d;
    }
  }
  return null;
}

function cleanAgency(name: string): string | null {
  const a = name
    .replace(/^(?:现予?公布|现将|特?发布|公布|印发|关于|[\s:：])+/, '')
    // 青山区人民|政府信息公开…: the title's 政府 belongs to the agency.
    .replace(/人民$/, '人民政府')
    .replace(/(?:的|关于|[\s:：])+$/, '')
    .trim();
  return a.length >= 2 && a.length <= 40 ? a : null;
}

function titleCandidates(page: PageDoc): string[] {
  const m = page.meta.meta;
  // A link to another report (上一篇, a sidebar) is not this page's title.
  const links = new Set(page.links.map((l) => l.text));
  const lines = page.lines.slice(0, 15).filter((l) => !links.has(l));
  return [m['articletitle'], page.meta.title, ...lines, m['title'], m['og:title']].filter((x): x is string => !!x);
}

/** 某县人民政府政府信息公开工作年度报告（2023年度） and 2023年度政府信息公开工作年度报告（某县人民政府）. */
const YEAR_AFTER = /^(.*?)(?:政府|政务)?信息公开(?:工作)?(?:的)?年度?报告\s*\((\d{4})\s*年?度?\)/;
const AGENCY_AFTER = /年度?报告\s*\(([^()\d]{2,30})\)/;

/** A year in Chinese numerals before 年 (二〇一九年度) read as digits. */
const CHINESE_YEAR = /[〇零Oo一二三四五六七八九]{4}(?=\s*年)/g;
const digitYears = (text: string) => text.replace(CHINESE_YEAR, (y) => String(chineseNumber(y) ?? y));

function yearAndAgency(page: PageDoc): { year: number | null; agency: string | null; title: string } {
  const printed = titleCandidates(page);
  const candidates = printed.map(digitYears);
  for (const [i, text] of candidates.entries()) {
    const m = REPORT_TITLE.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    // 2019年度咸丰路街道办事处信息公开… names the agency after the year; 巫山县规划和自然资源局2020年… before it.
    const before = text.slice(0, m.index).split(/[_|\-–—,，。;；:：、\s]/).pop() ?? '';
    const after = AGENCY_AFTER.exec(text)?.[1] ?? '';
    const agency = cleanAgency(m[2] ?? '') ?? cleanAgency(before) ?? cleanAgency(after);
    return { year, agency, title: printed[i]! };
  }
  for (const [i, text] of candidates.entries()) {
    const m = YEAR_AFTER.exec(text);
    if (m) return { year: Number(m[2]), agency: cleanAgency(m[1]!.split(/[_|\-–—,，。;；:：、\s]/).pop() ?? ''), title: printed[i]! };
  }
  return { year: null, agency: null, title: page.meta.title };
}

/** Without a title: the year the narrative speaks of most ("2020年，我处…"). */
function yearFromText(page: PageDoc, published: string | null): number | null {
  const counts = new Map<number, number>();
  for (const line of page.lines.slice(0, 60)) {
    for (const m of line.matchAll(/(\d{4})年(?!\d{1,2}月)/g)) {
      const y = Number(m[1]);
      if (y >= 2000 && y <= MAX_YEAR) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  if (best !== null) return best;
  return published ? Number(published.slice(0, 4)) - 1 : null;
}

/** The signature at the end names the agency when the title does not. */
function agencyFromSignature(page: PageDoc): string | null {
  const tail = page.lines.slice(-8);
  for (let i = tail.length - 1; i > 0; i--) {
    if (parseDate(tail[i]!) && tail[i]!.length <= 20) {
      const name = tail[i - 1]!;
      if (name.length <= 30 && /(局|委员会|委|办公室|办|厅|部|院|中心|政府|办事处|街道|镇|乡|所|站|队|署|会)$/.test(name)) return name;
    }
  }
  return null;
}

export function publisherKind(agency: string | null, title: string): PublisherKind {
  const name = agency ?? title;
  if (/(街道|办事处|[^县市区]镇|乡)(人民政府)?$/.test(name) || /(镇|乡)人民政府|街道办事处/.test(name)) return 'township';
  if (/人民政府$/.test(name) || /^[^局委办厅]{1,12}(省|市|县|区|自治州|自治区|盟|旗)$/.test(name)) return 'government';
  return 'department';
}

export function readMeta(page: PageDoc): ReportMeta {
  const published = publishedDate(page);
  const found = yearAndAgency(page);
  const year = found.year ?? yearFromText(page, published);
  const agency = found.agency ?? agencyFromSignature(page);
  return { year, agency, published, kind: publisherKind(agency, found.title), title: found.title };
}
