// @vitest-environment happy-dom
/**
 * The live-DOM walk yields to the page between slices (so a 20 MB page keeps its tab responsive) and reads
 * the same page however it is sliced. Counted in yields, not timed: the e2e test only logs the block length.
 */
import { describe, expect, it, vi } from 'vitest';
import { pageFromDomSliced } from '../../lib/extract/from-dom';

function bigDocument(rows: number): Document {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>${i}</td><td>行${i}</td></tr>`).join('');
  document.body.innerHTML = `<p>某局2023年政府信息公开工作年度报告</p><table>${body}</table><p>结尾</p>`;
  return document;
}

describe('walkTreeSliced', () => {
  it('a page of many nodes is walked in several slices, each ending in a yield to the event loop', async () => {
    const doc = bigDocument(3000);
    const once = await pageFromDomSliced(doc, 1e9);
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    // A deadline already past: every look at the clock ends the slice.
    const sliced = await pageFromDomSliced(doc, -1);
    const yields = timeout.mock.calls.filter(([, delay]) => delay === 0).length;
    timeout.mockRestore();
    expect(yields).toBeGreaterThan(3);
    expect(sliced).toEqual(once);
    expect(sliced.tables[0]!.rows).toHaveLength(3000);
  });

  it('a small page is walked in one slice, without yielding', async () => {
    const doc = bigDocument(3);
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    await pageFromDomSliced(doc, 1e9);
    expect(timeout.mock.calls.filter(([, delay]) => delay === 0)).toHaveLength(0);
    timeout.mockRestore();
  });

  it('a copy hidden by a stylesheet class is hidden by its computed style, not read', async () => {
    document.head.innerHTML = '<style>.share-bar , .print-only{display: none !important}</style>';
    document.body.innerHTML = '<p>报告</p><table><tr><td>规章</td><td>1</td></tr></table><div class="print-only"><table><tr><td>规章</td><td>9</td></tr></table></div>';
    const page = await pageFromDomSliced(document, 1e9);
    expect(page.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual([[['规章', '1']]]);
    document.head.innerHTML = '';
  });
});
