/**
 * .doc and .wps (binary Word 97–2003) → text through word-extractor: best effort. The binary format
 * marks a cell's end and a row's end alike, so a table's rows cannot be told apart; each cell becomes
 * a paragraph of its own for the text path (lib/extract/from-text), which rebuilds what it can.
 */
export type DocRead = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'encrypted'; error: string };

interface WordExtractorClass {
  new (): { extract(source: Uint8Array): Promise<{ getBody(): string }> };
}

export async function readDoc(bytes: Uint8Array): Promise<DocRead> {
  try {
    const mod = (await import('word-extractor')) as unknown as { default?: WordExtractorClass };
    const Extractor = (mod.default ?? mod) as WordExtractorClass;
    const { Buffer } = await import('buffer');
    const doc = await new Extractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const text = doc
      .getBody()
      .replace(/\t+/g, '\n')
      .replace(/\n{3,}/g, '\n\n');
    return { ok: true, text };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return { ok: false, reason: /encrypt/i.test(message) ? 'encrypted' : 'damaged', error: message };
  }
}
