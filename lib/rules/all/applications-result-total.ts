/** applications.result-total — for each column of table 三: (七)总计 = every result row above it. */
import type { Rule } from '../context';
import { checkRelations } from '../relation-check';

export const applicationsResultTotal: Rule = { id: 'applications.result-total', run: (ctx) => checkRelations(ctx, 'applications.result-total') };
