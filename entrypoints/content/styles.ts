/**
 * The CSS of everything Gouji draws on a page, inside its shadow roots. Page CSS cannot reach into a
 * shadow root; the one element the page can see, the host, is reset with `all: initial !important`
 * (a shadow root's `!important` beats the page's `!important` for its host). px, never rem: rem would
 * scale with the page's <html> font size.
 *
 * Severity reads without colour: error = solid 3px frame + square badge ■, warning = dashed frame +
 * triangle ▲, info = dotted frame + circle ●. Under forced colors the frames take system colours and
 * keep their shapes.
 *
 * The CSS lives in .css files imported `?inline`: the build minifies it into one string (whitespace and
 * comments cost the content script's size budget), and the source stays readable.
 */
import host from './host.css?inline';
import panel from './panel.css?inline';

export const HOST_CSS: string = host;

export const PANEL_CSS: string = panel;
