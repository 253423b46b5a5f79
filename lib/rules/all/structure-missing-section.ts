/** structure.missing-section — a section is absent: error for the tables (二 三 四), warning for the text (一 五 六). */
import { SECTIONS } from '../../model/statutory';
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

export const structureMissingSection: Rule = {
  id: 'structure.missing-section',
  run(ctx) {
    if (ctx.recognition.unsupported) return [];
    const findings: FindingDraft[] = [];
    for (const s of SECTIONS) {
      const present = s.isTable ? ctx.recognition.foundTables.has(s.id as 'active') : ctx.recognition.sections.has(s.id);
      if (present) continue;
      findings.push({ rule: 'structure.missing-section', severity: s.isTable ? 'error' : 'warning', params: { section: s.heading[ctx.lang] }, cells: [] });
    }
    return findings;
  },
};
