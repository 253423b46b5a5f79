/** Documents on the command line and in a batch: kind by content, pages on findings, attachments audited. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { attachmentSource, auditOne } from '../../cli/batch';
import { AuditResultSchema } from '../../lib/model/schema';

const run = promisify(execFile);
const DOCS = new URL('../fixtures/documents/', import.meta.url).pathname;
const BIN = new URL('../../bin/gouji.mjs', import.meta.url).pathname;

describe('gouji audit on documents', () => {
  it('audits a PDF, a .docx and a misnamed file by content; --json keeps its shape and PDF findings carry the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-docs-'));
    // A PDF named .txt is still a PDF.
    copyFileSync(join(DOCS, 'hongze-2023.pdf'), join(dir, 'report.txt'));
    const out = await run('node', [BIN, 'audit', '--json', join(dir, 'report.txt'), join(DOCS, 'template-2021-wps.docx')], { maxBuffer: 1 << 26 }).catch((e: { stdout: string; code: number }) => e);
    const results = JSON.parse(out.stdout) as unknown[];
    expect(results).toHaveLength(2);
    for (const r of results) AuditResultSchema.parse(r);
    const [pdf, docx] = results as { report: { format: string } | null; findings: { rule: string; severity: string; page?: number }[] }[];
    expect(pdf!.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.page])).toEqual([
      ['appeals.group-total', 4],
      ['appeals.group-total', 4],
    ]);
    expect(docx!.report?.format).toBe('2021');
    expect(docx!.findings.some((f) => f.page !== undefined)).toBe(false);
  }, 120_000);

  it('audits a .wps (WPS 文字 saves it in the Word 97–2003 binary layout) as a .doc, by content, with the same cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-wps-'));
    copyFileSync(join(DOCS, 'generated/report-2019.doc'), join(dir, '2020年度报告.wps'));
    const out = await run('node', [BIN, 'audit', '--json', join(dir, '2020年度报告.wps'), join(DOCS, 'generated/report-2019.doc')], { maxBuffer: 1 << 26 }).catch((e: { stdout: string }) => e);
    const [wps, doc] = JSON.parse(out.stdout) as { report: { format: string; cells: Record<string, { value: number | null }> } | null; findings: { rule: string }[] }[];
    expect(wps!.report?.format).toBe('2019');
    expect(wps!.report!.cells).toEqual(doc!.report!.cells);
    expect(wps!.findings.map((f) => f.rule)).toEqual(doc!.findings.map((f) => f.rule));
    const truth = JSON.parse(readFileSync(join(DOCS, 'generated/report-2019.truth.json'), 'utf8')) as { cells: Record<string, number | null> };
    for (const [id, value] of Object.entries(truth.cells)) expect(wps!.report!.cells[id]?.value ?? null, id).toBe(value);
  }, 120_000);

  it('names the page of a finding in the text output', async () => {
    const out = await run('node', [BIN, 'audit', join(DOCS, 'hongze-2023.pdf')]).catch((e: { stdout: string }) => e);
    expect(out.stdout).toMatch(/行政复议.*（第 4 页）/);
  }, 120_000);
});

describe('batch: a report page whose report is only an attachment', () => {
  it('audits the attached PDF under the page’s agency, year and publication date', async () => {
    const result = await auditOne(join(DOCS, 'attachment-page/index.html'), 'zh');
    expect(result.source).toBe(join(DOCS, 'hongze-2023.pdf'));
    expect(result.report?.published).toBe('2024-01-20');
    expect(result.report?.year).toBe(2023);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['appeals.group-total', 'appeals.group-total']);
    const note = result.findings.find((f) => f.rule === 'input.attachment-audited');
    expect(note?.message).toContain('attachment-page/index.html');
  }, 120_000);

  it('keeps the page’s own finding when the attachment cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-att-'));
    writeFileSync(join(dir, 'page.html'), readFileSync(join(DOCS, 'attachment-page/index.html'), 'utf8').replace('../hongze-2023.pdf', 'missing.pdf'));
    const result = await auditOne(join(dir, 'page.html'), 'zh');
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => f.rule)).toEqual(['input.no-report', 'input.unreadable']);
  });

  it('a page reached by a redirect has its attachment resolved where it landed', async () => {
    // The linking page moved to /new/2024/; its relative link to the PDF holds only there.
    const page = readFileSync(join(DOCS, 'attachment-page/index.html'), 'utf8').replace('../hongze-2023.pdf', 'report.pdf');
    const pdf = readFileSync(join(DOCS, 'hongze-2023.pdf'));
    const server = createServer((req, res) => {
      if (req.url === '/old/page.html') res.writeHead(301, { location: '/new/2024/page.html' }).end();
      else if (req.url === '/new/2024/page.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else if (req.url === '/new/2024/report.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await auditOne(`${origin}/old/page.html`, 'zh');
      expect(result.source).toBe(`${origin}/new/2024/report.pdf`);
      expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['appeals.group-total', 'appeals.group-total']);
      // The note names the page as given.
      expect(result.findings.find((f) => f.rule === 'input.attachment-audited')?.message).toContain(`${origin}/old/page.html`);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 120_000);

  it('resolves the attachment against a URL or beside a file', () => {
    expect(attachmentSource('/a/b.pdf', 'https://x.gov.cn/c/d.html')).toBe('https://x.gov.cn/a/b.pdf');
    expect(attachmentSource('b%20c.pdf', '/r/page.html')).toBe('/r/b c.pdf');
    expect(attachmentSource('javascript:void(0)', '/r/page.html')).toBeNull();
  });
});
