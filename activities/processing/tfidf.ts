// TF-IDF over keywords with the reference pipeline's TfidfVectorizer settings (test/bench/reference/pipeline.py):
// unigrams and bigrams, English stop words, at most 1,000 features (the most frequent terms), smooth idf, L2-normalised rows.
// natural tokenises and supplies the stop words; the weighting is our own sparse code because
// natural's TfIdf keeps one object per document and rescans every document per term (see
// docs/benchmarks.md), which does not scale to a million keywords.
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';

/** Compressed sparse rows: row r holds indices/data[indptr[r] … indptr[r+1]). */
export interface SparseMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

export interface TfidfResult {
  vocabulary: string[];
  idf: Float64Array;
  matrix: SparseMatrix;
}

// natural's WordTokenizer word characters, matched rather than split on: the same tokens, without
// the underscore.js pass that WordTokenizer makes to drop empty strings (4× faster here).
const tokenizer = new RegexpTokenizer({ pattern: /[A-Za-zА-Яа-я0-9_]+/g, gaps: false });
const stopwords = new Set(naturalStopwords);

/** Lower-cased word tokens of 2+ characters (as scikit-learn's token pattern), minus stop words. */
export function tokenize(text: string): string[] {
  return (tokenizer.tokenize(text.toLowerCase()) ?? []).filter((t) => t.length >= 2 && !stopwords.has(t));
}

/** Unigrams then bigrams of the remaining tokens (bigrams span removed stop words, as scikit-learn). */
export function keywordTerms(text: string): string[] {
  const tokens = tokenize(text);
  const terms = tokens.slice();
  for (let i = 0; i + 1 < tokens.length; i++) terms.push(`${tokens[i]} ${tokens[i + 1]}`);
  return terms;
}

export function tfidfMatrix(docs: readonly string[], maxFeatures = 1000): TfidfResult {
  // pass 1: intern every term, keep each document's term ids, count corpus frequencies
  const ids = new Map<string, number>();
  const names: string[] = [];
  let termFreq = new Float64Array(1024);
  let docFreq = new Float64Array(1024);
  const offsets = new Int32Array(docs.length + 1);
  let termIds = new Int32Array(Math.max(16, docs.length * 4));
  let used = 0;
  const lastDoc: number[] = [];
  for (let d = 0; d < docs.length; d++) {
    for (const term of keywordTerms(docs[d] ?? '')) {
      let id = ids.get(term);
      if (id === undefined) {
        id = names.length;
        ids.set(term, id);
        names.push(term);
        lastDoc.push(-1);
        if (id === termFreq.length) {
          termFreq = grow(termFreq);
          docFreq = grow(docFreq);
        }
      }
      termFreq[id]! += 1;
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        docFreq[id]! += 1;
      }
      if (used === termIds.length) termIds = grow(termIds);
      termIds[used++] = id;
    }
    offsets[d + 1] = used;
  }
  // keep the most frequent terms; ties by term so the vocabulary never depends on input order.
  // Only terms at least as frequent as the maxFeatures-th need the (slow, comparator) sort.
  const byFreq = termFreq.slice(0, names.length).sort();
  const floor = byFreq[Math.max(0, names.length - maxFeatures)] ?? 0;
  const kept = names
    .map((_, id) => id)
    .filter((id) => termFreq[id]! >= floor)
    .sort((a, b) => termFreq[b]! - termFreq[a]! || (names[a]! < names[b]! ? -1 : 1))
    .slice(0, maxFeatures)
    .sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  const column = new Int32Array(names.length).fill(-1);
  kept.forEach((id, col) => (column[id] = col));
  const idf = Float64Array.from(kept, (id) => Math.log((1 + docs.length) / (1 + docFreq[id]!)) + 1);
  return { vocabulary: kept.map((id) => names[id]!), idf, matrix: buildRows(docs.length, kept.length, offsets, termIds, column, idf) };
}

/** pass 2: per document, count kept terms, weight by idf, normalise to unit length. */
function buildRows(
  rows: number,
  cols: number,
  offsets: Int32Array,
  termIds: Int32Array,
  column: Int32Array,
  idf: Float64Array,
): SparseMatrix {
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(offsets[rows]!);
  const data = new Float64Array(offsets[rows]!);
  let nnz = 0;
  for (let r = 0; r < rows; r++) {
    const start = nnz;
    for (let p = offsets[r]!; p < offsets[r + 1]!; p++) {
      const col = column[termIds[p]!]!;
      if (col < 0) continue;
      let q = start;
      while (q < nnz && indices[q] !== col) q++;
      if (q === nnz) {
        indices[nnz] = col;
        data[nnz++] = 0;
      }
      data[q]! += 1;
    }
    let norm = 0;
    for (let q = start; q < nnz; q++) {
      data[q] = data[q]! * idf[indices[q]!]!;
      norm += data[q]! * data[q]!;
    }
    norm = Math.sqrt(norm);
    for (let q = start; q < nnz && norm > 0; q++) data[q] = data[q]! / norm;
    indptr[r + 1] = nnz;
  }
  return { rows, cols, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) };
}

function grow<T extends Float64Array | Int32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
