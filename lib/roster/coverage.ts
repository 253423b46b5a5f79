/**
 * Who reported: reports matched to roster units by agency name (a unit's own name, bare or behind its
 * parent's place, before any alias; then a fuzzy fit of the names; then the unit's site), and per unit
 * and report year `published`, `late` (the report carries meta.late-publication: the spec's deadlines,
 * applied by that rule) or `missing`.
 * Built one result at a time; keeps per report only its source, year, lateness and match.
 */
import { z } from 'zod';
import type { AuditResult } from '../model/schema';
import { ownNameKeys, PLACE_ENDINGS, placeOf, unitKey, type Roster, type RosterUnit } from './roster';

export const CoverageStatusSchema = z.enum(['published', 'late', 'missing']);
export type CoverageStatus = z.infer<typeof CoverageStatusSchema>;

export const CoverageEntrySchema = z.object({
  unit: z.string(),
  parent: z.string().nullable(),
  year: z.number().int(),
  status: CoverageStatusSchema,
  sources: z.array(z.string()),
});
export type CoverageEntry = z.infer<typeof CoverageEntrySchema>;

export type MatchProblem =
  | { kind: 'ambiguous'; source: string; agency: string; units: string[] }
  | { kind: 'two-agencies'; unit: string; year: number; agencies: string[] }
  | { kind: 'unmatched'; source: string; agency: string | null; year: number | null };

export interface Coverage {
  years: number[];
  entries: CoverageEntry[];
  problems: MatchProblem[];
}

/** The shorter of two names a suffix match may rest on (财政局 alone would match every county's). */
const MIN_SUFFIX = 4;

/** A leftover prefix that names a place: 河东县, 河北省清河县, 城关镇, 东城街道. */
const PLACE_NAME = new RegExp(`(?:${PLACE_ENDINGS}|镇|乡|街道|特别行政区)$`);

type Match = { unit: RosterUnit } | { ambiguous: RosterUnit[] };

export class UnitMatcher {
  /** A unit's own name (and that name behind its parent's place): outranks any alias. */
  private readonly byName = new Map<string, RosterUnit[]>();
  private readonly byAlias = new Map<string, RosterUnit[]>();

  constructor(private readonly units: readonly RosterUnit[]) {
    const add = (map: Map<string, RosterUnit[]>, k: string, u: RosterUnit) => {
      const list = map.get(k) ?? [];
      if (!list.includes(u)) map.set(k, [...list, u]);
    };
    for (const u of units) {
      for (const k of ownNameKeys(u)) add(this.byName, k, u);
      for (const a of u.aliases) add(this.byAlias, unitKey(a), u);
    }
  }

  /**
   * The unit a report belongs to; `ambiguous` when two units fit equally. Tiers, first that fits wins:
   * a unit's own name, an alias, a fuzzy fit of the names (place left out, a long common ending), the site.
   */
  match(agency: string | null, source: string): Match | null {
    if (agency) {
      const found = this.exactly(agency) ?? this.fuzzy(unitKey(agency));
      if (found) return found;
    }
    const bySite = this.units.filter((u) => u.url && sitePrefix(source, u.url));
    return bySite.length === 1 ? { unit: bySite[0]! } : null;
  }

  /** Only by a unit's own name, else an alias (the roll-up finds a parent unit this way). */
  exactly(name: string): Match | null {
    const key = unitKey(name);
    return this.decide(key, this.byName.get(key) ?? []) ?? this.decide(key, this.byAlias.get(key) ?? []);
  }

  private fuzzy(key: string): Match | null {
    // 清河县财政局 for the roster's 清河县财政局 named 财政局, or a long common ending (市场监督管理局).
    return this.decide(key, this.units.filter((u) => [u.name, ...u.aliases].some((n) => namesFit(unitKey(n), key, placeOf(u.parent)))));
  }

  /** Several units fitting: those whose parent's place the agency's name carries, if any. */
  private decide(key: string, found: RosterUnit[]): Match | null {
    if (found.length > 1) {
      const placed = found.filter((u) => {
        const place = placeOf(u.parent);
        return place !== null && key.includes(place);
      });
      if (placed.length) found = placed;
    }
    if (found.length === 1) return { unit: found[0]! };
    return found.length > 1 ? { ambiguous: found } : null;
  }
}

/**
 * A roster name and a report's agency name for one unit: the place prefix added or left out, or a long
 * common ending — unless what the agency's name has in front of that ending is another place
 * (河东县市场监督管理局 is not the 市场监督管理局 under 清河县人民政府).
 */
