/**
 * The roster (lib/roster/): header checked, empty and duplicate names said, units matched by name,
 * alias and place prefix, a name fitting two units counted for none, coverage per unit and year
 * (published / late from meta.late-publication / missing), and the whole-area roll-up as info findings;
 * a unit's own name above another unit's alias, another place's office not ours, rosters as Excel saves
 * them (GBK, UTF-16 tab-separated, .xlsx refused), a repeated header skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRoster } from '../../cli/region-input';
import { auditHtml } from '../../lib/audit';
import type { AuditResult } from '../../lib/model/schema';
import { CoverageBuilder, parseYears, UnitMatcher } from '../../lib/roster/coverage';
import { rosterProblemText } from '../../lib/roster/region';
import { parseRoster, RosterError, type Roster } from '../../lib/roster/roster';
import { RollupCollector, ROLLUP_RULE } from '../../lib/roster/rollup';
import { cellMatches, ruleMeta } from '../../lib/rules/catalogue';
import { renderPage } from '../fixtures/render';
import { REPORTS } from './site';

const ROSTER = `\uFEFF单位,上级,别名,网址
清河县人民政府,,,
财政局,清河县人民政府,,
清河县教育局,清河县人民政府,,
清河县卫生健康委员会,清河县人民政府,县卫健委、清河县卫健委,
清河县审计局,清河县人民政府,,
,清河县人民政府,,
清河县审计局,清河县人民政府,审计局,
`;

describe('roster', () => {
  it('refuses a wrong header and says empty and duplicate names', () => {
    expect(() => parseRoster('名称,地址\n财政局,x\n')).toThrow(RosterError);
    const roster = parseRoster(ROSTER);
    expect(roster.units.map((u) => u.name)).toEqual(['清河县人民政府', '财政局', '清河县教育局', '清河县卫生健康委员会', '清河县审计局']);
    expect(roster.problems).toEqual([
      { kind: 'empty-name', line: 7 },
      { kind: 'duplicate', name: '清河县审计局', lines: [6, 8] },
    ]);
    expect(roster.units[4]!.aliases).toEqual(['审计局']);
    expect(parseYears('2022-2024')).toEqual([2022, 2023, 2024]);
    expect(parseYears('2024-2022')).toEqual([2022, 2023, 2024]);
    expect(parseYears('2023－2025')).toEqual([2023, 2024, 2025]);
    expect(parseYears('2023至2024，2026')).toEqual([2023, 2024, 2026]);
    expect(parseYears('0000-0002')).toBeNull();
    expect(parseYears('1999-2001')).toBeNull();
    expect(parseYears('2023-')).toBeNull();
  });

  it('coverage: present, late, by alias, by place prefix, missing; a name fitting two units is counted for none', () => {
    const roster = parseRoster(ROSTER);
    const coverage = new CoverageBuilder(roster);
    const rollup = new RollupCollector(roster);
    const results = REPORTS.map((r) => auditHtml(renderPage(r.report, {}), `http://site.invalid${r.path}`));
    for (const result of results) rollup.add(result, coverage.add(result));
    const c = coverage.finish([2022, 2023]);
    const status = (unit: string, year: number) => c.entries.find((e) => e.unit === unit && e.year === year)?.status;
    expect(status('财政局', 2023)).toBe('published'); // 清河县财政局: the place prefix of its parent
    expect(status('清河县卫生健康委员会', 2023)).toBe('late'); // published 2024-03-02, past 31 January
    expect(status('清河县卫生健康委员会', 2022)).toBe('published'); // named 清河县卫健委, an alias
    expect(status('清河县人民政府', 2023)).toBe('published'); // 2024-03-20: a government's deadline is 31 March
    expect(status('清河县审计局', 2023)).toBe('missing');
    expect(status('清河县教育局', 2022)).toBe('missing');
    expect(c.entries).toHaveLength(roster.units.length * 2);

    const twin = new CoverageBuilder(parseRoster('单位,上级\n财政局,清河县人民政府\n财政局,白河县人民政府\n'));
    twin.add({ ...results[0]!, report: { ...results[0]!.report!, agency: '财政局' } });
    expect(twin.finish().problems[0]).toMatchObject({ kind: 'ambiguous', agency: '财政局' });

    const findings = rollup.finish('zh').get(results[3]!.source) ?? [];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'rollup.sum-mismatch' && f.severity === 'info')).toBe(true);
    expect(findings[0]!.message).toContain('名册以外的单位');
  });

  it('the roll-up compares the cells its catalogue entry reads (tables 三 and 四), no others', () => {
    const roster = parseRoster('单位,上级\n清河县人民政府,\n财政局,清河县人民政府\n');
    const whole = REPORTS.find((r) => r.report.agency === '清河县人民政府')!;
    const rollup = new RollupCollector(roster);
    const audited = (r: typeof whole, agency: string) => auditHtml(renderPage({ ...r.report, agency, year: 2023 }, {}), `http://site.invalid${r.path}`);
    const wholeResult = audited(whole, '清河县人民政府');
    const unitResult = audited(whole, '财政局');
    // Every number of the unit's report one more than the whole-area one's: the findings name exactly the cells read.
    for (const c of Object.values(unitResult.report!.cells)) if (c.value !== null) c.value += 1;
    rollup.add(wholeResult, roster.units[0]!, 0);
    rollup.add(unitResult, roster.units[1]!, 1);
    const named = new Set((rollup.finish('zh').get(wholeResult.source) ?? []).flatMap((f) => f.cells));
    const reads = ruleMeta(ROLLUP_RULE)!.reads;
    const numbered = Object.entries(wholeResult.report!.cells).filter(([id, c]) => (c.value ?? c.implied) !== null && (unitResult.report!.cells[id]?.value ?? unitResult.report!.cells[id]?.implied) != null);
    expect(numbered.some(([id]) => id.startsWith('active/'))).toBe(true);
    expect([...named].sort()).toEqual(numbered.map(([id]) => id).filter((id) => reads.some((p) => cellMatches(p, id))).sort());
    expect([...named].some((id) => id.startsWith('appeals/counts/'))).toBe(true);
  });
});

/** The 2023 whole-area report of the local site, audited under another agency name. */
const WHOLE = REPORTS.find((r) => r.report.agency === '清河县人民政府')!;
const auditedAs = (agency: string, seed = 0) => auditHtml(renderPage({ ...WHOLE.report, agency, year: 2023 }, {}), `http://site.invalid/${seed}${WHOLE.path}`);

