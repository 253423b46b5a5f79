/**
 * Blank cells of tables 三 and 四 read as the value the relations imply (many pages leave every zero
 * blank). Propagates to a fixed point: a relation with one unknown term gives it; a relation whose known
 * terms already balance gives 0 to its unknowns on one side (counts are never negative). What stays
 * unknown, or is not a number, or is absent, makes the relations that use it uncheckable.
 */
import type { Recognition } from '../recognize/recognize';
import type { Relation } from '../model/relations';

export type TermState =
  | { kind: 'known'; value: number }
  | { kind: 'implied'; value: number }
  | { kind: 'blank' }
  | { kind: 'text' }
  | { kind: 'absent' };

export interface Solution {
  state(id: string): TermState;
  implied: Map<string, number>;
}

/** Sums without floating noise: counts are integers, amounts have few decimals. */
export function exactSum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

export function solveBlanks(recognition: Recognition, relations: Relation[]): Solution {
  const implied = new Map<string, number>();
  const state = (id: string): TermState => {
    const cell = recognition.cells.get(id);
    if (!cell) return { kind: 'absent' };
    if (cell.parsed.kind === 'number') return { kind: 'known', value: cell.parsed.value };
    if (cell.parsed.kind === 'text') return { kind: 'text' };
    const v = implied.get(id);
    return v === undefined ? { kind: 'blank' } : { kind: 'implied', value: v };
  };
  const valueOf = (s: TermState) => (s.kind === 'known' || s.kind === 'implied' ? s.value : null);

  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    for (const r of relations) {
      const left = r.left.map((id) => ({ id, s: state(id) }));
      const right = r.right.map((id) => ({ id, s: state(id) }));
      const all = [...left, ...right];
      if (all.some((x) => x.s.kind === 'text' || x.s.kind === 'absent')) continue;
      const unknownLeft = left.filter((x) => x.s.kind === 'blank');
      const unknownRight = right.filter((x) => x.s.kind === 'blank');
      const unknown = unknownLeft.length + unknownRight.length;
      if (unknown === 0) continue;
      const knownLeft = exactSum(left.map((x) => valueOf(x.s) ?? 0));
      const knownRight = exactSum(right.map((x) => valueOf(x.s) ?? 0));
      if (unknown === 1) {
        const solved = unknownLeft.length === 1 ? knownRight - knownLeft : knownLeft - knownRight;
        const target = (unknownLeft[0] ?? unknownRight[0])!;
        // Known terms already past the total: no count fills the blank, so it reads as 0 and the
        // relation check reports the broken sum.
        implied.set(target.id, Math.max(0, exactSum([solved])));
        changed = true;
        continue;
      }
      // Several unknowns on one side whose known terms already balance: each must be 0.
      if (knownLeft === knownRight && (unknownLeft.length === 0 || unknownRight.length === 0)) {
        for (const x of [...unknownLeft, ...unknownRight]) implied.set(x.id, 0);
        changed = true;
      }
    }
  }
  return { state, implied };
}
