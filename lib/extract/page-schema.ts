/**
 * zod schema of the neutral page representation (page.ts), for the extension side to validate the
 * PageDoc that crosses from the content script (an executeScript result) before auditing it.
 * Mirrors page.ts field for field; `satisfies` below keeps the two in step at compile time.
 * Not imported by the content script (zod stays out of it).
 */
import { z } from 'zod';
import type { PageDoc } from './page';

const CellSourceSchema = z.object({ table: z.number().int().min(0), row: z.number().int().min(0), cell: z.number().int().min(0), page: z.number().int().positive().optional() });

const RawCellSchema = z.object({
  text: z.string(),
  tag: z.enum(['td', 'th']),
  rowspan: z.string().nullable(),
  colspan: z.string().nullable(),
  source: CellSourceSchema,
});

const RawRowSchema = z.object({ cells: z.array(RawCellSchema), group: z.number().int(), order: z.number().int() });

const RawTableSchema = z.object({
  index: z.number().int().min(0),
  depth: z.number().int().min(0),
  rows: z.array(RawRowSchema),
  streamed: z.boolean().optional(),
});

export const PageDocSchema = z.object({
  meta: z.object({ title: z.string(), meta: z.record(z.string(), z.string()) }),
  lines: z.array(z.string()),
  tables: z.array(RawTableSchema),
  links: z.array(z.object({ text: z.string(), href: z.string() })),
  mode: z.enum(['quirks', 'standards']),
  limits: z.object({ truncated: z.array(z.string()) }),
});

// Both directions: a field added to page.ts but not here (or the reverse) fails tsc.
type Parsed = z.infer<typeof PageDocSchema>;
export const _pageDocSchemaMatches: [Parsed extends PageDoc ? true : false, PageDoc extends Parsed ? true : false] = [true, true];
