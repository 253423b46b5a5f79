/**
 * The year-over-year comparison in process: sections found however numbered, titled and ordered;
 * numbers and years masked; the pair ordered by year; and the bad inputs (no headings, a report with
 * itself, two agencies, empty narrative) answered with a notice and no false finding.
 */
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../lib/audit';
import { compareReports, compareTables, compareText, comparisonJson, notConsecutive, yearOrder, type ComparedInput } from '../../lib/compare/compare';
import { comparisonHtml } from '../../lib/compare/html';
import { splitSections } from '../../lib/compare/sections';
import { sentenceKey, splitSentences } from '../../lib/compare/sentences';
import { comparisonText } from '../../lib/compare/text';
import { pageFromHtml } from '../../lib/extract/from-html';
import { cleanReport, followingYear, type FixtureReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

function audited(report: FixtureReport, source: string): ComparedInput {
  const html = renderPage(report);
  return { result: auditHtml(html, source, { today: new Date('2030-01-01') }), lines: pageFromHtml(html).lines };
}

const first = cleanReport('2021', { seed: 31, year: 2022, agency: '某市交通运输局' });
const second = followingYear(first);
const A = audited(first, 'a-2022.html');
const B = audited(second, 'b-2023.html');

const OVERVIEW = ['本局持续深化政务公开标准化建设，编制完成全部领域事项目录，并在门户网站集中发布。', '围绕群众关心的出行问题，开设专题栏目，发布解读文章，组织在线访谈。'];
const PROBLEMS = ['部分栏目更新不够及时，政策解读的形式仍较单一。', '下一步将建立栏目更新提醒机制，丰富图解和视频解读。'];

describe('sections', () => {
  it('finds the six sections however numbered and titled', () => {
    for (const [one, five] of [
      ['一、总体情况', '五、存在的主要问题及改进情况'],
      ['1. 概述', '5. 存在问题和改进措施'],
      ['第一部分 总体情况', '第五部分 问题及改进'],
      ['一 基本情况', '五 存在的问题与改进'],
    ] as const) {
      const split = splitSections(['某局2023年政府信息公开工作年度报告', one, ...OVERVIEW, one.replace(/[一1]/, (d) => (d === '1' ? '2' : '二')).replace(/ .*|、.*/, (m) => m[0] + '主动公开政府信息情况'), five, ...PROBLEMS]);
      expect(split.preamble).toEqual(['某局2023年政府信息公开工作年度报告']);
      expect(split.sections[0]!.lines).toEqual(OVERVIEW);
      expect(split.sections[4]!.lines).toEqual(PROBLEMS);
    }
  });

  it('keeps sub-headings ((一)主动公开) inside 一 and places sections printed out of order by their titles', () => {
    const split = splitSections(['一、总体情况', '(一)主动公开', OVERVIEW[0]!, '(二)依申请公开', '五、存在的主要问题及改进情况', ...PROBLEMS, '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项', '无。']);
    expect(split.sections[0]!.lines).toEqual(['(一)主动公开', OVERVIEW[0], '(二)依申请公开']);
    expect(split.sections[1]!.title).toBeNull();
    expect(split.sections[4]!.lines).toEqual(PROBLEMS);
    expect(split.sections[2]!.title).toBe('收到和处理政府信息公开申请情况');
    expect(split.outOfOrder).toBe(true);
  });

  it('a misnumbered section (四、 titled 存在的主要问题) is placed by its title', () => {
    const split = splitSections(['一、总体情况', ...OVERVIEW, '四、存在的主要问题及改进情况', ...PROBLEMS]);
    expect(split.sections[4]!.lines).toEqual(PROBLEMS);
    expect(split.sections[3]!.title).toBeNull();
  });
});

describe('sentences', () => {
  it('masks numbers and years and ignores punctuation and width', () => {
    expect(sentenceKey('2023年，本局共收到申请12件，办结11件。')).toBe(sentenceKey('2024年, 本局共收到申请 30 件;办结 29 件.'));
    expect(sentenceKey('二〇二三年本局收到申请')).toBe(sentenceKey('二〇二四年本局收到申请'));
    expect(sentenceKey('本局共收到申请12件')).not.toBe(sentenceKey('本局共办结申请12件'));
  });

  it('weighs stock phrases out', () => {
    const [stock, own] = splitSentences(['坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。本局开设出行专题栏目。']);
    expect(stock!.weight).toBeLessThan(6);
    expect(own!.weight).toBe('本局开设出行专题栏目'.length);
    expect(splitSentences(['无其他需要报告的事项。'])[0]!.weight).toBe(0);
  });

  it('counts a sentence with one word changed as repeated (aligned by the diff), and a moved one', () => {
    const old = ['一、总体情况', '本局持续深化政务公开标准化建设，编制完成全部领域事项目录，并在门户网站集中发布。', '围绕群众关心的出行问题，开设专题栏目，发布解读文章，组织在线访谈。', '全新的一句话，与上年无关，说的是另外一件事情。'];
    const now = ['一、总体情况', '围绕群众关心的出行问题，开设专题栏目，发布解读文章，组织在线访谈。', '本局持续深化政务公开标准化建设，编制完成全部领域事项目录，并在政府门户网站集中发布。', '今年新建了十二个村级公开点，配备查阅设备。'];
    const c = compareText(old, now);
    expect(c.sections[0]!.sentences.map((s) => s.repeated)).toEqual([true, true, false]);
  });
});

describe('compareReports', () => {
  it('orders the pair by year, whatever the argument order', () => {
    const forward = comparisonJson(compareReports(A, B));
    const reversed = comparisonJson(compareReports(B, A));
    expect(reversed).toEqual(forward);
    expect(forward.old).toEqual({ source: 'a-2022.html', agency: '某市交通运输局', year: 2022 });
    expect(forward.new.year).toBe(2023);
    expect(yearOrder(B.result, A.result)[0]).toBe(A.result);
  });

  it('prints one object of the documented shape', () => {
    const json = comparisonJson(compareReports(B, A));
    expect(Object.keys(json)).toEqual(['old', 'new', 'sections', 'tables', 'findings', 'repeated', 'notices']);
    expect(json.sections.map((s) => s.section)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const s of json.sections) {
      expect(Object.keys(s)).toEqual(['section', 'title', 'repeated', 'sentences']);
      expect(s.repeated).toBeGreaterThanOrEqual(0);
      expect(s.repeated).toBeLessThanOrEqual(1);
      for (const x of s.sentences) expect(Object.keys(x)).toEqual(['text', 'repeated']);
    }
    expect(json.sections[0]!.title).toBe('总体情况');
    expect(Object.keys(json.tables)).toEqual(['cells', 'equal', 'repeated']);
    expect(json.tables.cells).toBeGreaterThan(100);
    expect(json.notices).toEqual([]);
  });

  it('a consistent pair: the template copy is flagged, with section, share and sentences; no cross-year error', () => {
    const c = compareReports(B, A);
    const section = c.findings.filter((f) => f.rule === 'text.repeated-section');
    expect(section.map((f) => f.message)).toEqual([expect.stringMatching(/^第一部分“总体情况”与2022年度报告重复 \d+%/), expect.stringMatching(/^第五部分“存在的主要问题及改进情况”与2022年度报告重复 100%/)]);
    expect(section[1]!.quote).toContain('二是基层政务公开标准化规范化水平有待提升');
    expect(section[0]).toMatchObject({ severity: 'warning', previous: { source: 'a-2022.html', cells: [] } });
    expect(c.findings.some((f) => f.rule.startsWith('cross-year.'))).toBe(false);
  });

  it('includes the cross-year findings of a consecutive pair', () => {
    const broken = followingYear(first);
    broken.cells['applications/carried_over/total'] = String(Number(broken.cells['applications/carried_over/total']) + 2);
    const c = compareReports(audited(broken, 'b.html'), A);
    expect(c.findings.find((f) => f.rule === 'cross-year.carried-over')).toMatchObject({ severity: 'error', previous: { source: 'a-2022.html' } });
  });

  it('a report compared with itself: 100 %, said so, no findings', () => {
    const c = compareReports(A, A);
    expect(c.text.repeated).toBe(1);
    expect(c.text.sections[0]!.repeated).toBe(1);
    expect(c.findings).toEqual([]);
    expect(c.notices.map((n) => n.key)).toEqual(['compare_self']);
    expect(c.notices[0]!.message).toMatch(/同一份报告.*100%/);
  });

  it('two different agencies: one notice, no findings (not even for copied text or mismatched cells)', () => {
    const other = audited({ ...second, agency: '另一县教育局', cells: { ...second.cells, 'applications/carried_over/total': '999' } }, 'other.html');
    const c = compareReports(A, other);
    expect(c.findings).toEqual([]);
    expect(c.notices.map((n) => n.message)).toEqual(['不是同一机关的相邻年度，未作跨年度核对']);
    expect(comparisonText(c)).toContain('不是同一机关的相邻年度，未作跨年度核对');
    expect(notConsecutive(A.result, other.result)).toBe('compare_notConsecutive');
  });

  it('one agency two years apart: the notice, no cross-year findings', () => {
    const later = audited({ ...second, year: 2024, cells: { ...second.cells, 'applications/carried_over/total': '999' } }, 'c-2024.html');
    const c = compareReports(later, A);
    expect(c.notices.map((n) => n.key)).toEqual(['compare_notConsecutive']);
    expect(c.findings.some((f) => f.rule.startsWith('cross-year.'))).toBe(false);
  });

  it('reports without section headings: only the whole text, said so', () => {
    const strip = (lines: readonly string[]) => lines.map((l) => l.replace(/^[一二三四五六]、/, ''));
    const c = compareReports({ ...A, lines: strip(A.lines) }, { ...B, lines: strip(B.lines) });
    expect(c.text.sections.every((s) => s.sentences.length === 0)).toBe(true);
    expect(c.text.repeated).toBeGreaterThan(0.9);
    expect(c.notices.map((n) => n.key)).toEqual(['compare_noHeadings']);
    expect(c.findings.map((f) => f.rule)).toEqual(['text.repeated-report']);
  });

  it('an empty narrative: said so, 0 %, no text finding, no crash', () => {
    const c = compareReports({ ...A, lines: [] }, B);
    expect(c.text.repeated).toBe(0);
    expect(c.notices.map((n) => n.key)).toContain('compare_emptyNarrative');
    expect(c.findings.filter((f) => f.rule.startsWith('text.'))).toEqual([]);
    const both = compareReports({ ...A, lines: [] }, { ...B, lines: [] });
    expect(both.text.sections.every((s) => s.repeated === 0)).toBe(true);
  });

  it('an input that could not be audited: a notice, no findings', () => {
    const bad: ComparedInput = { result: auditHtml('<html><body><p>无关页面，没有年报。</p></body></html>', 'x.html'), lines: ['无关页面，没有年报。'] };
    const c = compareReports(bad, A);
    expect(c.findings).toEqual([]);
    expect(c.notices.map((n) => n.key)).toContain('compare_unaudited');
  });

  it('counts table cells equal in both years', () => {
    const t = compareTables(A.result.report, B.result.report);
    expect(t.cells).toBe(t.list.length);
    expect(t.equal).toBe(t.list.filter((c) => c.old === c.new).length);
    expect(compareTables(A.result.report, A.result.report).repeated).toBe(1);
  });

  it('writes a self-contained side-by-side page', () => {
    const broken = followingYear(first);
    broken.cells['applications/carried_over/total'] = String(Number(broken.cells['applications/carried_over/total']) + 2);
    const html = comparisonHtml(compareReports(audited(broken, 'b.html'), A));
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toMatch(/<tr class="rep"><td>[^<]*二是基层政务公开/);
    expect(html).toContain('class="eq"');
    expect(html).toContain('class="chg"');
    expect(html).toMatch(/cross-year\.carried-over[\s\S]*上年结转[\s\S]*<b>\d+<\/b>/);
  });
});
