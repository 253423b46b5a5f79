/**
 * One audit's presence on a page: the marks (one overlay layer per document that holds marked cells)
 * and the panel (in the top document's layer). Created per injection; a new injection destroys the
 * previous controller first, so running twice never doubles anything.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { findCellElement } from '../../lib/extract/from-dom';
import type { Finding } from '../../lib/model/schema';
import { documentAt } from './extract';
import { listenPanelKeys } from './keys';
import { Layer, type Box, type MarkKind } from './overlay';
import { Panel } from './Panel';
import { CellPicker } from './picker';
import { openingPlacement, type Band, type Side } from './placement';
import type { PanelPlacement, TabAudit, ToBackground } from './protocol';
import { rectInTop, revealCell, viewportSize } from './scroll';
import { PANEL_CSS } from './styles';

export class Controller {
  readonly instance: string;
  private readonly top: Document;
  private audit: TabAudit | null = null;
  private topLayer: Layer | null = null;
  private frameLayer: Layer | null = null;
  private panelRoot: HTMLElement | null = null;
  private selected: string | null = null;
  private side: Side = 'right';
  private collapsed = false;
  /** The panel keeps to this band of the window while the selected cell needs the rest. */
  private band: Band | null = null;
  /** Opened collapsed because open it would cover this many marks. */
  private hiddenMarks = 0;
  private panelOpen = true;
  private readonly elements = new Map<string, Element>();
  private missing = new Set<string>();
  /** Cells the reviewer selects to add up (while the panel is shown). */
  private picker: CellPicker | null = null;
  /** The finding the keyboard is on. */
  private current: string | null = null;
  private stopKeys: (() => void) | null = null;

  constructor(top: Document, instance: string) {
    this.top = top;
    this.instance = instance;
  }

  get runId(): string | null {
    return this.audit?.runId ?? null;
  }

  /** The cell's element in the report's document, re-found when the page replaced it. */
  private cell(id: string): Element | null {
    const known = this.elements.get(id);
    if (known?.isConnected) return known;
    const audit = this.audit;
    const source = audit?.main.sources[id];
    const doc = audit ? documentAt(this.top, audit.main.path) : null;
    const el = source && doc ? findCellElement(doc, source) : null;
    if (el) this.elements.set(id, el);
    else this.elements.delete(id);
    return el;
  }

  /** Draws the marks and the panel; returns how many cells were marked and where the panel is. */
  show(audit: TabAudit, openPanel: boolean): { marked: number; panel: PanelPlacement } {
    if (this.audit?.runId !== audit.runId) {
      this.selected = null;
      this.elements.clear();
    }
    this.audit = audit;
    if (openPanel) this.panelOpen = true;
    if (!this.topLayer) {
      this.topLayer = new Layer(this.top, PANEL_CSS);
      this.panelRoot = this.top.createElement('div');
      this.topLayer.root.append(this.panelRoot);
      this.stopKeys = listenPanelKeys(this.topLayer.root, {
        select: (id) => this.select(id),
        move: (id) => this.moveTo(id),
        close: () => this.closePanel(),
      });
    }
    const doc = documentAt(this.top, audit.main.path);
    if (audit.main.path.length > 0 && doc && !this.frameLayer) this.frameLayer = new Layer(doc);
    if (doc && this.picker?.doc !== doc) {
      this.picker?.destroy();
      this.picker = new CellPicker(doc, (table) => this.panelOpen && this.reportTables().has(table), () => {
        this.drawMarks(false);
        this.renderPanel();
      });
    }
    this.missing = new Set(Object.keys(audit.labels).filter((c) => audit.main.sources[c] && !this.cell(c)));
    const drawn = this.drawMarks();
    if (openPanel) this.placeOnOpening();
    this.renderPanel();
    this.placeTags();
    return { marked: drawn, panel: { side: this.side, collapsed: this.collapsed, hiddenMarks: this.hiddenMarks } };
  }

  /** Beside the report, clear of every mark, when the window has room; else collapsed, saying why. */
  private placeOnOpening(): void {
    const audit = this.audit;
    if (!audit) return;
    const marks = audit.marks.map((m) => this.cell(m.cell)).filter((el): el is Element => el !== null).map(rectInTop);
    const placement = openingPlacement(marks, viewportSize(this.top).width);
    this.side = placement.side;
    this.collapsed = placement.collapsed;
    this.hiddenMarks = placement.hiddenMarks;
    this.band = null;
  }

  /** The selected cell's tag keeps out from under the panel: tell each layer where the panel is. */
  private placeTags(): void {
    const panel = () => this.panelRect();
    if (this.topLayer) this.topLayer.avoid = panel;
    const frame = this.frameLayer;
    if (frame) {
      // The frame's viewport is offset from the top one by the frames around it.
      frame.avoid = () => {
        const p = panel();
        if (!p) return null;
        const root = frame.doc.documentElement;
        const inTop = rectInTop(root);
        const own = root.getBoundingClientRect();
        const dx = inTop.left - own.left;
        const dy = inTop.top - own.top;
        return { left: p.left - dx, right: p.right - dx, top: p.top - dy, bottom: p.bottom - dy };
      };
    }
  }

  private markLayer(): Layer | null {
    return this.audit && this.audit.main.path.length > 0 ? this.frameLayer : this.topLayer;
  }

  private selectedFinding(): Finding | undefined {
    return this.audit?.main.result.findings.find((f) => f.id === this.selected);
  }

  /** The tables that hold the report's cells: the ones whose cells can be selected and added up. */
  private reportTables(): Set<Element> {
    const tables = new Set<Element>();
    for (const id of Object.keys(this.audit?.main.sources ?? {})) {
      const table = this.cell(id)?.closest('table');
      if (table) tables.add(table);
    }
    return tables;
  }

  /** `observe`: also watch the marked tables for resizes (once per audit shown, not per selection). */
  private drawMarks(observe = true): number {
    const audit = this.audit;
    const layer = this.markLayer();
    if (!audit || !layer) return 0;
    const target = (id: string) => () => this.cell(id);
    const finding = this.selectedFinding();
    const inFocus = new Set(finding?.cells ?? []);
    const boxes: Box[] = audit.marks.filter((m) => !inFocus.has(m.cell)).map((m) => ({ target: target(m.cell), kind: m.severity }));
    if (finding) {
      const subjects = new Set(audit.subjects[finding.id ?? ''] ?? []);
      const numbers = audit.numbers[finding.id ?? ''];
      let tagged = false;
      for (const c of finding.cells) {
        const subject = subjects.has(c);
        const box: Box = { target: target(c), kind: subject ? (finding.severity as MarkKind) : 'related', selected: subject };
        if (subject && !tagged && numbers && finding.actual !== undefined) {
          box.tag = numbers;
          box.tagShort = audit.expectedOnly[finding.id ?? ''];
          tagged = true;
        }
        boxes.push(box);
      }
    }
    // The reviewer's selection, drawn last: on top of the marks, never on the page's cells.
    (this.picker?.selections() ?? []).forEach((cells, i) => {
      for (const cell of cells) boxes.push({ target: () => (cell.isConnected ? cell : null), kind: i === 0 ? 'pick' : 'pick2' });
    });
    const tables = new Set<Element>();
    for (const m of observe ? audit.marks : []) {
      const table = this.cell(m.cell)?.closest('table');
      if (table) tables.add(table);
    }
    layer.setBoxes(boxes, [...tables]);
    return boxes.filter((b) => b.target()).length;
  }

  private renderPanel(): void {
    if (!this.panelRoot || !this.audit) return;
    if (!this.panelOpen) {
      render(null, this.panelRoot);
      return;
    }
    render(
      <Panel
        audit={this.audit}
        selected={this.selected}
        side={this.side}
        collapsed={this.collapsed}
        band={this.band}
        hiddenMarks={this.hiddenMarks}
        missingCells={this.missing}
        current={this.current}
        sums={this.picker?.sums() ?? null}
        onSelect={(id) => this.select(id)}
        onClear={() => this.clear(true)}
        onClearSelection={() => this.picker?.clear()}
        onToggle={() => {
          this.collapsed = !this.collapsed;
          this.band = null;
          this.renderPanel();
        }}
      />,
      this.panelRoot,
    );
  }

  private panelRect(): DOMRect | null {
    return this.panelRoot?.querySelector('.panel')?.getBoundingClientRect() ?? null;
  }

  /** The keyboard moved to a finding: it takes the Tab stop and the focus. */
  private moveTo(id: string): void {
    this.current = id;
    this.renderPanel();
    this.panelRoot?.querySelector<HTMLElement>(`.finding[data-finding="${CSS.escape(id)}"]`)?.focus();
    this.keepSelectedInPanel(id);
  }

  /** Esc: the panel goes (the marks stay; the popup opens it again), and with it the selection. */
  private closePanel(): void {
    this.panelOpen = false;
    this.picker?.clear();
    this.renderPanel();
  }

  /** Selects a finding (again: deselects), highlights its relation and scrolls its cell into view. */
  select(id: string | null): void {
    this.selected = this.selected === id ? null : id;
    if (id !== null) this.current = id;
    this.drawMarks();
    this.renderPanel();
    const finding = this.selectedFinding();
    if (!finding || !this.audit) return;
    const subjects = this.audit.subjects[finding.id ?? ''] ?? [];
    const first = [...subjects, ...finding.cells].map((c) => this.cell(c)).find((el): el is Element => el !== null);
    if (!first) return;
    // Measure the panel at full height: a band chosen for the previous cell may not suit this one.
    if (this.band) {
      this.band = null;
      this.renderPanel();
    }
    const outcome = revealCell(first, this.top, this.panelRect(), this.side);
    if (outcome.side !== this.side || outcome.band) {
      this.side = outcome.side;
      this.band = outcome.band;
      this.renderPanel();
      this.keepSelectedInPanel();
    }
    // Scrolling may have moved cells inside inner scrollers: place the boxes again.
    this.topLayer?.draw();
    this.frameLayer?.draw();
  }

  /** The panel moved or shrank: scroll its own list (never the page) so the selected finding shows. */
  private keepSelectedInPanel(id = this.selected): void {
    const body = this.panelRoot?.querySelector<HTMLElement>('.panel .body');
    const item = id ? body?.querySelector<HTMLElement>(`.finding[data-finding="${CSS.escape(id)}"]`) : null;
    if (!body || !item) return;
    const b = body.getBoundingClientRect();
    const r = item.getBoundingClientRect();
    if (r.top < b.top) body.scrollTop -= b.top - r.top;
    else if (r.bottom > b.bottom) body.scrollTop += Math.min(r.top - b.top, r.bottom - b.bottom);
  }

  /** Removes marks and panel. `notify`: the user (or a navigation) cleared it, so the stored result goes too. */
  clear(notify: boolean): void {
    if (this.panelRoot) render(null, this.panelRoot);
    this.panelRoot = null;
    this.stopKeys?.();
    this.stopKeys = null;
    this.picker?.destroy();
    this.picker = null;
    this.current = null;
    this.topLayer?.destroy();
    this.frameLayer?.destroy();
    this.topLayer = null;
    this.frameLayer = null;
    this.audit = null;
    this.selected = null;
    this.elements.clear();
    if (notify) {
      const message: ToBackground = { type: 'gouji:cleared' };
      browser.runtime.sendMessage(message).catch(() => {
        // The extension was reloaded or updated: nothing is stored for this page any more anyway.
      });
    }
  }
}
