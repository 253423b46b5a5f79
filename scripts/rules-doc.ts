/** npm run docs:rules — writes docs/rules.md from the rule catalogue (lib/rules/catalogue-doc.ts). Commit it. */
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../lib/rules/catalogue-doc';

const target = new URL('../docs/rules.md', import.meta.url);
writeFileSync(target, rulesMarkdown());
process.stdout.write(`wrote ${target.pathname}\n`);
