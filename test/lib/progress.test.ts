/** The batch progress bar: drawn on a terminal, silent in pipes and CI. */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../cli/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, s: { isTTY, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream };
}

describe('Progress', () => {
  it('draws a bar with the count and the failures on a terminal, and ends the line', () => {
    const { written, s } = stream(true);
    const p = new Progress(3, s);
    p.tick(false);
    p.tick(true);
    p.tick(false);
    p.end();
    expect(written.join('')).toMatch(/\[#+-*\] 3\/3 {2}✖ 1/);
    expect(written.at(-1)).toBe('\n');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { written, s } = stream(false);
    const p = new Progress(3, s);
    p.tick(false);
    p.end();
    expect(written).toEqual([]);
  });
});
