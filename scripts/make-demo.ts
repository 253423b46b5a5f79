/**
 * Writes the bundled demo reports (demo/*.html) from the fixture renderer: a Word-exported 2021 report
 * with a broken total and a blank cell, and a 2020 report in a site's layout table, split and clean.
 * Run: npx tsx scripts/make-demo.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankCell, breakRowTotal, cleanReport } from '../test/fixtures/report-data';
import { renderPage } from '../test/fixtures/render';

const out = join(import.meta.dirname, '../demo');

const broken = blankCell(breakRowTotal(cleanReport('2021', { seed: 11, year: 2023 }), 'result.disclosed', 2).report, 'applications/result.partial/total').report;
writeFileSync(join(out, 'demo-2023-word-faults.html'), renderPage(broken, { word: true, splitApplications: true, nbspPadding: true }));

const clean = cleanReport('2019', { seed: 5, year: 2020 });
writeFileSync(join(out, 'demo-2020-site-clean.html'), renderPage(clean, { layoutTable: true, perItemTables: true, unitsInCells: true }));
