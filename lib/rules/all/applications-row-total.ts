/** applications.row-total — for each row of table 三: 总计 = the six applicant columns. */
import type { Rule } from '../context';
import { checkRelations } from '../relation-check';

export const applicationsRowTotal: Rule = { id: 'applications.row-total', run: (ctx) => checkRelations(ctx, 'applications.row-total') };
