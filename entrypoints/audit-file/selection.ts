/**
 * Selection sums in the report view (issue 16): the reviewer selects cells of the redrawn tables — drag,
 * click, shift-click, ctrl/⌘-click — and gets count, sum, difference of two selections, non-number cells
 * counted apart; the same picker and arithmetic as the panel on a page. The tables here are Gouji's own,
 * so the selection is drawn as classes on their cells.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SelectionSums } from '../../lib/selection/sums';
import { CellPicker } from '../content/picker';

const CLASSES = ['pick', 'pick2'];

export function useCellPicker(tables: RefObject<HTMLElement | null>): { sums: SelectionSums | null; clear(): void } {
  const [sums, setSums] = useState<SelectionSums | null>(null);
  const picker = useRef<CellPicker | null>(null);
  useEffect(() => {
    const p = new CellPicker(document, (table) => tables.current?.contains(table) ?? false, () => {
      const root = tables.current;
      root?.querySelectorAll('.pick, .pick2').forEach((c) => c.classList.remove(...CLASSES));
      p.selections().forEach((cells, i) => cells.forEach((c) => c.classList.add(CLASSES[Math.min(i, 1)]!)));
      setSums(p.sums());
    });
    picker.current = p;
    return () => p.destroy();
  }, []);
  return { sums, clear: () => picker.current?.clear() };
}
