/**
 * A PairStore on disk for a streamed (--ndjson) batch: each kept report and its text is appended to a
 * temporary file and read back by offset when its pair is compared, so memory stays flat over any count.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComparedInput } from '../lib/compare/compare';
import type { PairStore } from '../lib/compare/pairs';

export class SpillStore implements PairStore {
  private readonly dir = mkdtempSync(join(tmpdir(), 'gouji-pairs-'));
  private readonly fd = openSync(join(this.dir, 'kept.ndjson'), 'w+');
  private readonly at = new Map<string, [number, number]>();
  private end = 0;

  set(source: string, input: ComparedInput): void {
    const bytes = Buffer.from(JSON.stringify(input));
    writeSync(this.fd, bytes, 0, bytes.length, this.end);
    this.at.set(source, [this.end, bytes.length]);
    this.end += bytes.length;
  }

  get(source: string): ComparedInput | undefined {
    const where = this.at.get(source);
    if (!where) return undefined;
    const bytes = Buffer.alloc(where[1]);
    readSync(this.fd, bytes, 0, where[1], where[0]);
    return JSON.parse(bytes.toString('utf8')) as ComparedInput;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
