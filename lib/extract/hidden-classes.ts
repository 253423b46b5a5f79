/**
 * The classes a page's <style> blocks hide on screen (.print-only{display:none}: a copy of the report
 * kept for printing), for the walk of a saved page (from-html.ts), which has no computed styles. The
 * live DOM asks the browser instead (from-dom.ts), so the content script does not bundle this.
 */
import { HIDDEN_STYLE, MAYBE_HIDDEN } from './walk-tree';

/** Stylesheet text read for hiding rules, at most (a page's own <style> blocks are far smaller). */
const MAX_STYLE_CHARS = 200_000;
const MEDIA_BLOCK = /@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;
const CSS_RULE = /([^{}]+)\{([^{}]*)\}/g;
const CLASS_SELECTOR = /^[a-z0-9]*\.([\w-]+)$/i;

/** Classes a <style> block hides on screen (.print-only{display:none}): a copy of the report kept for printing. */
export function hiddenClassesOf(css: string, into: Set<string>): void {
  const screen = css.slice(0, MAX_STYLE_CHARS).replace(/\/\*[\s\S]*?\*\/|<!--|-->/g, '').replace(MEDIA_BLOCK, '');
  for (const [, selectors, body] of screen.matchAll(CSS_RULE)) {
    if (!MAYBE_HIDDEN.test(body!) || !HIDDEN_STYLE.test(body!.trim())) continue;
    for (const selector of selectors!.split(',')) {
      const m = CLASS_SELECTOR.exec(selector.trim());
      if (m) into.add(m[1]!);
    }
  }
}

