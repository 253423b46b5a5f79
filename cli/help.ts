/** `--help` and `--version`: on standard output, exit 0; help in Chinese, then in English. */
import { readFileSync } from 'node:fs';
import { t } from '../lib/i18n/messages';

export const isHelp = (a: string | undefined) => a === '--help' || a === '-h';
export const isVersion = (a: string | undefined) => a === '--version' || a === '-V';

/** The help of a command (`cli_help_<command>`), both languages. */
export function helpText(command: 'main' | 'audit' | 'compare' | 'crawl'): string {
  const key = `cli_help_${command}`;
  return `${t(key, {}, 'zh')}\n\n${t(key, {}, 'en')}\n`;
}

export function versionText(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}\n`;
}

/** Prints help or the version when argv asks for it; the exit code then, else null. */
export function answerHelp(argv: readonly string[], command: Parameters<typeof helpText>[0]): number | null {
  if (argv.some(isHelp)) process.stdout.write(helpText(command));
  else if (argv.some(isVersion)) process.stdout.write(versionText());
  else return null;
  return 0;
}
