/**
 * A fault of Gouji's own is not bad input: when recognition throws, the input gets internal.error
 * (勾稽内部错误，请报告) with the stack, and the other inputs of a batch are still audited.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The injected fault: recognition throws on one page, identified by a marker in its text.
vi.mock('../../lib/recognize/recognize', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/recognize/recognize')>();
  return {
    ...real,
    recognise: (page: Parameters<typeof real.recognise>[0]) => {
      if (page.lines.some((l) => l.includes('INJECTED-FAULT'))) throw new TypeError('injected recognition fault');
      return real.recognise(page);
    },
  };
});

const { auditBytes } = await import('../../lib/audit');
const { runBatch } = await import('../../cli/batch');
const { textReport } = await import('../../lib/format/text-report');

const PAGE = join(import.meta.dirname, '../fixtures/pages/plain-2021.html');
const faulty = new TextEncoder().encode('<html><body><p>INJECTED-FAULT 某局2023年政府信息公开工作年度报告</p></body></html>');

describe('internal.error', () => {
  it('an exception inside recognition is internal.error with the stack, not input.unreadable', () => {
    const result = auditBytes(faulty, 'faulty.html');
    expect(result.report).toBeNull();
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ rule: 'internal.error', severity: 'error' });
    expect(f!.message).toMatch(/^勾稽内部错误，请报告/);
    expect(f!.message).toContain('injected recognition fault');
    expect(f!.stack).toMatch(/TypeError: injected recognition fault\n\s+at /);
    expect(auditBytes(faulty, 'faulty.html', { lang: 'en' }).findings[0]!.message).toMatch(/internal error/);
  });

  it('the stack is printed only under --verbose', () => {
    const result = auditBytes(faulty, 'faulty.html');
    expect(textReport(result, { lang: 'zh', verbose: false })).not.toContain('at ');
    expect(textReport(result, { lang: 'zh', verbose: true })).toMatch(/\n\s{6}at /);
  });

  it('a batch goes on past the faulty input', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gouji-internal-'));
    const bad = join(dir, 'bad.html');
    writeFileSync(bad, faulty);
    const results: { rule: string[]; report: boolean }[] = [];
    await runBatch([bad, PAGE], { lang: 'zh', concurrency: 1, fetch: { timeoutMs: 1000, retries: 0 } }, (r, i) => {
      results[i] = { rule: r.findings.map((f) => f.rule), report: r.report !== null };
    });
    expect(results[0]).toEqual({ rule: ['internal.error'], report: false });
    expect(results[1]!.report).toBe(true);
  });
});
