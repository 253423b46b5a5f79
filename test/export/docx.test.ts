/**
 * The Word memo (`--format docx`, the popup's "导出审核意见（Word）"): a real .docx — its text read
 * back from word/document.xml (unzipped with fflate) and, where LibreOffice is installed, converted to
 * text by `soffice --headless` to prove any word processor opens it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { unreadableResult } from '../../lib/audit';
import { memoDocx } from '../../lib/export/docx';
import { groupByTable, reportMemo } from '../../lib/export/memo';
import type { AuditResult, Finding, Severity } from '../../lib/model/schema';
import { audited, ROOT } from './helpers';

const find = (name: string) => audited().find((a) => a.input.name.includes(name))!.result;
const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const work = mkdtempSync(join(tmpdir(), 'gouji-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The document's paragraphs (table cells included), as Word shows their text. */
function docxParagraphs(bytes: Uint8Array): { paragraphs: string[]; xml: string } {
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
  const xml = strFromU8(files['word/document.xml']!);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
  return { paragraphs, xml };
}

/** LibreOffice's own reading of the file, as plain text. */
function sofficeText(bytes: Uint8Array, name: string): Promise<string> {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, bytes);
  // A profile of our own: another soffice running on the machine must not share (and lock) it.
  const profile = pathToFileURL(join(work, `profile-${name}`)).href;
  return new Promise((resolve, reject) => {
    execFile(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text', '--outdir', work, file], { timeout: 110_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`soffice failed: ${error.message}\n${stderr}`));
      else resolve(readFileSync(join(work, `${name}.txt`), 'utf8').replace(/^\uFEFF/, ''));
    });
  });
}

describe('Word memo', () => {
  const result = find('fault-row-total-2021');

  it('has the title, agency, year, the findings grouped by table with their equations — the text memo\'s wording', async () => {
    const { paragraphs } = docxParagraphs(await memoDocx([result]));
    const text = paragraphs.join('\n');
    expect(paragraphs[0]).toBe('审核意见：临川县交通运输局2023年政府信息公开工作年度报告');
    expect(paragraphs).toContain('年度：2023　格式：2021 年版　发布日期：2024-01-20');
    expect(paragraphs).toContain('三、收到和处理政府信息公开申请情况（2 处）');
    // The narrative's 44 agrees with the terms: the printed 总计 is at fault, the text is not blamed (info, not listed).
    expect(text).not.toContain('正文为');
    expect(text).toContain('【错误】1. 表三“一、本年新收政府信息公开申请数量”行：各申请人之和与总计不符：自然人 25 + 商业企业 1 + 科研机构 8 + 社会公益组织 3 + 法律服务机构 6 + 其他 1 = 44，表中总计为 46');
    // Every line of the plain memo but its severity headings says the same in the Word one.
    const memoLines = reportMemo(result).split('\n').map((l) => l.trim()).filter((l) => l && !/^(错误|警告)（\d+）$/.test(l));
    for (const line of memoLines) expect(text.includes(line.replace(/^\d+\. /, '')), line).toBe(true);
  });

  it('prints the tables with the flagged cells shaded', async () => {
    const { paragraphs, xml } = docxParagraphs(await memoDocx([result]));
    expect(paragraphs).toContain('附表：问题所涉单元格已加底纹');
    expect(paragraphs).toContain('二、主动公开政府信息情况');
    expect(paragraphs).toContain('四、政府信息公开行政复议、行政诉讼情况');
    // The printed 总计 46 of 本年新收 (the cell the row-total error is about) sits in a red-shaded cell.
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    const shaded = cells.filter((c) => /w:fill="F8C4C4"/.test(c)).map((c) => [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(shaded).toContain('46');
    expect(shaded.length).toBeLessThan(5);
  });

  it.skipIf(!SOFFICE)('LibreOffice opens it and reads the same text back (skipped when soffice is not installed)', { timeout: 120_000 }, async () => {
    const text = await sofficeText(await memoDocx([result]), 'fault');
    expect(text.split('\n')[0]).toBe('审核意见：临川县交通运输局2023年政府信息公开工作年度报告');
    expect(text).toContain('三、收到和处理政府信息公开申请情况（2 处）');
    expect(text).toContain('= 44，表中总计为 46');
    expect(text).toContain('应为 44，表中为 46');
  });

  it('500 findings stay readable: grouped by table, each group counted, numbered within it', async () => {
    const cells = Object.keys(result.report!.cells);
    const severities: Severity[] = ['error', 'warning'];
    const many: Finding[] = Array.from({ length: 500 }, (_, i) => ({
      id: `f${i}`,
      rule: 'cell.negative',
      severity: severities[i % 2]!,
      message: `第 ${i + 1} 条：单元格为负数`,
      cells: [cells[(i * 7) % cells.length]!],
    }));
    const big: AuditResult = { ...result, findings: many };
    const bytes = await memoDocx([big]);
    const { paragraphs } = docxParagraphs(bytes);
    const groups = groupByTable(many);
    expect(groups.length).toBeGreaterThan(1);
    let counted = 0;
    for (const g of groups) {
      const heading = paragraphs.find((p) => /^[二三四]、.*（\d+ 处）$/.test(p) && p.startsWith(g.table === 'active' ? '二' : g.table === 'applications' ? '三' : '四'));
      expect(heading, g.table ?? '').toBe(`${heading!.replace(/（\d+ 处）$/, '')}（${g.findings.length} 处）`);
      counted += g.findings.length;
    }
    expect(counted).toBe(500);
    expect(paragraphs).toContain('共发现错误 250 处、警告 250 处。');
    expect(paragraphs.filter((p) => /^【(错误|警告)】\d+\. 第 \d+ 条/.test(p))).toHaveLength(500);
    // Errors before warnings within each table.
    const applications = paragraphs.filter((p) => /^【/.test(p)).slice(0, groups[0]!.findings.length);
    expect(applications.findIndex((p) => p.startsWith('【警告】'))).toBeGreaterThan(applications.findLastIndex((p) => p.startsWith('【错误】')));
    if (SOFFICE) expect(await sofficeText(bytes, 'many')).toContain('共发现错误 250 处、警告 250 处。');
  }, 120_000);

  it('an input that could not be read still gives a valid memo saying so', async () => {
    const { paragraphs } = docxParagraphs(await memoDocx([unreadableResult('x.bin', { reason: 'binary' })]));
    expect(paragraphs[0]).toMatch(/^审核意见：/);
    expect(paragraphs.join('\n')).toContain(reportMemo(unreadableResult('x.bin', { reason: 'binary' })).split('\n')[2]!);
  });

  it('`gouji audit --format docx --out FILE` writes the document', { timeout: 120_000 }, async () => {
    const out = join(work, 'cli.docx');
    const run = spawnSync(process.execPath, ['bin/gouji.mjs', 'audit', '--format', 'docx', '--out', out, 'test/fixtures/pages/fault-row-total-2021.html'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(run.status, run.stderr).toBe(1); // error findings
    const { paragraphs } = docxParagraphs(readFileSync(out));
    expect(paragraphs[0]).toBe('审核意见：临川县交通运输局2023年政府信息公开工作年度报告');
    const bad = spawnSync(process.execPath, ['bin/gouji.mjs', 'audit', '--format', 'docx', '--ndjson', 'test/fixtures/pages/fault-row-total-2021.html'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format docx');
  });
});