function coverageOf(roster: Roster, results: AuditResult[]) {
  const coverage = new CoverageBuilder(roster);
  const units = results.map((r) => coverage.add(r)?.name ?? null);
  const c = coverage.finish([2023]);
  return { units, status: (unit: string) => c.entries.find((e) => e.unit === unit)?.status, problems: c.problems };
}

describe('roster aliases against names', () => {
  it("a unit's own name outranks another unit's alias, and the clash is said with both units and lines", () => {
    const roster = parseRoster('单位,上级,别名\n清河县人民政府,,\n清河县人民政府办公室,清河县人民政府,县政府办、清河县政府\n清河县教育局,清河县人民政府,\n财政局,清河县人民政府,清河县教育局\n');
    expect(roster.problems).toEqual([
      { kind: 'alias-is-name', alias: '清河县政府', unit: '清河县人民政府办公室', line: 3, other: '清河县人民政府', otherLine: 2 },
      { kind: 'alias-is-name', alias: '清河县教育局', unit: '财政局', line: 5, other: '清河县教育局', otherLine: 4 },
    ]);
    expect(rosterProblemText(roster.problems[0]!, 'zh')).toBe('名册第 3 行“清河县人民政府办公室”的别名“清河县政府”是第 2 行单位“清河县人民政府”的名称，以该名称发布的报告计入“清河县人民政府”');
    expect(rosterProblemText(roster.problems[0]!, 'en')).toContain('“清河县政府” of “清河县人民政府办公室” is the name of “清河县人民政府” (line 2)');

    const { units, status, problems } = coverageOf(roster, [auditedAs('清河县政府', 1), auditedAs('清河县人民政府', 2), auditedAs('县政府办', 3), auditedAs('清河县教育局', 4)]);
    expect(units).toEqual(['清河县人民政府', '清河县人民政府', '清河县人民政府办公室', '清河县教育局']);
    expect(problems.filter((p) => p.kind === 'ambiguous')).toEqual([]);
    expect(status('清河县人民政府')).toBe('published');
    expect(status('清河县教育局')).toBe('late'); // published 2024-03-20: past a department's 31 January
    expect(status('财政局')).toBe('missing');
  });

  it("a unit's name behind its parent's place outranks another unit's alias too", () => {
    const roster = parseRoster('单位,上级,别名\n教育局,清河县人民政府,\n财政局,清河县人民政府,清河县教育局\n');
    expect(roster.problems).toMatchObject([{ kind: 'alias-is-name', alias: '清河县教育局', unit: '财政局', other: '教育局' }]);
    expect(coverageOf(roster, [auditedAs('清河县教育局')]).units).toEqual(['教育局']);
  });

  it('an exact alias outranks a fuzzy fit of another name; an alias two units share is said and counts for neither', () => {
    const exact = parseRoster('单位,上级,别名\n清河县市场监督管理局,清河县人民政府,\n县市场监管局,清河县人民政府,市场监督管理局\n');
    expect(new UnitMatcher(exact.units).match('市场监督管理局', 'x')).toEqual({ unit: exact.units[1] });

    const shared = parseRoster('单位,上级,别名\n清河县人民政府办公室,清河县人民政府,政府办\n清河县人民政府督查室,清河县人民政府,政府办\n');
    expect(shared.problems).toEqual([{ kind: 'shared-alias', alias: '政府办', units: [{ name: '清河县人民政府办公室', line: 2 }, { name: '清河县人民政府督查室', line: 3 }] }]);
    expect(rosterProblemText(shared.problems[0]!, 'zh')).toBe('名册中多个单位使用同一别名“政府办”（“清河县人民政府办公室”第 2 行、“清河县人民政府督查室”第 3 行），以该别名发布的报告无法区分');
    expect(rosterProblemText(shared.problems[0]!, 'en')).toContain('(“清河县人民政府办公室” line 2, “清河县人民政府督查室” line 3)');
    expect(new UnitMatcher(shared.units).match('政府办', 'x')).toEqual({ ambiguous: shared.units });
  });

  it("the roll-up finds a unit's parent by its name, not by another unit's alias listed first", () => {
    const roster = parseRoster('单位,上级,别名\n清河县人民政府办公室,清河县人民政府,清河县政府\n清河县人民政府,,\n财政局,清河县人民政府,\n');
    const coverage = new CoverageBuilder(roster);
    const rollup = new RollupCollector(roster);
    const whole = auditedAs('清河县人民政府', 1);
    const unit = auditedAs('清河县财政局', 2);
    for (const c of Object.values(unit.report!.cells)) if (c.value !== null) c.value += 1;
    rollup.add(whole, coverage.add(whole), 0);
    rollup.add(unit, coverage.add(unit), 1);
    expect(coverage.finish().entries.filter((e) => e.status !== 'missing').map((e) => e.unit)).toEqual(['清河县人民政府', '财政局']);
    expect(rollup.finish('zh').get(whole.source)?.length).toBeGreaterThan(0);
  });
});

