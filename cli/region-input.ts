/** The files `gouji audit` reads besides its inputs: the roster (`--roster`) and a broken run's NDJSON (`--resume`). */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { sniffInputKind } from '../lib/document/index';
import { decodeText } from '../lib/extract/decode';
import type { AuditResult } from '../lib/model/schema';
import { parseRoster, RosterError, type Roster } from '../lib/roster/roster';

/** The roster, or the sentence saying why it cannot be used. */
export async function loadRoster(file: string): Promise<Roster | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return `无法读取名册 / cannot read the roster ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`;
  }
  // .xlsx (and .ods) are zip archives, as .docx is (the sniffer's 'docx'): read as text they are garbage, and the header message would be too.
  if (sniffInputKind(bytes) === 'docx') {
    return `名册 ${file} 是 Excel 工作簿而非 CSV，请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后再用 / the roster ${file} is a spreadsheet workbook, not CSV: save it as CSV (UTF-8, comma-separated) and use that`;
  }
  // Excel in China saves CSV as GBK and 「Unicode 文本」 as UTF-16 with tabs: both are read.
  const { text } = decodeText(bytes);
  try {
    const roster = parseRoster(text);
    if (!roster.units.length) return `名册 ${file} 中没有单位 / the roster ${file} names no unit`;
    return roster;
  } catch (error) {
    if (error instanceof RosterError) return `${file}: ${error.message}`;
    throw error;
  }
}

const isResult = (x: unknown): x is AuditResult =>
  typeof x === 'object' && x !== null && typeof (x as AuditResult).source === 'string' && 'report' in x && Array.isArray((x as AuditResult).findings);

/**
 * The results a previous `--ndjson` run wrote, one at a time (the file is never held whole). Its
 * cross-year and roll-up lines are skipped (they are worked out again at the end), and so is a last line
 * cut short by the break: that input is audited again. A file not there yet is a run not started.
 */
export async function readResume(file: string, onResult: (result: AuditResult) => void): Promise<{ results: number; skipped: number } | string> {
  let results = 0;
  let skipped = 0;
  try {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        skipped++;
        continue;
      }
      if (isResult(value)) {
        results++;
        onResult(value);
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { results: 0, skipped: 0 };
    return `无法读取 ${file} / cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`;
  }
  return { results, skipped };
}
