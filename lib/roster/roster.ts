/**
 * The roster of units that must report (`--roster FILE.csv`): header 单位,上级 with optional 别名
 * (aliases, separated by 、 ; | or /) and 网址 (the unit's site). Bad rows are said, never silently
 * dropped: an empty name is skipped with its line, a name listed twice is merged (aliases of both), a
 * header repeated further down is skipped, an alias that is another unit's name or shared by two units is
 * said (matching ranks a unit's own name above any alias), a wrong header is refused with the header
 * expected. Tab-separated text (Excel's 「Unicode 文本」) is read when the header has tabs and no commas.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { agencyKey } from '../cross-year';

export const RosterUnitSchema = z.object({
  name: z.string().min(1),
  parent: z.string().nullable(),
  aliases: z.array(z.string()),
  url: z.string().nullable(),
  /** 1-based line of the CSV the unit came from. */
  line: z.number().int(),
});
export type RosterUnit = z.infer<typeof RosterUnitSchema>;

export type RosterProblem =
  | { kind: 'empty-name'; line: number }
  | { kind: 'duplicate'; name: string; lines: number[] }
  | { kind: 'self-parent'; name: string; line: number }
  | { kind: 'header-repeated'; line: number }
  /** `alias` of `unit` is `other`'s own name: reports under that name go to `other`. */
  | { kind: 'alias-is-name'; alias: string; unit: string; line: number; other: string; otherLine: number }
  /** One alias given to several units: a report under it fits them all. */
  | { kind: 'shared-alias'; alias: string; units: { name: string; line: number }[] };

export interface Roster {
  units: RosterUnit[];
  problems: RosterProblem[];
}

export class RosterError extends Error {}

const COLUMNS = { name: ['单位', '单位名称', 'unit', 'name'], parent: ['上级', '上级单位', 'parent'], aliases: ['别名', 'aliases', 'alias'], url: ['网址', 'url', 'website'] } as const;
const ALIAS_SPLIT = /[、;；|/，,]/;

/** A unit's name or alias as matched: NFKC, no spaces or punctuation, 人民政府 = 政府 (as cross-year matching does). */
export const unitKey = (name: string): string => agencyKey(name);

/** How the name of a place with a government ends (regex alternatives): 省, 市, 县, 区, 旗 and their kin. */
export const PLACE_ENDINGS = '省|市|自治州|州|盟|地区|县|自治县|区|旗|自治旗';
const GOVERNMENT_OF_PLACE = new RegExp(`^(.+?(?:${PLACE_ENDINGS}))(?:人民)?政府`);

/** 清河县人民政府 → 清河县: the place a government's units carry as a prefix (keyed as unitKey). */
export function placeOf(parent: string | null): string | null {
  if (!parent) return null;
  const m = GOVERNMENT_OF_PLACE.exec(parent.normalize('NFKC'));
  return m ? unitKey(m[1]!) : null;
}

/**
 * The keys a unit is known by as its own name: the name, and the name with its parent's place in front
 * (财政局 under 清河县人民政府 is also 清河县财政局). These outrank every alias.
 */
export function ownNameKeys(unit: Pick<RosterUnit, 'name' | 'parent'>): string[] {
  const key = unitKey(unit.name);
  const place = placeOf(unit.parent);
  return place && !key.startsWith(place) ? [key, place + key] : [key];
}

export function parseRoster(text: string): Roster {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = /^[^\r\n]*/.exec(body)![0];
  // Excel's 「Unicode 文本」 is tab-separated; a comma anywhere in the header means it is a CSV.
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let rows: string[][];
  try {
    rows = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new RosterError(`名册不是有效的 CSV / the roster is not valid CSV: ${(error as Error).message}`);
  }
  const header = (rows[0] ?? []).map((h) => h.normalize('NFKC').trim().toLowerCase());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { name: col(COLUMNS.name), parent: col(COLUMNS.parent), aliases: col(COLUMNS.aliases), url: col(COLUMNS.url) };
  if (at.name < 0 || at.parent < 0) {
    throw new RosterError(`名册表头应为“单位,上级”，可加“别名”“网址”，实为“${(rows[0] ?? []).join(',')}” / the roster's header must be 单位,上级 (optionally 别名, 网址)`);
  }
  const units: RosterUnit[] = [];
  const problems: RosterProblem[] = [];
  const byKey = new Map<string, RosterUnit>();
  const duplicates = new Map<string, number[]>();
  const isHeaderWord = (cell: string, names: readonly string[]) => names.includes(cell.normalize('NFKC').trim().toLowerCase());
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const cell = (k: number) => (k >= 0 ? (row[k] ?? '').trim() : '');
    const name = cell(at.name);
    // Rosters pasted together from several sheets repeat the header: it is no unit called 单位.
    if (isHeaderWord(name, COLUMNS.name) && isHeaderWord(cell(at.parent), COLUMNS.parent)) {
      problems.push({ kind: 'header-repeated', line });
      return;
    }
    if (!unitKey(name)) {
      if (row.some((c) => c.trim())) problems.push({ kind: 'empty-name', line });
      return;
    }
    const parent = cell(at.parent) || null;
    const aliases = cell(at.aliases).split(ALIAS_SPLIT).map((a) => a.trim()).filter((a) => unitKey(a) && unitKey(a) !== unitKey(name));
    const url = cell(at.url) || null;
    const key = `${unitKey(name)}|${parent ? unitKey(parent) : ''}`;
    const seen = byKey.get(key);
    if (seen) {
      duplicates.set(key, [...(duplicates.get(key) ?? [seen.line]), line]);
      for (const a of aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
      seen.url ??= url;
      return;
    }
    if (parent && unitKey(parent) === unitKey(name)) problems.push({ kind: 'self-parent', name, line });
    const unit: RosterUnit = { name, parent: parent && unitKey(parent) === unitKey(name) ? null : parent, aliases, url, line };
    byKey.set(key, unit);
    units.push(unit);
  });
  for (const [key, lines] of duplicates) problems.push({ kind: 'duplicate', name: byKey.get(key)!.name, lines });
  problems.push(...aliasClashes(units));
  return { units, problems };
}

/** Aliases that are another unit's own name, and aliases given to more than one unit. */
function aliasClashes(units: readonly RosterUnit[]): RosterProblem[] {
  const owner = new Map<string, RosterUnit>();
  for (const u of units) for (const k of ownNameKeys(u)) if (!owner.has(k)) owner.set(k, u);
  const problems: RosterProblem[] = [];
  const aliasUnits = new Map<string, { alias: string; units: RosterUnit[] }>();
  for (const u of units) {
    for (const alias of u.aliases) {
      const key = unitKey(alias);
      const other = owner.get(key);
      if (other && other !== u) {
        problems.push({ kind: 'alias-is-name', alias, unit: u.name, line: u.line, other: other.name, otherLine: other.line });
        continue;
      }
      const entry = aliasUnits.get(key) ?? { alias, units: [] };
      if (!entry.units.includes(u)) entry.units.push(u);
      aliasUnits.set(key, entry);
    }
  }
  for (const { alias, units: sharing } of aliasUnits.values()) {
    if (sharing.length > 1) problems.push({ kind: 'shared-alias', alias, units: sharing.map((u) => ({ name: u.name, line: u.line })) });
  }
  return problems;
}