describe('roster names matched by a common ending', () => {
  /** The name of the unit an agency's report goes to, or the ambiguity, or null. */
  const unitOfIn = (roster: ReturnType<typeof parseRoster>) => {
    const matcher = new UnitMatcher(roster.units);
    return (agency: string) => {
      const m = matcher.match(agency, 'http://site.invalid/');
      return m && 'unit' in m ? m.unit.name : m;
    };
  };

  it("another place's office is not ours; the same place written longer or shorter is", () => {
    const roster = parseRoster('单位,上级\n市场监督管理局,清河县人民政府\n自然资源和规划局,邢台市清河县人民政府\n');
    const unitOf = unitOfIn(roster);
    expect(unitOf('河东县市场监督管理局')).toBeNull();
    expect(unitOf('河北省河东县市场监督管理局')).toBeNull();
    expect(unitOf('河东区市场监督管理局')).toBeNull();
    expect(unitOf('城关镇市场监督管理局')).toBeNull();
    expect(unitOf('清河县市场监督管理局')).toBe('市场监督管理局');
    expect(unitOf('河北省清河县市场监督管理局')).toBe('市场监督管理局');
    expect(unitOf('县市场监督管理局')).toBe('市场监督管理局'); // what is left is no place name
    expect(unitOf('清河县自然资源和规划局')).toBe('自然资源和规划局'); // 清河县 within 邢台市清河县
    expect(unitOf('河东县自然资源和规划局')).toBeNull();
    expect(coverageOf(roster, [auditedAs('河东县市场监督管理局')]).status('市场监督管理局')).toBe('missing');
  });

  it('a roster name carrying its own place matches a report adding a higher level in front', () => {
    const roster = parseRoster('单位,上级\n清河县人民政府,邢台市人民政府\n清河县财政局,清河县人民政府\n清河县城市管理局,清河县人民政府\n');
    const unitOf = unitOfIn(roster);
    expect(unitOf('邢台市清河县财政局')).toBe('清河县财政局');
    expect(unitOf('河北省清河县财政局')).toBe('清河县财政局');
    expect(unitOf('河北省清河县人民政府')).toBe('清河县人民政府');
    expect(unitOf('邢台市清河县城市管理局')).toBe('清河县城市管理局');
    expect(unitOf('河东县城市管理局')).toBeNull();
  });
});

