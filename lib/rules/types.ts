/** What a rule returns before its message is rendered: the rule id, the cells and the numbers that prove it. */
import type { Severity } from '../model/schema';

export type MessageParams = Record<string, string | number>;

export interface FindingDraft {
  rule: string;
  severity: Severity;
  /** Message template key; defaults to the rule id. Variants of one rule use `rule#variant`. */
  messageKey?: string;
  params: MessageParams;
  cells: string[];
  expected?: number;
  actual?: number;
  quote?: string;
  deadline?: string;
  /** Cells whose wrong value would explain this finding (for linking findings that share a root cause). */
  suspects?: string[];
}
