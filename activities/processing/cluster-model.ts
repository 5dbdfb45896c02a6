// Clusters fitted once and applied anywhere: for sharded processing, the TF-IDF vocabulary and idf, the k-means
// centroids and the clusters' ids and labels all come from one sample of a day's distinct keywords
// (fitClusterModel); each shard then assigns its own keywords with the stored model (assignClusters), so
// every worker gives a keyword the same cluster. Beside clustering.ts (which fits over every keyword of a
// batch) the only difference is sampling: idf, term ranking, cluster order and labels are the sample's.
import { summarise } from './clustering';
import { assignNearest, fitSampleCentroids, type Centroids } from './kmeans-sample';
import { keywordTerms, tfidfMatrix, type SparseMatrix } from './tfidf';
import type { ClusterSummary } from './types';

/** Plain JSON (stored in cluster_models) so a shard activity loads it by id. */
export interface ClusterModel {
  vocabulary: string[];
  idf: number[];
  /** k-means centroids in cluster-id order (by size in the sample; none without a sample keyword), feature-major: weights[col · k + id]. */
  k: number;
  weights: number[];
  /** Ids, labels and top terms from the sample; size is the sample's until the shards' counts replace it. */
  clusters: ClusterSummary[];
}

export interface ClusterFitOptions {
  k?: number;
  seed?: number;
  /** Sample keywords the centroids are fitted on (kmeans-sample.ts); the vocabulary uses the whole sample. */
  centroidSample?: number;
}

export function fitClusterModel(sample: readonly string[], options: ClusterFitOptions = {}): ClusterModel {
  const { k = 10, seed = 42, centroidSample = 1000 } = options;
  const distinct = [...new Set(sample)];
  if (distinct.length === 0) return { vocabulary: [], idf: [], k: 0, weights: [], clusters: [] };
  const { vocabulary, idf, matrix } = tfidfMatrix(distinct, 1000);
  const centroids = fitSampleCentroids(matrix, k, seed, centroidSample);
  const { order, clusters } = summarise(matrix, assignNearest(matrix, centroids), centroids.k, vocabulary);
  // keep the centroids that name a cluster, renumbered to their ids: a keyword's nearest is then its id
  const kept = clusters.length;
  const weights = new Array<number>(vocabulary.length * kept).fill(0);
  order.forEach((id, c) => {
    if (id < 0) return;
    for (let col = 0; col < vocabulary.length; col++) weights[col * kept + id] = centroids.weights[col * centroids.k + c]!;
  });
  return { vocabulary, idf: Array.from(idf), k: kept, weights, clusters };
}

/** TF-IDF rows of keywords over a fixed vocabulary and idf: raw counts × idf, L2-normalised (tfidf.ts's weighting). */
export function vectorize(keywords: readonly string[], vocabulary: readonly string[], idf: ArrayLike<number>): SparseMatrix {
  const column = new Map(vocabulary.map((term, col) => [term, col]));
  const indptr = new Int32Array(keywords.length + 1);
  const indices: number[] = [];
  const data: number[] = [];
  keywords.forEach((keyword, r) => {
    const counts = new Map<number, number>();
    for (const term of keywordTerms(keyword)) {
      const col = column.get(term);
      if (col !== undefined) counts.set(col, (counts.get(col) ?? 0) + 1);
    }
    let norm = 0;
    for (const [col, count] of counts) norm += (count * idf[col]!) ** 2;
    norm = Math.sqrt(norm);
    for (const [col, count] of counts) {
      indices.push(col);
      data.push((count * idf[col]!) / norm);
    }
    indptr[r + 1] = indices.length;
  });
  return { rows: keywords.length, cols: vocabulary.length, indptr, indices: Int32Array.from(indices), data: Float64Array.from(data) };
}

/** Each keyword's cluster id under a fitted model: its nearest centroid. */
export function assignClusters(model: ClusterModel, keywords: readonly string[]): Int32Array {
  if (model.k === 0) return new Int32Array(keywords.length).fill(-1);
  const centroids: Centroids = { k: model.k, cols: model.vocabulary.length, weights: Float64Array.from(model.weights) };
  return assignNearest(vectorize(keywords, model.vocabulary, model.idf), centroids);
}
