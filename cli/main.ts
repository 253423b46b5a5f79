/**
 * gouji COMMAND …: one module per command, loaded when asked for. A new command is a file of its own
 * and one line in COMMANDS.
 */
import { answerHelp, helpText } from './help';

export { auditOne } from './batch';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  audit: async () => (await import('./audit-command')).auditCommand,
  crawl: async () => (await import('./crawl-command')).crawlCommand,
  compare: async () => (await import('./compare-command')).compareCommand,
};

const USAGE = `用法 / usage: gouji ${Object.keys(COMMANDS).join('|')} …   (gouji audit --help)`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    // No command: `gouji`, `gouji --help`, `gouji --version` answer on stdout; anything else is a usage error.
    const answered = name === undefined ? (process.stdout.write(helpText('main')), 0) : answerHelp([name], 'main');
    if (answered !== null) return answered;
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return (await load())(rest);
}
