/**
 * Documents (issue 12), in `npm run bench`: auditing a 5-page PDF against pdf.js alone extracting its text
 * content (target ≤ 1.5×); a .docx against unzipping it and parsing its document.xml (≤ 1.5×); and a
 * 200-page PDF's memory next to the 5-page one's (each in its own process: maxRSS, heap peak).
 *   node --import tsx bench/documents.ts            (the table)
 *   node --import tsx bench/documents.ts --memory N (one child: a PDF of N pages)
 */
import { DOMParser } from '@xmldom/xmldom';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { auditFile } from '../lib/document/index';
import { loadPdfjs } from '../lib/document/pdf/pdfjs';
import { longPdf } from '../test/fixtures/hostile';

const DOCS = new URL('../test/fixtures/documents/', import.meta.url);
const TODAY = new Date('2030-01-01');
const MB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function pdfjsText(bytes: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

function docxXml(bytes: Uint8Array): number {
  const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  return new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('w:tc').length;
}

/** Warm-up, then alternating runs of the audit and its floor, so the machine's drift weighs on both. */
async function compare(label: string, audit: () => Promise<unknown>, floor: () => Promise<unknown> | unknown, runs: number): Promise<string> {
  for (let i = 0; i < 3; i++) {
    await audit();
    await floor();
  }
  const a: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await audit();
    a.push(performance.now() - t);
    t = performance.now();
    await floor();
    f.push(performance.now() - t);
  }
  const ratio = median(a) / median(f);
  return `${label.padEnd(34)} audit ${median(a).toFixed(1).padStart(7)} ms   floor ${median(f).toFixed(1).padStart(7)} ms   ratio ${ratio.toFixed(2)} (target ≤ 1.50)${ratio <= 1.5 ? '' : '  OVER'}`;
}

async function memoryChild(pages: number): Promise<void> {
  const bytes = new Uint8Array(longPdf(pages));
  const before = process.memoryUsage().rss;
  let heapPeak = 0;
  const timer = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  const { result } = await auditFile(bytes, 'long.pdf', { today: TODAY });
  clearInterval(timer);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  process.stdout.write(`${JSON.stringify({ pages, bytes: bytes.length, ms: performance.now() - started, rssBefore: before, rssPeak: process.resourceUsage().maxRSS * 1024, heapPeak, findings: result.findings.map((x) => x.rule) })}\n`);
}

async function main(): Promise<void> {
  console.log('\nDocuments (issue 12): median of alternating warm runs.');
  const pdf = new Uint8Array(readFileSync(new URL('hongze-2023.pdf', DOCS)));
  const docx = new Uint8Array(readFileSync(new URL('generated/report-2021.docx', DOCS)));
  console.log(await compare('hongze-2023.pdf (5 pages, WPS)', () => auditFile(pdf, 'pdf', { today: TODAY }), () => pdfjsText(pdf), 15));
  console.log(await compare('report-2021.docx (LibreOffice)', () => auditFile(docx, 'docx', { today: TODAY }), () => docxXml(docx), 30));
  console.log('  floor: pdf.js getTextContent of every page; unzip (fflate) + parse document.xml (xmldom, as mammoth does).');
  for (const pages of [5, 200]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--memory', String(pages)], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { pages: number; bytes: number; ms: number; rssBefore: number; rssPeak: number; heapPeak: number; findings: string[] };
    console.log(`${`text PDF of ${r.pages} pages (${(r.bytes / 1024).toFixed(0)} KB)`.padEnd(34)} ${r.ms.toFixed(0).padStart(6)} ms   RSS peak ${(r.rssPeak / MB).toFixed(0)} MB (+${((r.rssPeak - r.rssBefore) / MB).toFixed(0)})   heap peak ${(r.heapPeak / MB).toFixed(0)} MB   → ${r.findings.join(', ')}`);
  }
}

const at = process.argv.indexOf('--memory');
if (at >= 0) await memoryChild(Number(process.argv[at + 1]));
else await main();