describe('roster files as Excel saves them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-roster-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const names = (r: Roster | string) => (typeof r === 'string' ? r : r.units.map((u) => [u.name, u.parent, u.aliases]));
  const expected = [
    ['清河县人民政府', null, []],
    ['财政局', '清河县人民政府', ['县财政局']],
  ];

  it('reads GBK CSV (Excel\'s 「CSV（逗号分隔）」) as GB18030', async () => {
    // 单位,上级,别名 / 清河县人民政府,, / 财政局,清河县人民政府,县财政局 in GBK, CRLF.
    const gbk = Buffer.from('b5a5cebb2cc9cfbcb62cb1f0c3fb0d0ac7e5bad3cfd8c8cbc3f1d5feb8ae2c2c0d0ab2c6d5febed62cc7e5bad3cfd8c8cbc3f1d5feb8ae2ccfd8b2c6d5febed60d0a', 'hex');
    expect(names(await loadRoster(write('gbk.csv', gbk)))).toEqual(expected);
  });

  it('reads UTF-16 tab-separated text with a BOM (Excel\'s 「Unicode 文本」), little- and big-endian', async () => {
    const text = '单位\t上级\t别名\r\n清河县人民政府\t\t\r\n财政局\t清河县人民政府\t县财政局\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(names(await loadRoster(write('le.txt', le)))).toEqual(expected);
    const be = Buffer.from(le);
    be.swap16();
    expect(names(await loadRoster(write('be.txt', be)))).toEqual(expected);
    // A comma in the header: a CSV whose cells happen to hold tabs stays a CSV.
    expect(names(await loadRoster(write('comma.csv', '单位,上级\n清河县人民政府,\n')))).toEqual([['清河县人民政府', null, []]]);
  });

  it('refuses an .xlsx workbook, asking for CSV, Chinese first', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名册').addRows([['单位', '上级'], ['清河县人民政府', '']]);
    const path = join(dir, 'roster.xlsx');
    await book.xlsx.writeFile(path);
    const said = await loadRoster(path);
    expect(typeof said).toBe('string');
    expect(said).toMatch(/^名册 .*roster\.xlsx 是 Excel 工作簿而非 CSV，请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后再用 \/ .*save it as CSV/);
  });

  it('skips a header repeated further down, saying its line', () => {
    const roster = parseRoster('单位,上级\n清河县人民政府,\n单位,上级\n财政局,清河县人民政府\n');
    expect(roster.units.map((u) => u.name)).toEqual(['清河县人民政府', '财政局']);
    expect(roster.problems).toEqual([{ kind: 'header-repeated', line: 3 }]);
    expect(rosterProblemText(roster.problems[0]!, 'zh')).toBe('名册第 3 行重复了表头，已跳过');
    expect(rosterProblemText(roster.problems[0]!, 'en')).toBe('roster line 3 repeats the header; skipped');
  });
});
