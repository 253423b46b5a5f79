// The part of csv-stringify's browser build that lib/export/spreadsheet.ts uses. Its own declarations
// reference @types/node, which would bring Node's globals into the browser type check (tsconfig.browser.json).
export interface StringifyOptions {
  bom?: boolean;
  record_delimiter?: string;
  delimiter?: string;
  quoted?: boolean;
  quoted_match?: RegExp | string | (RegExp | string)[];
  escape_formulas?: boolean;
  eof?: boolean;
  quote_record_delimiter?: boolean;
}
export function stringify(records: readonly (readonly unknown[])[], options?: StringifyOptions): string;
