/**
 * The page side of an audit: walk the top document and every same-origin frame into PageDocs with the
 * one DOM adapter (lib/extract/from-dom.ts). Cross-origin frames cannot be read from here (nor, under
 * activeTab, injected into): they are listed so the panel can say what was not read.
 */
import { pageFromDomSliced } from '../../lib/extract/from-dom';
import type { ExtractedFrame, Extraction, FramePath, UnreadableFrame } from './protocol';

/** Frames nested deeper than this are not followed (a page framing itself). */
const MAX_FRAME_DEPTH = 4;

export function frameElements(doc: Document): HTMLIFrameElement[] | HTMLFrameElement[] {
  return Array.from(doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame')) as HTMLIFrameElement[];
}

/** The document of a frame when this script may read it, else null (cross-origin throws or gives null). */
export function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    // Touching documentElement proves access (some browsers hand out a document that throws later).
    return doc && doc.documentElement ? doc : null;
  } catch {
    return null;
  }
}

/** The document at a frame path, or null when it is gone or unreadable. */
export function documentAt(top: Document, path: FramePath): Document | null {
  let doc: Document | null = top;
  for (const i of path) {
    const frame: HTMLIFrameElement | HTMLFrameElement | undefined = doc ? frameElements(doc)[i] : undefined;
    doc = frame ? frameDocument(frame) : null;
    if (!doc) return null;
  }
  return doc;
}

function isBlankSrc(src: string): boolean {
  return src === '' || src === 'about:blank' || src.startsWith('javascript:');
}

/** Walks each readable frame in slices that yield to the page, so a 20 MB page stays responsive. */
export async function extract(top: Document, instance: string): Promise<Extraction> {
  const started = performance.now();
  const frames: ExtractedFrame[] = [];
  const unreadable: UnreadableFrame[] = [];
  const queue: { doc: Document; path: FramePath }[] = [{ doc: top, path: [] }];
  while (queue.length) {
    const { doc, path } = queue.shift()!;
    frames.push({ path, url: doc.location?.href ?? '', page: await pageFromDomSliced(doc) });
    if (path.length >= MAX_FRAME_DEPTH) continue;
    frameElements(doc).forEach((frame, i) => {
      const child = frameDocument(frame);
      const src = frame.getAttribute('src') ?? '';
      if (child) {
        // An empty about:blank frame holds nothing; skip it rather than audit an empty page.
        if (isBlankSrc(src) && !frame.hasAttribute('srcdoc') && !child.body?.childElementCount) return;
        queue.push({ doc: child, path: [...path, i] });
      } else if (!isBlankSrc(src) || frame.hasAttribute('srcdoc')) {
        const sandboxed = frame.hasAttribute('sandbox') && !/allow-same-origin/.test(frame.getAttribute('sandbox') ?? '');
        let absolute = src;
        try {
          absolute = new URL(src, doc.baseURI).href;
        } catch {
          // keep as written
        }
        unreadable.push({ path: [...path, i], src: absolute || '(srcdoc)', reason: sandboxed ? 'sandboxed' : 'cross-origin' });
      }
    });
  }
  return {
    instance,
    url: top.location.href,
    frames,
    unreadable,
    frameset: top.body?.localName === 'frameset',
    extractMs: Math.round(performance.now() - started),
  };
}
