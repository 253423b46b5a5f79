/**
 * rollup.sum-mismatch — a government's whole-area report against the sum of its roster units' reports
 * for the same year, cell by cell over table 三 (applications) and 四 (appeals). Always `info`: a
 * whole-area report also counts the government's own office and units the roster may not list, so a
 * difference is something to look at, never an error. Keeps per matched report only those two tables'
 * numbers, and only when the roster gives the report's unit a parent or children.
 */
import { cellLabel } from '../format/cell-label';
import { stableHash } from '../hash';
import { t, type Lang } from '../i18n/messages';
import type { AuditResult, Finding } from '../model/schema';
import { cellMatches, ruleMeta } from '../rules/catalogue';
import { UnitMatcher } from './coverage';
import type { Roster, RosterUnit } from './roster';

export const ROLLUP_RULE = 'rollup.sum-mismatch';
/** The cells summed: this rule's catalogue `reads` (tables 三 and 四), one source of truth with the rule docs. */
const ROLLED_UP = ruleMeta(ROLLUP_RULE)!.reads;
const rolledUp = (id: string) => ROLLED_UP.some((pattern) => cellMatches(pattern, id));

interface Figures {
  order: number;
  source: string;
  cells: Map<string, number>;
}

export class RollupCollector {
  /** unit line → its children's lines */
  private readonly children = new Map<number, RosterUnit[]>();
  private readonly involved = new Set<number>();
  /** unit line → year → figures (the report first in input order) */
  private readonly figures = new Map<number, Map<number, Figures>>();

  constructor(roster: Roster) {
    // The parent found as a report is: its own name before another unit's alias (coverage's UnitMatcher).
    const matcher = new UnitMatcher(roster.units);
    for (const u of roster.units) {
      const found = u.parent ? matcher.exactly(u.parent) : null;
      // Two units fitting equally: the first in roster order, as before.
      const parent = !found ? undefined : 'unit' in found ? found.unit : found.ambiguous[0];
      if (!parent || parent === u) continue;
      this.children.set(parent.line, [...(this.children.get(parent.line) ?? []), u]);
      this.involved.add(parent.line).add(u.line);
    }
  }

  /** `order`: the input's position (the first in input order counts, whatever finished first). */
  add(result: AuditResult, unit: RosterUnit | null, order = 0): void {
    const r = result.report;
    if (!unit || !r || r.year === null || !this.involved.has(unit.line)) return;
    const byYear = this.figures.get(unit.line) ?? new Map<number, Figures>();
    this.figures.set(unit.line, byYear);
    if ((byYear.get(r.year)?.order ?? Infinity) <= order) return;
    const cells = new Map<string, number>();
    for (const [id, c] of Object.entries(r.cells)) {
      const v = c.value ?? c.implied ?? null;
      if (v !== null && rolledUp(id)) cells.set(id, v);
    }
    byYear.set(r.year, { order, source: result.source, cells });
  }

  /** The findings for each whole-area report, by its source. */
  finish(lang: Lang): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const [parentLine, kids] of this.children) {
      for (const [year, whole] of this.figures.get(parentLine) ?? []) {
        const reported = kids.map((k) => this.figures.get(k.line)?.get(year)).filter((f): f is Figures => !!f);
        if (!reported.length) continue;
        const findings: Finding[] = [];
        for (const [id, actual] of whole.cells) {
          // A cell some unit's report does not have (another format) is not summed: the sum would be partial.
          if (reported.some((f) => !f.cells.has(id))) continue;
          const expected = reported.reduce((sum, f) => sum + f.cells.get(id)!, 0);
          if (Math.abs(expected - actual) < 1e-9) continue;
          findings.push({
            id: stableHash([ROLLUP_RULE, id, whole.source, year, expected, actual].join('|')),
            rule: ROLLUP_RULE,
            severity: 'info',
            message: t('rule_rollup_sum_mismatch', { cell: cellLabel(id, lang), actual, expected, reported: reported.length, units: kids.length }, lang),
            cells: [id],
            expected,
            actual,
          });
        }
        if (findings.length) out.set(whole.source, findings);
      }
    }
    return out;
  }
}
