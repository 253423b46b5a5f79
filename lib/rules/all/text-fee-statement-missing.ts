/**
 * text.fee-statement-missing — format 2021: section 六 does not state the 信息处理费 collected in the
 * year (国办函〔2020〕109号). "本年度未收取信息处理费" is a statement.
 */
import type { Rule } from '../context';

/** 行政事业性收费 (table 二's wording) is not a statement on 信息处理费. */
const FEE = /信息处理费|处理费|收取.{0,8}费|(?<!事业性)收费(?!项目)/;
/** Without a recognised section 六 heading, only the end of the report (where 六 stands) is read. */
const TAIL_LINES = 25;

export const textFeeStatementMissing: Rule = {
  id: 'text.fee-statement-missing',
  run(ctx) {
    if (ctx.recognition.format !== '2021') return [];
    const lines = ctx.recognition.sections.get('other') ?? ctx.recognition.lines.slice(-TAIL_LINES);
    if (lines.some((l) => FEE.test(l))) return [];
    return [{ rule: 'text.fee-statement-missing', severity: 'warning', params: {}, cells: [] }];
  },
};
