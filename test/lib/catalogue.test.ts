/**
 * The rule catalogue (lib/rules/catalogue.ts) is the one list of rules: every emitted id is in it, its
 * metadata is valid, its messages exist, its `reads` are complete (the streamed batch keeps enough for the
 * cross-year rules), and docs/rules.md is generated from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../lib/audit';
import { CROSS_YEAR_RULES, compareYears, slimForCrossYear } from '../../lib/cross-year';
import { findingNumbers } from '../../lib/format/finding-numbers';
import { ruleMessageKey, t } from '../../lib/i18n/messages';
import { RULE_CATALOGUE, cellMatches, isKind, readByKind, ruleMeta } from '../../lib/rules/catalogue';
import { rulesMarkdown } from '../../lib/rules/catalogue-doc';
import { OTHER_RULE_IDS, RULES } from '../../lib/rules/index';
import { RuleMetaSchema } from '../../lib/rules/rule-meta';
import enCatalog from '../../public/_locales/en/messages.json';
import zhCatalog from '../../public/_locales/zh_CN/messages.json';
import { cleanReport, followingYear } from '../fixtures/report-data';
import { renderPage } from '../fixtures/render';

const LOCALES = { zh: zhCatalog as Record<string, unknown>, en: enCatalog as Record<string, unknown> };

describe('the rule catalogue', () => {
  it('every entry is valid metadata, and ids are unique', () => {
    for (const m of RULE_CATALOGUE) expect(RuleMetaSchema.safeParse(m).success, m.id).toBe(true);
    const ids = RULE_CATALOGUE.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds every rule that runs: single-report, cross-year and the others, and nothing else', () => {
    const running = [...RULES.map((r) => r.id), ...CROSS_YEAR_RULES.map((r) => r.id), ...OTHER_RULE_IDS];
    expect(new Set(running).size).toBe(running.length);
    expect([...running].sort()).toEqual(RULE_CATALOGUE.map((m) => m.id).sort());
    for (const r of CROSS_YEAR_RULES) expect(ruleMeta(r.id)?.kind).toBe('cross-year');
  });

  it('every rule has its name and message, and every declared variant its message, in both locales; no undeclared variant', () => {
    for (const m of RULE_CATALOGUE) {
      const key = ruleMessageKey(m.id);
      for (const catalog of Object.values(LOCALES)) {
        expect(catalog[`ui_${key}`], `ui_${key}`).toBeDefined();
        const keys = m.variants.map((v) => `${key}__${v}`);
        if (!keys.length || key in catalog) keys.push(key);
        for (const k of keys) expect(catalog[k], k).toBeDefined();
      }
    }
    const declared = new Set(RULE_CATALOGUE.flatMap((m) => m.variants.map((v) => `${ruleMessageKey(m.id)}__${v}`)));
    const variantKeys = Object.keys(zhCatalog).filter((k) => k.startsWith('rule_') && k.includes('__'));
    expect(variantKeys.filter((k) => !declared.has(k))).toEqual([]);
  });

  it('kinds replace guesses from the id', () => {
    expect(isKind('input.unreadable', 'input')).toBe(true);
    expect(isKind('internal.error', 'input')).toBe(false);
    expect(isKind('cross-year.in-force', 'cross-year')).toBe(true);
    expect(isKind('no.such-rule', 'cell')).toBe(false);
  });

  it('a reads pattern matches one segment per *', () => {
    expect(cellMatches('active/*/previous', 'active/20_5.licensing/previous')).toBe(true);
    expect(cellMatches('active/*/previous', 'active/20_5.licensing/change')).toBe(false);
    expect(cellMatches('applications/carried_over/*', 'applications/carried_over/total')).toBe(true);
    expect(cellMatches('*/*/*', 'applications/new')).toBe(false);
    const crossYear = readByKind('cross-year');
    expect(crossYear('applications/carried_forward/natural_person')).toBe(true);
    expect(crossYear('applications/new/natural_person')).toBe(false);
  });

  it.each([
    ['2019', 2019],
    ['2021', 2022],
    ['2019', 2020],
  ] as const)('the cells the cross-year rules declare are all they read: a slimmed pair gives the same findings (%s → %i)', (format, year) => {
    const first = cleanReport(format, { seed: 7, year });
    const second = followingYear(first);
    // Break every cross-year relation at once, so each rule has something to find.
    for (const id of Object.keys(second.cells)) if (/^(applications\/carried_over\/|active\/[^/]+\/(previous|in_force)$)/.test(id)) second.cells[id] = String(Number(second.cells[id] || 0) + 3);
    const last = auditHtml(renderPage(first, { word: true }), 'last.html');
    const current = auditHtml(renderPage(second, { word: true }), 'this.html');
    const full = compareYears(last, current);
    expect(full.length).toBeGreaterThan(0);
    expect(compareYears(slimForCrossYear(last), slimForCrossYear(current))).toEqual(full);
  });

  it('the numbers are worded by the rule: 正文为 X，表中为 Y for the narrative, 应为 X，表中为 Y for a relation', () => {
    const zh = (key: string, params: Record<string, string | number>) => t(key, params, 'zh');
    expect(findingNumbers({ rule: 'text.table-mismatch', expected: 3, actual: 0 }, zh)).toBe('正文为 3，表中为 0');
    expect(findingNumbers({ rule: 'appeals.group-total', expected: 1, actual: 0 }, zh)).toBe('应为 1，表中为 0');
    expect(findingNumbers({ rule: 'cell.missing', expected: 4 }, zh)).toBe('应为 4');
    expect(findingNumbers({ rule: 'meta.late-publication' }, zh)).toBeNull();
  });

  it('docs/rules.md is what `npm run docs:rules` writes today (regenerate and commit if this fails)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../docs/rules.md'), 'utf8');
    expect(committed).toBe(rulesMarkdown());
    for (const m of RULE_CATALOGUE) expect(committed).toContain(`\`${m.id}\``);
  });
});
