/** A rule's short name in the chosen language (the extension's ui_rule_… label), or its id when it has none. */
import { hasMessage, t, type Lang } from '../i18n/messages';

export function ruleName(rule: string, lang: Lang): string {
  const key = `ui_rule_${rule.replace(/[.-]/g, '_')}`;
  return hasMessage(key) ? t(key, {}, lang) : rule;
}
