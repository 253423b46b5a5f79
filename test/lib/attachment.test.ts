/** 审核附件: the attachment's address, the one origin to ask for, and the page's context through the report view's address. */
import { describe, expect, it } from 'vitest';
import { attachmentOffer, attachmentPermission, attachmentQuery, attachmentUrl, contextFromQuery } from '../../lib/document/attachment';

describe('attachment of a report page', () => {
  const page = 'http://127.0.0.1:8123/xxgk/ndbg/index.html';

  it('resolves a document link against its page, and refuses others', () => {
    expect(attachmentUrl('/att/2023年度报告.pdf', page)).toBe('http://127.0.0.1:8123/att/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf');
    expect(attachmentUrl('report.docx?id=3', page)).toBe('http://127.0.0.1:8123/xxgk/ndbg/report.docx?id=3');
    expect(attachmentUrl('photo.jpg', page)).toBeNull();
    expect(attachmentUrl('javascript:alert(1)//.pdf', page)).toBeNull();
    expect(attachmentUrl('http://[bad/x.pdf', page)).toBeNull();
  });

  it('asks for nothing on the page origin, and for exactly the other host otherwise', () => {
    expect(attachmentPermission('http://127.0.0.1:8123/a.pdf', page)).toBeNull();
    expect(attachmentPermission('http://localhost:8123/a.pdf', page)).toBe('http://localhost/*');
    expect(attachmentPermission('https://files.example.gov.cn/x/a.pdf', 'https://www.example.gov.cn/')).toBe('https://files.example.gov.cn/*');
    // Another port of the same host is another origin (match patterns cannot name a port in every browser).
    expect(attachmentPermission('http://127.0.0.1:9000/a.pdf', page)).toBe('http://127.0.0.1/*');
  });

  it('offers 审核附件 only for a document the report view can fetch, resolved against its page', () => {
    const context = { agency: '白沙市生态环境局', year: 2023, published: '2024-01-18' };
    expect(attachmentOffer({ href: '../files/2023年报.pdf', context }, page)).toEqual({ url: 'http://127.0.0.1:8123/xxgk/files/2023%E5%B9%B4%E6%8A%A5.pdf', page, context });
    // The audit names images and archives as attachments too: nothing the report view reads.
    expect(attachmentOffer({ href: 'scan.jpg', context }, page)).toBeNull();
    expect(attachmentOffer({ href: 'javascript:void(0)//a.pdf', context }, page)).toBeNull();
    expect(attachmentOffer(undefined, page)).toBeNull();
  });

  it('carries the page context through the report view address', () => {
    const query = attachmentQuery('http://localhost:8123/a.pdf', page, { agency: '白沙市生态环境局', year: 2023, published: '2024-01-18' });
    const back = new URLSearchParams(query.toString());
    expect(back.get('url')).toBe('http://localhost:8123/a.pdf');
    expect(contextFromQuery(back)).toEqual({ agency: '白沙市生态环境局', year: 2023, published: '2024-01-18' });
    expect(contextFromQuery(new URLSearchParams(attachmentQuery('http://x/a.pdf', page, { agency: null, year: null, published: null }).toString()))).toEqual({ agency: null, year: null, published: null });
    // A PDF tab (no page): no context.
    expect(contextFromQuery(new URLSearchParams({ url: 'http://x/a.pdf' }))).toBeUndefined();
  });
});
