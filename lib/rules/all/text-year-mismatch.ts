/**
 * text.year-mismatch — the overview dates the agency's own work of the year in another year (a 2023
 * report whose overview says 2022年，我局…: text carried over from last year's report). Plans and
 * references to earlier documents are normal and not flagged.
 */
import type { Rule } from '../context';
import type { FindingDraft } from '../types';

const OWN_WORK = /(?:^|[。；;，,\s])(\d{4})年(?:度)?[，,]?\s*(?:我|本)(?:局|委|办|处|镇|乡|街道|区|县|市|厅|中心|院|单位|机关|部门|所|站|署|公司|会)/;
const PLAN = /将|计划|下一步|明年|预计|今后/;

export const textYearMismatch: Rule = {
  id: 'text.year-mismatch',
  run(ctx) {
    const year = ctx.recognition.meta.year;
    const overview = ctx.recognition.sections.get('overview');
    if (!year || !overview) return [];
    const findings: FindingDraft[] = [];
    // 2022年，某市交通运输局… names the agency itself.
    const agency = ctx.recognition.meta.agency;
    const byName = agency ? new RegExp(`(?:^|[。；;，,\\s])(\\d{4})年(?:度)?[，,]?\\s*${agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : null;
    for (const sentence of overview.flatMap((l) => l.split(/(?<=[。；;])/))) {
      const m = OWN_WORK.exec(sentence) ?? byName?.exec(sentence) ?? null;
      if (!m || Number(m[1]) === year || PLAN.test(sentence)) continue;
      findings.push({ rule: 'text.year-mismatch', severity: 'warning', params: { stated: m[1]!, year, quote: sentence.trim() }, cells: [], quote: sentence.trim() });
      break;
    }
    return findings;
  },
};
