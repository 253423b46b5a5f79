/**
 * User-facing text for lib/ and the CLI, read from the extension's own locale files
 * (public/_locales/<lang>/messages.json), so every string lives in one place for both.
 * Templates use named parameters: {name}.
 */
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

export type Lang = 'zh' | 'en';

type Catalog = Record<string, { message: string }>;
const CATALOGS: Record<Lang, Catalog> = { zh: zh as Catalog, en: en as Catalog };

/** Message key of a rule id (and variant): `cell.missing#zero` → `rule_cell_missing__zero`. */
export function ruleMessageKey(key: string): string {
  const [rule = '', variant] = key.split('#');
  return `rule_${rule.replace(/[.-]/g, '_')}${variant ? `__${variant}` : ''}`;
}

export function t(key: string, params: Record<string, string | number> = {}, lang: Lang = 'zh'): string {
  const entry = CATALOGS[lang][key] ?? CATALOGS.zh[key];
  if (!entry) return key;
  return entry.message.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

export function hasMessage(key: string): boolean {
  return key in CATALOGS.zh && key in CATALOGS.en;
}
