/**
 * text.fee-statement-missing — format 2021: section 六 does not state the 信息处理费 collected in the
 * year (国办函〔2020〕109号). "本年度未收取信息处理费" is a statement.
 */
import type { Rule } from '../context';

const FEE = /信息处理费|处理费|收取.{0,8}费|收费/;

export const textFeeStatementMissing: Rule = {
  id: 'text.fee-statement-missing',
  run(ctx) {
    if (ctx.recognition.format !== '2021') return [];
    const lines = ctx.recognition.sections.get('other') ?? ctx.recognition.lines;
    if (lines.some((l) => FEE.test(l))) return [];
    return [{ rule: 'text.fee-statement-missing', severity: 'warning', params: {}, cells: [] }];
  },
};
