/** appeals.group-total — for each group of table 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
import type { Rule } from '../context';
import { checkRelations } from '../relation-check';

export const appealsGroupTotal: Rule = { id: 'appeals.group-total', run: (ctx) => checkRelations(ctx, 'appeals.group-total') };
