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

/**
 * The start every command shares: help or the version when argv asks for it (exit 0), else the parsed
 * options, or the parser's usage message on stderr (exit 2). Returns the options, or the exit code.
 */
export function startCommand<O extends object>(argv: string[], command: Parameters<typeof helpText>[0], parse: (argv: string[]) => O | string): O | number {
  const answered = answerHelp(argv, command);
  if (answered !== null) return answered;
  const options = parse(argv);
  if (typeof options !== 'string') return options;
  process.stderr.write(`${options}\n`);
  return 2;
}

/** Prints help or the version when argv asks for it; the exit code then, else null. */
export function answerHelp(argv: readonly string[], command: Parameters<typeof helpText>[0]): number | null {
  if (argv.some(isHelp)) process.stdout.write(helpText(command));
  else if (argv.some(isVersion)) process.stdout.write(versionText());
  else return null;
  return 0;
}
