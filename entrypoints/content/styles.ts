/**
 * The CSS of everything Gouji draws on a page, inside its shadow roots. Page CSS cannot reach into a
 * shadow root; the one element the page can see, the host, is reset with `all: initial !important`
 * (a shadow root's `!important` beats the page's `!important` for its host). px, never rem: rem would
 * scale with the page's <html> font size.
 *
 * Severity reads without colour: error = solid 3px frame + square badge ■, warning = dashed frame +
 * triangle ▲, info = dotted frame + circle ●. Under forced colors the frames take system colours and
 * keep their shapes.
 */
export const HOST_CSS = `
:host {
  all: initial !important;
  position: absolute !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
  display: block !important;
  visibility: visible !important;
  contain: none !important;
}
.marks { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.mark {
  position: absolute;
  box-sizing: border-box;
  pointer-events: none;
  border: 3px solid #c62828;
  background: rgba(198, 40, 40, 0.10);
  box-shadow: 0 0 0 1px #fff, inset 0 0 0 1px #fff;
}
.mark.warning { border: 3px dashed #b45309; background: rgba(245, 158, 11, 0.12); }
.mark.info { border: 2px dotted #1d4ed8; background: rgba(29, 78, 216, 0.06); }
.mark .badge {
  position: absolute;
  top: 0;
  left: 0;
  width: 12px;
  height: 12px;
  font: bold 8px/12px system-ui, sans-serif;
  text-align: center;
  color: #fff;
  background: #c62828;
}
.mark.warning .badge { background: transparent; color: #b45309; font-size: 12px; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.mark.info .badge { border-radius: 50%; background: #1d4ed8; }
.mark.related {
  border: 2px dashed #6d28d9;
  background: rgba(109, 40, 217, 0.10);
}
.mark.pick { border: 2px solid #0969da; background: rgba(9, 105, 218, 0.14); box-shadow: none; }
.mark.pick2 { border: 2px solid #1a7f37; background: rgba(26, 127, 55, 0.14); box-shadow: none; }
.mark.selected { z-index: 1; outline: 2px solid #111; outline-offset: 1px; animation: gouji-pulse 0.9s ease-out 2; }
.mark .tag {
  position: absolute;
  top: 50%;
  left: calc(100% + 6px);
  transform: translateY(-50%);
  white-space: nowrap;
  font: 12px/18px system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif;
  padding: 0 6px;
  color: #fff;
  background: #111;
  border-radius: 3px;
}
/* Placed by overlay.ts tagSide(): in the table's margin (margin-end, margin-start; left/right set
   inline, a leader line to the cell), else beside the cell (end, start), else below (below, below-end), else above. */
.mark .leader { position: absolute; top: 50%; border-top: 1px dashed #111; }
.mark .tag.start { left: auto; right: calc(100% + 14px); }
.mark .tag.below { top: calc(100% + 4px); left: -3px; transform: none; }
.mark .tag.below-end { top: calc(100% + 4px); left: auto; right: -3px; transform: none; }
.mark .tag.above { top: auto; bottom: calc(100% + 4px); left: -3px; transform: none; }
@keyframes gouji-pulse { from { outline-offset: 10px; } to { outline-offset: 1px; } }
@media (prefers-reduced-motion: reduce) { .mark.selected { animation: none; } }
@media (forced-colors: active) {
  .mark, .mark .badge, .mark .tag, .mark .leader { forced-color-adjust: none; }
  .mark .leader { border-top-color: CanvasText; }
  .mark { border-color: Highlight; background: transparent; box-shadow: none; }
  .mark.warning { border-color: Highlight; }
  .mark.info { border-color: CanvasText; }
  .mark.related { border-color: LinkText; }
  .mark.pick, .mark.pick2 { border-color: Highlight; border-style: double; border-width: 4px; }
  .mark.selected { outline-color: CanvasText; }
  .mark .badge { background: Highlight; color: HighlightText; }
  .mark.warning .badge { background: transparent; color: Highlight; text-shadow: none; }
  .mark .tag { background: Canvas; color: CanvasText; border: 1px solid CanvasText; }
}
`;

