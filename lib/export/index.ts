/**
 * Exports of audit results, one module per format; `renderResults` picks one for the CLI's --format.
 * Pure (no DOM, no Node API): the popup uses the same modules.
 */
import { t, type Lang } from '../i18n/messages';
import type { AuditResult } from '../model/schema';
import { textReport } from '../format/text-report';
import { longCsv } from './csv';
import { auditJson } from './json';
import { memo } from './memo';
import { longTsv } from './tsv';
import { wideCsv } from './wide-csv';

export const OUTPUT_FORMATS = ['text', 'json', 'csv', 'tsv', 'memo', 'wide-csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const isOutputFormat = (f: string | undefined): f is OutputFormat => (OUTPUT_FORMATS as readonly string[]).includes(f ?? '');

export interface RenderOptions {
  lang: Lang;
  verbose: boolean;
  /** wide-csv: ids only, no label row. */
  ids?: boolean;
}

/** The text report of one result, as the CLI prints it (the block and the blank line after it). */
export const textBlock = (result: AuditResult, options: RenderOptions): string => `${textReport(result, options)}\n\n`;

/** All results in one format. */
export function renderResults(results: readonly AuditResult[], format: OutputFormat, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return results.map((r) => textBlock(r, options)).join('');
    case 'json':
      return auditJson(results);
    case 'csv':
      return longCsv(results, { lang: options.lang });
    case 'tsv':
      return longTsv(results, { lang: options.lang });
    case 'wide-csv':
      return wideCsv(results, { lang: options.lang, ids: options.ids });
    case 'memo':
      return memo(results, { lang: options.lang, includeInfo: options.verbose });
  }
}

/** A file name for a report's export: 某县交通运输局-2020-勾稽.csv (characters Windows forbids replaced). */
export function exportFileName(result: AuditResult, extension: string, lang: Lang = 'zh'): string {
  const parts = [result.report?.agency, result.report?.year, t('export_fileStem', {}, lang)].filter((p) => p !== null && p !== undefined && p !== '');
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.${extension}`;
}
