/**
 * Makes the document fixtures (test/fixtures/documents/generated/) from fixture report pages whose true
 * cells are known: LibreOffice headless converts the page to .docx, the .docx to PDF and to .doc; Chromium
 * prints the page to PDF. Each document sits beside `<name>.truth.json` (the cells it must read as).
 * The generated files are committed, so tests need neither LibreOffice nor Chromium.
 *   npm run fixtures:documents
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderPage } from '../test/fixtures/render';
import { cleanReport, expectedValue, type FixtureReport } from '../test/fixtures/report-data';

const OUT = join(import.meta.dirname, '../test/fixtures/documents/generated');
const CHROMIUM = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';
const SOFFICE = process.env.GOUJI_SOFFICE ?? 'soffice';

/** A clean report with its 行政复议 总计 printed one too high: one appeals.group-total error to find. */
function withWrongReviewTotal(report: FixtureReport): FixtureReport {
  const id = 'appeals/counts/review.total';
  return { ...report, cells: { ...report.cells, [id]: String((expectedValue(report.cells[id]!) ?? 0) + 1) } };
}

const REPORTS: { name: string; report: FixtureReport }[] = [
  { name: 'report-2021', report: withWrongReviewTotal(cleanReport('2021', { seed: 3, year: 2022 })) },
  { name: 'report-2019', report: cleanReport('2019', { seed: 4, year: 2020 }) },
];

function truth(report: FixtureReport): Record<string, number | null> {
  return Object.fromEntries(Object.entries(report.cells).map(([id, text]) => [id, expectedValue(text)]));
}

function soffice(work: string, to: string, file: string, infilter?: string): void {
  const args = ['--headless', `-env:UserInstallation=file://${work}/profile`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', work, file];
  execFileSync(SOFFICE, args, { stdio: 'pipe', timeout: 120_000 });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'gouji-documents-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    for (const { name, report } of REPORTS) {
      const html = join(work, `${name}.html`);
      writeFileSync(html, renderPage(report, {}));
      writeFileSync(join(OUT, `${name}.truth.json`), `${JSON.stringify({ format: report.format, year: report.year, agency: report.agency, cells: truth(report) }, null, 1)}\n`);
      // HTML → .docx (Writer, not Writer/Web, so tables stay tables), then .docx → PDF and .doc.
      soffice(work, 'docx:MS Word 2007 XML', html, 'HTML (StarWriter)');
      copyFileSync(join(work, `${name}.docx`), join(OUT, `${name}.docx`));
      soffice(work, 'pdf:writer_pdf_Export', join(work, `${name}.docx`));
      copyFileSync(join(work, `${name}.pdf`), join(OUT, `${name}-lo.pdf`));
      soffice(work, 'doc:MS Word 97', join(work, `${name}.docx`));
      copyFileSync(join(work, `${name}.doc`), join(OUT, `${name}.doc`));
      // Chromium's print (what a reviewer's "save as PDF" makes).
      const page = await browser.newPage();
      await page.goto(`file://${html}`);
      await page.pdf({ path: join(OUT, `${name}-chromium.pdf`), format: 'A4', printBackground: false });
      await page.close();
      process.stdout.write(`${name}: .docx, -lo.pdf, .doc, -chromium.pdf\n`);
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
