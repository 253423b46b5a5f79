/**
 * A batch's roster side in one place: each result matched to its unit (coverage) and its table 三/四
 * figures kept for the roll-up, then at the end the units × years coverage, the roll-up findings by
 * whole-area report, and the roster and matching problems as sentences. Keeps per result only its unit.
 */
import { t, type Lang } from '../i18n/messages';
import type { AuditResult, Finding } from '../model/schema';
import { CoverageBuilder, type Coverage, type MatchProblem } from './coverage';
import { RollupCollector } from './rollup';
import type { Roster, RosterProblem, RosterUnit } from './roster';

export interface RegionOutcome {
  coverage: Coverage;
  /** whole-area report's source → its rollup.sum-mismatch info findings */
  rollup: Map<string, Finding[]>;
  /** Roster and matching problems, one sentence each. */
  notes: string[];
}

export class RegionTracker {
  private readonly coverage: CoverageBuilder;
  private readonly rollup: RollupCollector;
  private readonly units = new Map<string, RosterUnit>();

  constructor(private readonly roster: Roster) {
    this.coverage = new CoverageBuilder(roster);
    this.rollup = new RollupCollector(roster);
  }

  /** Call with the whole result (before it is slimmed): the roll-up reads its tables. `order`: the input's position. */
  add(result: AuditResult, order: number): RosterUnit | null {
    const unit = this.coverage.add(result, order);
    this.rollup.add(result, unit, order);
    if (unit) this.units.set(result.source, unit);
    return unit;
  }

  /** The roster unit a report was matched to. */
  unitOf(source: string): RosterUnit | undefined {
    return this.units.get(source);
  }

  finish(lang: Lang, years?: readonly number[]): RegionOutcome {
    const coverage = this.coverage.finish(years);
    const notes = [...this.roster.problems.map((p) => rosterProblemText(p, lang)), ...coverage.problems.map((p) => matchProblemText(p, lang))];
    return { coverage, rollup: this.rollup.finish(lang), notes };
  }
}

export function rosterProblemText(p: RosterProblem, lang: Lang): string {
  switch (p.kind) {
    case 'empty-name':
      return t('roster_emptyName', { line: p.line }, lang);
    case 'duplicate':
      return t('roster_duplicate', { name: p.name, lines: p.lines.join(lang === 'zh' ? '、' : ', ') }, lang);
    case 'self-parent':
      return t('roster_selfParent', { name: p.name, line: p.line }, lang);
    case 'header-repeated':
      return t('roster_headerRepeated', { line: p.line }, lang);
    case 'alias-is-name':
      return t('roster_aliasIsName', { alias: p.alias, unit: p.unit, line: p.line, other: p.other, otherLine: p.otherLine }, lang);
    case 'shared-alias':
      return t('roster_sharedAlias', { alias: p.alias, units: p.units.map((u) => t('roster_unitAtLine', { name: u.name, line: u.line }, lang)).join(lang === 'zh' ? '、' : ', ') }, lang);
  }
}

export function matchProblemText(p: MatchProblem, lang: Lang): string {
  const list = (xs: string[]) => xs.join(lang === 'zh' ? '、' : ', ');
  switch (p.kind) {
    case 'ambiguous':
      return t('roster_ambiguous', { source: p.source, agency: p.agency, units: list(p.units) }, lang);
    case 'two-agencies':
      return t('roster_twoAgencies', { unit: p.unit, year: p.year, agencies: list(p.agencies) }, lang);
    case 'unmatched':
      return t('roster_unmatched', { source: p.source, agency: p.agency ?? '—', year: p.year ?? '—' }, lang);
  }
}
