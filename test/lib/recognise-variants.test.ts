/**
 * Layout variants seen on real agency pages that the renderer does not produce, each a small page or a
 * targeted change to a rendered one, with what a careful reviewer reads on it.
 */
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../lib/audit';
import { cleanReport } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

const problems = (html: string) => auditHtml(html, 'variant.html').findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`);

describe('recognition of real-world variants', () => {
  it('(六)其他处理 left out of its cell: 3.其他 right after its siblings is still result.other.3', () => {
    const report = cleanReport('2021', { seed: 3 });
    const html = renderPage(report, {}).replace(/(<td[^>]*>)\s*[（(]六[)）]其他处理\s*(<\/td>)/, '$1$2');
    expect(html).not.toMatch(/六[)）]其他处理/);
    const result = auditHtml(html, 'x');
    expect(result.report?.cells['applications/result.other.3/total']?.value).toBe(Number(report.cells['applications/result.other.3/total']));
    expect(problems(html)).toEqual([]);
  });
});