export const PANEL_CSS = `
.panel {
  position: fixed;
  top: 12px;
  right: 12px;
  width: 380px;
  max-width: calc(100vw - 24px);
  max-height: calc(100vh - 24px);
  display: flex;
  flex-direction: column;
  box-sizing: border-box;
  pointer-events: auto;
  font: 13px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif;
  color: #1f2328;
  background: #fff;
  border: 1px solid #8b1a1a;
  border-top: 4px solid #8b1a1a;
  border-radius: 6px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  text-align: left;
  direction: ltr;
  letter-spacing: normal;
}
.panel.left { right: auto; left: 12px; }
.panel.collapsed { width: auto; max-width: min(380px, calc(100vw - 24px)); }
.panel .why { margin: 0; padding: 4px 10px 8px; font-size: 12px; color: #57606a; }
.panel * { box-sizing: border-box; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid #e5e7eb; }
header h2 { flex: 1; margin: 0; font-size: 14px; font-weight: 600; color: #8b1a1a; }
button {
  font: inherit;
  color: inherit;
  background: #f6f8fa;
  border: 1px solid #d0d7de;
  border-radius: 4px;
  padding: 2px 8px;
  cursor: pointer;
}
button:hover { background: #eef1f4; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
button.primary { color: #fff; background: #8b1a1a; border-color: #8b1a1a; }
.body { overflow-x: hidden; overflow-y: auto; padding: 8px 10px 10px; }
dl.meta { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
dl.meta dt { color: #57606a; }
dl.meta dd { margin: 0; word-break: break-all; }
.counts { display: flex; gap: 12px; margin: 0 0 8px; padding: 6px 8px; background: #f6f8fa; border-radius: 4px; }
.count { display: inline-flex; align-items: center; gap: 4px; }
.sev { display: inline-block; width: 14px; flex: none; text-align: center; font-size: 12px; line-height: 1; }
.sev.error { color: #c62828; }
.sev.warning { color: #b45309; }
.sev.info { color: #1d4ed8; }
.note { overflow-wrap: anywhere; margin: 0 0 8px; padding: 6px 8px; border-left: 3px solid #b45309; background: #fff8e6; }
.note.bad { border-left-color: #c62828; background: #fdecec; }
.note.good { border-left-color: #1a7f37; background: #e9f7ee; }
h3 { margin: 10px 0 4px; font-size: 13px; font-weight: 600; }
h3 code { font: 11px ui-monospace, monospace; color: #57606a; font-weight: normal; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 4px; }
.finding {
  display: flex;
  gap: 6px;
  width: 100%;
  text-align: left;
  background: #fff;
  border: 1px solid #d0d7de;
  padding: 4px 6px;
  white-space: normal;
  word-break: break-word;
}
.finding[aria-pressed='true'] { border-color: #111; background: #fffbe6; box-shadow: inset 3px 0 0 #111; }
.finding:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.keys { margin: 0 0 4px; font-size: 12px; color: #57606a; }
.sums { display: flex; align-items: center; gap: 8px; padding: 6px 10px; border-top: 1px solid #e5e7eb; background: #f6f8fa; font-size: 12px; }
.sums p { flex: 1; margin: 0; display: flex; flex-wrap: wrap; gap: 2px 10px; }
.sums .hint { color: #57606a; }
.sums [data-sum] { font-weight: 600; }
.sums [data-non-numeric] { color: #9a4a00; }
.details { margin: 2px 0 6px 20px; font-size: 12px; color: #57606a; }
.details ul { list-style: disc; padding-left: 16px; }
iframe.attachment { display: block; width: 100%; height: 28px; margin: 0 0 8px; border: 0; }
details > summary { cursor: pointer; margin: 8px 0 4px; font-weight: 600; }
footer { display: flex; gap: 8px; justify-content: flex-end; padding: 8px 10px; border-top: 1px solid #e5e7eb; }
@media (forced-colors: active) {
  .panel { border-color: CanvasText; }
  .finding[aria-pressed='true'] { outline: 2px solid Highlight; }
}
`;
