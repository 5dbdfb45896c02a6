// natural's TfIdf, imported on its own (the package index loads dotenv), for the oracle benchmark.
declare module 'natural/lib/natural/tfidf/tfidf.js' {
  export default class TfIdf {
    addDocument(document: string | string[]): void;
    listTerms(d: number): { term: string; tfidf: number }[];
  }
}
