/**
 * npm run bench:variants [-- PAGES] — how well Gouji reads realistic layouts it was not built around
 * (test/fixtures/variants.ts): cells read right / total, report metadata read right, false errors and
 * false warnings on clean pages, true findings missed; overall and per variant. Not timed: these are
 * reading figures, deterministic for a number of pages.
 */
import { auditHtml } from '../lib/audit';
import { VARIANTS, scoreCase, variantCase, type Variant } from '../test/fixtures/variants';

const PAGES = Number(process.argv[2] ?? 300);
const TODAY = new Date('2030-01-01');

interface Tally {
  pages: number;
  cellsRight: number;
  cellsTotal: number;
  metaRight: number;
  metaTotal: number;
  pagesWithFalseError: number;
  falseErrors: number;
  falseWarnings: number;
  missed: number;
}
const empty = (): Tally => ({ pages: 0, cellsRight: 0, cellsTotal: 0, metaRight: 0, metaTotal: 0, pagesWithFalseError: 0, falseErrors: 0, falseWarnings: 0, missed: 0 });

const overall = empty();
const byVariant = new Map<Variant, Tally>(VARIANTS.map((v) => [v, empty()]));
const errorRules = new Map<string, number>();
const examples: string[] = [];

for (let seed = 1; seed <= PAGES; seed++) {
  const c = variantCase(seed);
  const s = scoreCase(c, auditHtml(c.html, `variant-${seed}.html`, { today: TODAY }));
  for (const t of [overall, ...c.variants.map((v) => byVariant.get(v)!)]) {
    t.pages++;
    t.cellsRight += s.cellsRight;
    t.cellsTotal += s.cellsTotal;
    t.metaRight += s.metaRight;
    t.metaTotal += s.metaTotal;
    t.pagesWithFalseError += s.falseErrors.length ? 1 : 0;
    t.falseErrors += s.falseErrors.length;
    t.falseWarnings += s.falseWarnings.length;
    t.missed += s.missedFindings.length;
  }
  for (const r of s.falseErrors) errorRules.set(r, (errorRules.get(r) ?? 0) + 1);
  if ((s.falseErrors.length || s.wrongCells.length || s.missedFindings.length) && examples.length < 12) {
    examples.push(`seed ${seed} [${c.variants.join(', ')}]: ${s.wrongCells.length} wrong cells${s.wrongCells[0] ? ` (${s.wrongCells[0]})` : ''}; false errors ${[...new Set(s.falseErrors)].join(' ') || '-'}; missed ${s.missedFindings.join(' ') || '-'}`);
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
const line = (name: string, t: Tally) =>
  `${name.padEnd(20)} ${String(t.pages).padStart(5)}  ${`${t.cellsRight}/${t.cellsTotal}`.padStart(13)} ${pct(t.cellsRight, t.cellsTotal).padStart(6)}  ${pct(t.metaRight, t.metaTotal).padStart(6)}  ${String(t.pagesWithFalseError).padStart(6)} ${String(t.falseErrors).padStart(6)} ${String(t.falseWarnings).padStart(6)} ${String(t.missed).padStart(6)}`;

console.log(`Generated variant pages: ${PAGES}`);
console.log(`${'variant'.padEnd(20)} ${'pages'.padStart(5)}  ${'cells right'.padStart(13)} ${''.padStart(6)}  ${'meta'.padStart(6)}  ${'p.err'.padStart(6)} ${'errors'.padStart(6)} ${'warns'.padStart(6)} ${'missed'.padStart(6)}`);
console.log(line('ALL', overall));
for (const [v, t] of byVariant) console.log(line(v, t));
console.log(`False error rules: ${[...errorRules].map(([r, n]) => `${r} ×${n}`).join(', ') || 'none'}`);
for (const e of examples) console.log(`  ${e}`);
