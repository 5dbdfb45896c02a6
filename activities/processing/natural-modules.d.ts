// natural's index pulls in storage back-ends that load dotenv and print on import; we import only
// the two CommonJS files we use, which have no types of their own.
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps: boolean });
    /** With gaps: false, the matches of the pattern, or null when there are none. */
    tokenize(text: string): string[] | null;
  }
}

declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