function namesFit(rosterKey: string, agencyKey: string, place: string | null): boolean {
  if (place && (place + rosterKey === agencyKey || place + agencyKey === rosterKey)) return true;
  const [short, long] = rosterKey.length <= agencyKey.length ? [rosterKey, agencyKey] : [agencyKey, rosterKey];
  if (short.length < MIN_SUFFIX || !long.endsWith(short)) return false;
  const leftover = long.slice(0, long.length - short.length);
  if (long !== agencyKey || !place || !PLACE_NAME.test(leftover)) return true;
  // The roster's name carries its own place (清河县财政局, 清河县人民政府): what the report adds in front is a
  // higher level (邢台市清河县财政局, 河北省清河县人民政府), not another place.
  if (rosterKey.startsWith(place) || placeOf(rosterKey) !== null) return true;
  // 清河县 under 邢台市清河县, or 河北省清河县 for 清河县: the same place written longer or shorter.
  return place.includes(leftover) || leftover.endsWith(place);
}

function sitePrefix(source: string, url: string): boolean {
  try {
    const s = new URL(source);
    const u = new URL(/^https?:\/\//i.test(url) ? url : `http://${url}`);
    return s.hostname.replace(/^www\./, '') === u.hostname.replace(/^www\./, '') && s.pathname.startsWith(u.pathname.replace(/\/?$/, '/').replace(/^\/$/, '/'));
  } catch {
    return false;
  }
}

interface Seen {
  order: number;
  source: string;
  agency: string;
  late: boolean;
}

export class CoverageBuilder {
  private readonly matcher: UnitMatcher;
  /** unit (by roster line) → year → reports */
  private readonly found = new Map<number, Map<number, Seen[]>>();
  private readonly yearsPresent = new Set<number>();
  /** With the input's position, so they come out in input order whatever finished first. */
  private readonly problems: { order: number; problem: MatchProblem }[] = [];
  private count = 0;

  constructor(private readonly roster: Roster) {
    this.matcher = new UnitMatcher(roster.units);
  }

  /** The unit a result was matched to, if any (for labelling rows). `order`: the input's position. */
  add(result: AuditResult, order = this.count): RosterUnit | null {
    this.count++;
    const r = result.report;
    if (!r) return null;
    if (r.year !== null) this.yearsPresent.add(r.year);
    const m = this.matcher.match(r.agency, result.source);
    if (!m) {
      this.problems.push({ order, problem: { kind: 'unmatched', source: result.source, agency: r.agency, year: r.year } });
      return null;
    }
    if ('ambiguous' in m) {
      this.problems.push({ order, problem: { kind: 'ambiguous', source: result.source, agency: r.agency ?? '', units: m.ambiguous.map(label) } });
      return null;
    }
    if (r.year !== null) {
      const byYear = this.found.get(m.unit.line) ?? new Map<number, Seen[]>();
      this.found.set(m.unit.line, byYear);
      byYear.set(r.year, [...(byYear.get(r.year) ?? []), { order, source: result.source, agency: r.agency ?? '', late: result.findings.some((f) => f.rule === 'meta.late-publication') }]);
    }
    return m.unit;
  }

  /** `years`: the report years to cover (default: every year a report in the batch is for). */
  finish(years?: readonly number[]): Coverage {
    const list = [...(years ?? [...this.yearsPresent])].sort((a, b) => a - b);
    const entries: CoverageEntry[] = [];
    const problems = [...this.problems].sort((a, b) => a.order - b.order).map((p) => p.problem);
    for (const unit of this.roster.units) {
      for (const year of list) {
        const seen = [...(this.found.get(unit.line)?.get(year) ?? [])].sort((a, b) => a.order - b.order);
        const agencies = [...new Set(seen.map((s) => unitKey(s.agency)))];
        if (agencies.length > 1) problems.push({ kind: 'two-agencies', unit: label(unit), year, agencies: [...new Set(seen.map((s) => s.agency))] });
        const status: CoverageStatus = seen.length === 0 ? 'missing' : seen.every((s) => s.late) ? 'late' : 'published';
        entries.push({ unit: unit.name, parent: unit.parent, year, status, sources: seen.map((s) => s.source) });
      }
    }
    return { years: list, entries, problems };
  }
}

const label = (u: RosterUnit) => (u.parent ? `${u.name}（${u.parent}）` : u.name);

/** Report years there can be: the 条例 took effect in 2008; a year past 2100 is a typo. */
const FIRST_REPORT_YEAR = 2008;
const LAST_REPORT_YEAR = 2100;

/**
 * `2023-2025`, `2023,2024` or `2024` → the years; null when not that shape. Typed on a Chinese keyboard too
 * (`2023－2025`, `2023—2025`, `2023至2025`, `2023，2024`); a range either way round is the same years.
 */
export function parseYears(spec: string): number[] | null {
  const years = new Set<number>();
  for (const part of spec.split(/[,，、]/)) {
    const m = /^\s*(\d{4})\s*(?:[-–—~～－至到]\s*(\d{4}))?\s*$/.exec(part);
    if (!m) return null;
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])].sort((x, y) => x - y) as [number, number];
    if (from < FIRST_REPORT_YEAR || to > LAST_REPORT_YEAR) return null;
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}
