// k-means for sparse TF-IDF rows: ml-kmeans runs Lloyd's iterations on a bounded, seeded sample
// (with a distance that only visits a row's non-zeros), then every row goes to its nearest centroid.
// ml-kmeans alone is dense end to end (its k-means++ copies every row per candidate and trial), so
// the seeding is done here, sparse, the way scikit-learn does it (greedy k-means++, 2 + ln k trials).
import { kmeans } from 'ml-kmeans';
import { mulberry32, sampleIndices } from './random';
import type { SparseMatrix } from './tfidf';

/** A dense sample row that remembers where its non-zeros are, and its squared norm. */
type SampleRow = number[] & { nonZeros?: number[]; norm?: number };

/** k centroids over `cols` features, stored feature-major (weights[col * k + c]) for sparse dots. */
export interface Centroids {
  k: number;
  cols: number;
  weights: Float64Array;
}

export function fitSampleCentroids(m: SparseMatrix, k: number, seed: number, sampleSize: number): Centroids {
  const sample = Array.from(sampleIndices(m.rows, Math.min(sampleSize, m.rows), seed));
  // only the columns the sample uses: the others are zero in every sample row and every centroid
  const used = [...new Set(sample.flatMap((r) => Array.from(m.indices.subarray(m.indptr[r], m.indptr[r + 1]))))];
  const local = new Map(used.map((col, i) => [col, i]));
  const signatures = new Set<string>();
  const dense = sample.map((r) => {
    const row: SampleRow = new Array<number>(used.length).fill(0);
    const nz: number[] = [];
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) {
      nz.push(local.get(m.indices[p]!)!);
      row[nz.at(-1)!] = m.data[p]!;
    }
    row.nonZeros = nz;
    row.norm = nz.reduce((sum, i) => sum + row[i]! * row[i]!, 0);
    signatures.add(nz.map((i) => `${i}:${row[i]}`).join());
    return row;
  });
  // never more clusters than distinct rows, or k-means++ has nothing left to pick
  const clusters = Math.max(1, Math.min(k, signatures.size));
  const weights = new Float64Array(m.cols * clusters);
  if (used.length === 0) return { k: clusters, cols: m.cols, weights };
  // ml-kmeans calls distance(sample row, centre): visit the row's non-zeros only, and compute each
  // centre's norm once (ml-kmeans makes new centre arrays every iteration)
  const distance = (p: SampleRow, q: SampleRow): number => {
    const nz = p.nonZeros;
    if (!nz) return p.reduce((sum, v, i) => sum + (v - q[i]!) ** 2, 0);
    q.norm ??= q.reduce((sum, v) => sum + v * v, 0);
    let dot = 0;
    for (let j = 0; j < nz.length; j++) dot += p[nz[j]!]! * q[nz[j]!]!;
    return p.norm! - 2 * dot + q.norm;
  };
  const initial = seedCentres(dense, clusters, seed, distance).map((i) => dense[i]!.slice());
  const fit = kmeans(dense, clusters, { initialization: initial, distanceFunction: distance, maxIterations: 100 });
  fit.centroids.forEach((centre, c) => centre.forEach((v, i) => (weights[used[i]! * clusters + c] = v)));
  return { k: clusters, cols: m.cols, weights };
}

/** Greedy k-means++: each new centre is the best of a few D²-weighted draws. */
function seedCentres(rows: SampleRow[], k: number, seed: number, distance: (p: SampleRow, q: SampleRow) => number): number[] {
  const rand = mulberry32(seed ^ 0x9e3779b9);
  const trials = 2 + Math.floor(Math.log(k));
  const chosen = [Math.floor(rand() * rows.length)];
  let closest = rows.map((row) => distance(row, rows[chosen[0]!]!));
  while (chosen.length < k) {
    const total = closest.reduce((a, b) => a + b, 0);
    let best: { index: number; pot: number; dist: number[] } | null = null;
    for (let t = 0; t < trials; t++) {
      let target = rand() * total;
      let index = closest.findIndex((d) => (target -= d) < 0);
      if (index < 0) index = closest.findLastIndex((d) => d > 0);
      const dist = rows.map((row, i) => Math.min(closest[i]!, distance(row, rows[index]!)));
      const pot = dist.reduce((a, b) => a + b, 0);
      if (!best || pot < best.pot) best = { index, pot, dist };
    }
    chosen.push(best!.index);
    closest = best!.dist;
  }
  return chosen;
}

/** Nearest centroid per row: ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², and ‖x‖² is the same for every c. */
export function assignNearest(m: SparseMatrix, { k, weights }: Centroids): Int32Array {
  const norms = new Float64Array(k);
  for (let i = 0; i < weights.length; i++) norms[i % k]! += weights[i]! * weights[i]!;
  const label = new Int32Array(m.rows);
  const dots = new Float64Array(k);
  for (let r = 0; r < m.rows; r++) {
    dots.fill(0);
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) {
      const base = m.indices[p]! * k;
      const v = m.data[p]!;
      for (let c = 0; c < k; c++) dots[c]! += v * weights[base + c]!;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (norms[c]! - 2 * dots[c]! < norms[best]! - 2 * dots[best]!) best = c;
    label[r] = best;
  }
  return label;
}

/** Sum of squared distances of rows to their centroid (k-means' objective), to compare fits. */
export function inertia(m: SparseMatrix, { k, weights }: Centroids, label: Int32Array): number {
  const norms = new Float64Array(k);
  for (let i = 0; i < weights.length; i++) norms[i % k]! += weights[i]! * weights[i]!;
  let total = 0;
  for (let r = 0; r < m.rows; r++) {
    const c = label[r]!;
    total += norms[c]!;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) total += m.data[p]! * (m.data[p]! - 2 * weights[m.indices[p]! * k + c]!);
  }
  return total;
}
