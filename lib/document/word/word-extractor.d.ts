/** word-extractor ships no types: the part Gouji uses. */
declare module 'word-extractor' {
  export default class WordExtractor {
    extract(source: Uint8Array | string): Promise<{ getBody(): string }>;
  }
}
