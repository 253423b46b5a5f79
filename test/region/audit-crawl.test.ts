/**
 * `gouji audit --crawl` on the local site (test/region/site.ts): what can be refused is refused before any
 * request, the crawl's page cap and delay are the user's, and a list page that could not be read makes the
 * batch incomplete — said beside the coverage it may falsify, and in the exit code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gouji } from '../helpers/cli-in-process';
import { REPORTS, startSite, type LocalSite } from './site';

const TIMEOUT = 120_000;
let site: LocalSite;
const dir = mkdtempSync(join(tmpdir(), 'gouji-audit-crawl-'));
const roster = join(dir, 'roster.csv');

beforeAll(async () => {
  site = await startSite();
  writeFileSync(roster, '单位,上级\n清河县人民政府,\n清河县财政局,清河县人民政府\n清河县教育局,清河县人民政府\n');
});
afterAll(() => site.close());

describe('gouji audit --crawl', () => {
  it('refuses a wrong roster and an output it cannot write before fetching anything', { timeout: TIMEOUT }, async () => {
    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, '名称,上级单位\n清河县财政局,\n');
    const before = site.requests.length;
    const badRoster = await gouji(['audit', '--crawl', `${site.origin}/plain/list1.html`, '--delay', '0', '--roster', wrong]);
    expect(badRoster.status).toBe(2);
    expect(badRoster.stderr).toContain('单位');
    const badOut = await gouji(['audit', '--crawl', `${site.origin}/plain/list1.html`, '--delay', '0', '--summary-json', join(dir, 'no-such-folder', 's.json')]);
    expect(badOut.status).toBe(2);
    expect(badOut.stderr).toContain('无法写入');
    expect(badOut.stderr).toContain('no-such-folder');
    expect(site.requests.length).toBe(before);
    // A start URL that is none is named, in both languages.
    const badUrl = await gouji(['audit', '--crawl', 'http://exa mple.gov.cn/']);
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toContain('http://exa mple.gov.cn/');
    expect(badUrl.stderr).not.toContain('Invalid URL');
  });

  it('an existing file is checked by itself: /dev/null takes what is thrown away', { timeout: TIMEOUT }, async () => {
    const run = await gouji(['audit', '--json', '--crawl', `${site.origin}/plain/list1.html`, '--max-pages', '1', '--delay', '0', '--html', '/dev/null']);
    expect(run.status).not.toBe(2);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  it('takes --max-pages and --delay as gouji crawl does', { timeout: TIMEOUT }, async () => {
    const run = await gouji(['audit', '--json', '--crawl', `${site.origin}/plain/list1.html`, '--max-pages', '1', '--delay', '0']);
    const sources = (JSON.parse(run.stdout) as { source: string }[]).map((r) => r.source);
    // Page 1 of 3 lists the first two reports; the cap is said.
    expect(sources).toEqual(REPORTS.slice(0, 2).map((r) => site.origin + r.path));
    expect(run.stderr).toContain('已读满 1 个列表页');
    expect((await gouji(['audit', '--crawl', `${site.origin}/plain/list1.html`, '--max-pages', '0'])).stderr).toContain('--max-pages takes a positive number');
  });

  it('a list page not read: the roster notes say coverage may be wrong, and the exit code is 2', { timeout: TIMEOUT }, async () => {
    const summary = join(dir, 'summary.json');
    // /mixed lists one report, then its next page answers 412.
    const run = await gouji(['audit', '--crawl', `${site.origin}/mixed/index.htm`, '--delay', '0', '--roster', roster, '--summary-json', summary]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('412');
    const written = JSON.parse(readFileSync(summary, 'utf8')) as { rosterNotes: string[]; coverage: { unit: string; status: string }[] };
    expect(written.rosterNotes[0]).toBe('--crawl 有 1 个列表页未能读取：其所列报告不在本次审核中，“未发布”的单位可能已发布，请核对');
    expect(written.coverage.find((c) => c.unit === '清河县财政局')?.status).toBe('published');
    // Without a roster, it is said on stderr all the same.
    const bare = await gouji(['audit', '--json', '--crawl', `${site.origin}/mixed/index.htm`, '--delay', '0']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('1 个列表页未能读取');
    expect(JSON.parse(bare.stdout)).toHaveLength(1);
    // …and when the batch summary is printed too (it has no roster part to carry it).
    const summarised = await gouji(['audit', '--json', '--summary', '--crawl', `${site.origin}/mixed/index.htm`, '--delay', '0']);
    expect(summarised.stderr).toContain('1 个列表页未能读取');
  });

  it('an input of no declared length over the cap: where the download stopped, said as such', { timeout: TIMEOUT }, async () => {
    const run = await gouji(['audit', '--json', `${site.origin}/endless/index.htm`]);
    expect(run.status).toBe(2);
    const [result] = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] }[];
    expect(result!.findings.map((f) => f.rule)).toEqual(['input.too-large']);
    expect(result!.findings[0]!.message).toMatch(/^输入超过 64\.0 MB 的大小上限（下载到 6\d\.\d MB 时停止），未审核$/);
  });

  it('a start page that lists nothing readable names it in the message', { timeout: TIMEOUT }, async () => {
    const run = await gouji(['audit', '--crawl', `${site.origin}/blocked/index.htm`, '--delay', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`no input to audit: ${site.origin}/blocked/index.htm`);
  });
});
