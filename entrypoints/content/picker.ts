/**
 * Selecting cells of the report's tables to add them up, as in a spreadsheet: drag across cells, click
 * one, shift-click to extend to a rectangle, ctrl/⌘-click to start another selection (two selections
 * also show their difference). Only listens: the page's cells are never changed — the selection is
 * drawn as boxes in Gouji's overlay, and the arithmetic is lib/selection/sums.ts.
 */
import { cellsInRange, summarizeSelections, type SelectionSums } from '../../lib/selection/sums';
import { HOST_TAG } from './overlay';

export class CellPicker {
  readonly doc: Document;
  private readonly isReportTable: (table: Element) => boolean;
  private readonly onChange: () => void;
  /** Each selection: its cells in page order. The last one is the one a drag or shift-click extends. */
  private groups: Element[][] = [];
  private anchor: Element | null = null;
  private dragging = false;
  private readonly cleanup: (() => void)[] = [];

  constructor(doc: Document, isReportTable: (table: Element) => boolean, onChange: () => void) {
    this.doc = doc;
    this.isReportTable = isReportTable;
    this.onChange = onChange;
    const win = doc.defaultView!;
    const down = (e: MouseEvent) => this.down(e);
    const over = (e: MouseEvent) => this.over(e);
    const up = () => {
      this.dragging = false;
    };
    // Capture: a page handler that stops the event on the way down must not hide it from us.
    doc.addEventListener('mousedown', down, true);
    doc.addEventListener('mouseover', over, true);
    win.addEventListener('mouseup', up, true);
    this.cleanup.push(() => {
      doc.removeEventListener('mousedown', down, true);
      doc.removeEventListener('mouseover', over, true);
      win.removeEventListener('mouseup', up, true);
    });
  }

  /** The cell under an event, if it is a cell of one of the report's tables. */
  private cellAt(e: Event): Element | null {
    const target = e.target instanceof Element ? e.target : null;
    if (!target || target.closest(HOST_TAG)) return null;
    const cell = target.closest('td, th');
    const table = cell?.closest('table');
    return cell && table && this.isReportTable(table) ? cell : null;
  }

  private range(from: Element, to: Element): Element[] {
    const table = from.closest('table');
    if (!table || to.closest('table') !== table) return [to];
    const own = Array.from(table.querySelectorAll('td, th')).filter((c) => c.closest('table') === table);
    return cellsInRange(
      own.map((cell) => ({ cell, box: cell.getBoundingClientRect() })),
      from.getBoundingClientRect(),
      to.getBoundingClientRect(),
    );
  }

  private down(e: MouseEvent): void {
    if (e.button !== 0) return;
    const cell = this.cellAt(e);
    if (!cell) return;
    const extend = e.shiftKey && this.anchor !== null;
    const another = (e.ctrlKey || e.metaKey) && this.groups.length > 0;
    if (extend || another) e.preventDefault(); // no text selection, no link opening in a new tab
    if (extend) this.groups[this.groups.length - 1] = this.range(this.anchor!, cell);
    else if (another) {
      this.groups.push([cell]);
      this.anchor = cell;
    } else if (this.groups.length === 1 && this.groups[0]!.length === 1 && this.groups[0]![0] === cell) {
      // A click on the one selected cell deselects it.
      this.clear();
      return;
    } else {
      this.groups = [[cell]];
      this.anchor = cell;
    }
    this.dragging = true;
    this.onChange();
  }

  private over(e: MouseEvent): void {
    if (!this.dragging || !this.anchor) return;
    if ((e.buttons & 1) === 0) {
      this.dragging = false;
      return;
    }
    const cell = this.cellAt(e);
    if (!cell) return;
    const next = this.range(this.anchor, cell);
    const last = this.groups[this.groups.length - 1];
    if (last && last.length === next.length && last.every((c, i) => c === next[i])) return;
    this.groups[this.groups.length - 1] = next;
    // Dragging across cells selects them, not the page's text.
    this.doc.getSelection()?.removeAllRanges();
    this.onChange();
  }

  /** Each selection's cells, still on the page. */
  selections(): readonly (readonly Element[])[] {
    return this.groups.map((g) => g.filter((c) => c.isConnected)).filter((g) => g.length > 0);
  }

  sums(): SelectionSums | null {
    const groups = this.selections();
    if (!groups.length) return null;
    return summarizeSelections(groups.map((g) => g.map((cell) => ({ key: cell, text: (cell as HTMLElement).innerText ?? cell.textContent ?? '' }))));
  }

  clear(): void {
    this.groups = [];
    this.anchor = null;
    this.dragging = false;
    this.onChange();
  }

  destroy(): void {
    for (const fn of this.cleanup.splice(0)) fn();
    this.groups = [];
  }
}
