// Clusters of similar keywords: TF-IDF over the distinct keywords, k-means fitted on a bounded sample
// and every keyword assigned to its nearest centroid (kmeans-sample.ts), ids ordered by cluster size
// and a readable label from each cluster's strongest terms.
import { assignNearest, fitSampleCentroids } from './kmeans-sample';
import { tfidfMatrix, type SparseMatrix } from './tfidf';
import type { ClusterSummary } from './types';

export interface ClusterOptions {
  /** Requested clusters (10 by default, as the reference pipeline); never more than the distinct keywords. */
  k?: number;
  seed?: number;
  /** Distinct keywords the centroids are fitted on (inertia within ~1 % of fitting all: docs/benchmarks.md). */
  sampleSize?: number;
  maxFeatures?: number;
}

export interface ClusterResult {
  /** Cluster id of each input keyword (duplicates share one); -1 only for an empty input. */
  assignments: Int32Array;
  clusters: ClusterSummary[];
}

export function clusterKeywords(keywords: readonly string[], options: ClusterOptions = {}): ClusterResult {
  const { k = 10, seed = 42, sampleSize = 1000, maxFeatures = 1000 } = options;
  const distinct = new Map<string, number>();
  const docOf = Int32Array.from(keywords, (kw) => {
    let d = distinct.get(kw);
    if (d === undefined) distinct.set(kw, (d = distinct.size));
    return d;
  });
  if (distinct.size === 0) return { assignments: docOf.fill(-1), clusters: [] };
  const { vocabulary, matrix } = tfidfMatrix([...distinct.keys()], maxFeatures);
  const centroids = fitSampleCentroids(matrix, k, seed, sampleSize);
  const label = assignNearest(matrix, centroids);
  const { order, clusters } = summarise(matrix, label, centroids.k, vocabulary);
  return { assignments: docOf.map((d) => order[label[d]!]!), clusters };
}

/** Ids by size (largest first, empty clusters dropped); labels from each cluster's mean TF-IDF row. */
export function summarise(m: SparseMatrix, label: Int32Array, k: number, vocabulary: string[]) {
  const size = new Float64Array(k);
  const weight = new Float64Array(k * m.cols);
  for (let r = 0; r < m.rows; r++) {
    const c = label[r]!;
    size[c]! += 1;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) weight[c * m.cols + m.indices[p]!]! += m.data[p]!;
  }
  const ranked = [...size.keys()].filter((c) => size[c]! > 0).sort((a, b) => size[b]! - size[a]! || a - b);
  const order = new Int32Array(k).fill(-1);
  ranked.forEach((c, id) => (order[c] = id));
  const clusters = ranked.map((c, id) => {
    const terms = [...vocabulary.keys()]
      .filter((t) => weight[c * m.cols + t]! > 0)
      .sort((a, b) => weight[c * m.cols + b]! - weight[c * m.cols + a]! || a - b)
      .slice(0, 5)
      .map((t) => vocabulary[t]!);
    return { id, label: readableLabel(terms), topTerms: terms, size: size[c]! };
  });
  return { order, clusters };
}

/** Up to three top terms, skipping any whose words are all in terms already shown. */
export function readableLabel(topTerms: readonly string[]): string {
  const shown = new Set<string>();
  const parts: string[] = [];
  for (const term of topTerms) {
    const words = term.split(' ');
    if (words.every((w) => shown.has(w))) continue;
    words.forEach((w) => shown.add(w));
    parts.push(term);
    if (parts.length === 3) break;
  }
  return parts.length > 0 ? parts.join(', ') : '(no distinctive terms)';
}
