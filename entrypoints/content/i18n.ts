/**
 * UI strings in the page, through chrome.i18n (the catalog Chrome picked: zh_CN by default, en for an
 * English browser). Templates use lib's `{name}` parameters, so one messages.json serves lib, the CLI
 * and the extension.
 */
import { browser } from 'wxt/browser';

const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string) => string;

export function msg(key: string, params: Record<string, string | number> = {}): string {
  const text = getMessage(key) || key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function ruleName(rule: string): string {
  return getMessage(`ui_rule_${rule.replace(/[.-]/g, '_')}`) || rule;
}
