/** applications.balance — for each column: 新收 + 上年结转 = 办理结果总计 + 结转下年度 (printed in the table itself). */
import type { Rule } from '../context';
import { checkRelations } from '../relation-check';

export const applicationsBalance: Rule = { id: 'applications.balance', run: (ctx) => checkRelations(ctx, 'applications.balance') };
