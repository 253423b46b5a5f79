/** What every rule reads: the recognised report, its relations and the blanks they resolve. */
import type { Lang } from '../i18n/messages';
import { relationsFor, type Relation } from '../model/relations';
import type { Recognition } from '../recognize/recognize';
import { solveBlanks, type Solution } from './solve';
import type { FindingDraft } from './types';

export interface RuleContext {
  recognition: Recognition;
  relations: Relation[];
  solution: Solution;
  lang: Lang;
  /** Today, for rules that compare with the date (injectable for tests). */
  today: Date;
}

export interface Rule {
  id: string;
  run(ctx: RuleContext): FindingDraft[];
}

export function makeContext(recognition: Recognition, lang: Lang, today = new Date()): RuleContext {
  const format = recognition.tableFormats.applications ?? recognition.format;
  const printedRows = new Set([...recognition.cells.values()].filter((c) => c.table === 'applications').map((c) => c.row));
  const relations = format && !recognition.unsupported ? relationsFor(format, (row) => printedRows.has(row)) : [];
  return { recognition, relations, solution: solveBlanks(recognition, relations), lang, today };
}
