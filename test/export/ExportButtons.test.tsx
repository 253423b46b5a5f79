/**
 * The popup's export buttons, rendered with Preact in happy-dom: each button makes exactly one
 * clipboard write (both flavours for a table), the CSV is saved as a BOM-first Blob through
 * <a download>, and a failed write is shown, never swallowed. The real clipboard is exercised in
 * Chromium by test/e2e/export.e2e.test.ts.
 */
// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { longCsv } from '../../lib/export/csv';
import { tableHtml } from '../../lib/export/html-table';
import { auditJson } from '../../lib/export/json';
import { memo } from '../../lib/export/memo';
import { tableTsv } from '../../lib/export/tsv';
import type { AuditResult } from '../../lib/model/schema';
import { audited, BOM, ROOT } from './helpers';

const zh = JSON.parse(readFileSync(join(ROOT, 'public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;
vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => zh[key]?.message ?? '' } } }));
const { ExportButtons } = await import('../../entrypoints/popup/ExportButtons');

const result = audited().find((a) => a.input.name.includes('fault-row-total-2021'))!.result;

interface Written {
  items: { type: string; text: string }[][];
  texts: string[];
}

let root: HTMLElement;
let written: Written;
let failNext: Error | null;

beforeEach(() => {
  written = { items: [], texts: [] };
  failNext = null;
  class FakeItem {
    constructor(readonly data: Record<string, Blob>) {}
  }
  vi.stubGlobal('ClipboardItem', FakeItem);
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      async write(items: FakeItem[]) {
        if (failNext) throw failNext;
        written.items.push(await Promise.all(items.flatMap((i) => Object.entries(i.data).map(async ([type, blob]) => ({ type, text: await blob.text() })))));
      },
      async writeText(text: string) {
        if (failNext) throw failNext;
        written.texts.push(text);
      },
    },
  });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

async function mount(r: AuditResult) {
  await act(() => render(<ExportButtons result={r} />, root));
}
const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-export="${action}"]`)!;
async function click(action: string) {
  await act(async () => {
    button(action).click();
    await new Promise((ok) => setTimeout(ok, 0));
  });
}
const status = () => root.querySelector<HTMLElement>('[data-export-status]');

describe('ExportButtons', () => {
  it('copies each table with one write carrying text/plain TSV and text/html', async () => {
    await mount(result);
    for (const table of ['active', 'applications', 'appeals'] as const) {
      await click(table);
      const item = written.items.at(-1)!;
      expect(item.map((f) => f.type).sort()).toEqual(['text/html', 'text/plain']);
      expect(item.find((f) => f.type === 'text/plain')!.text).toBe(tableTsv(result.report!, table, { lang: 'zh' }));
      expect(item.find((f) => f.type === 'text/html')!.text).toBe(tableHtml(result.report!, table, { lang: 'zh' }));
      expect(status()!.dataset.exportStatus).toBe('ok');
      expect(status()!.textContent).toBe(zh[`export_done_${table}`]!.message);
    }
    await click('all');
    expect(written.items).toHaveLength(4);
    expect(written.items.at(-1)!.find((f) => f.type === 'text/html')!.text.match(/<table/g)).toHaveLength(3);
  });

  it('copies the JSON and the memo as text', async () => {
    await mount(result);
    await click('json');
    await click('memo');
    expect(written.texts).toEqual([auditJson([result]), memo([result], { lang: 'zh' })]);
    expect(status()!.textContent).toBe('审核意见已复制');
  });

  it('saves the CSV as a UTF-8 Blob that starts with the BOM, through <a download>', async () => {
    const created: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    await mount(result);
    await click('csv');
    expect(clicked).toEqual([{ href: 'blob:test', download: '临川县交通运输局-2023-勾稽.csv' }]);
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(longCsv([result], { lang: 'zh' }));
    expect(longCsv([result]).startsWith(BOM)).toBe(true);
    expect(status()!.textContent).toBe('已保存 临川县交通运输局-2023-勾稽.csv');
    vi.restoreAllMocks();
  });

  it('shows a failed write as an alert with the reason', async () => {
    await mount(result);
    failNext = Object.assign(new Error('Document is not focused.'), { name: 'NotAllowedError' });
    await click('applications');
    expect(status()!.getAttribute('role')).toBe('alert');
    expect(status()!.dataset.exportStatus).toBe('error');
    expect(status()!.textContent).toBe('操作失败：NotAllowedError: Document is not focused.');
  });

  it('says so when there is no clipboard at all', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    await mount(result);
    await click('memo');
    expect(status()!.textContent).toBe('操作失败：此页面不能写入剪贴板');
  });

  it('a page with no report: table and CSV buttons disabled, JSON and memo still work', async () => {
    const none = audited().find((a) => a.result.report === null)!.result;
    await mount(none);
    for (const a of ['active', 'applications', 'appeals', 'all', 'csv']) expect(button(a).disabled, a).toBe(true);
    await click('memo');
    expect(written.texts[0]).toContain('未能审核本报告');
  });
});
