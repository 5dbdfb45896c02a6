import { readFileSync } from 'node:fs';
import { kmeans } from 'ml-kmeans';
import { tfidfMatrix } from '../../activities/processing/tfidf';
import { fitSampleCentroids, assignNearest, inertia } from '../../activities/processing/kmeans-sample';
const n = Number(process.argv[2] ?? 30000);
const lines = readFileSync('/tmp/obs-100k-1.jsonl','utf8').split('\n').filter(Boolean).slice(0, n);
const kws = [...new Set(lines.map((l) => JSON.parse(l).keyword as string))];
const { matrix: m } = tfidfMatrix(kws);
for (const size of [500, 1000, 2000, 2000, 4000, 8000]) {
  for (const seed of [42, 7]) {
  const t = performance.now();
  const c = fitSampleCentroids(m, 10, seed, size);
  const lab = assignNearest(m, c);
  console.log('sample', size, 'seed', seed, 'ms', (performance.now() - t).toFixed(0), 'inertia', inertia(m, c, lab).toFixed(1));
  }
}
if (process.argv[3] === 'oracle') {
  const dense = Array.from({ length: m.rows }, (_, r) => { const row = new Array<number>(m.cols).fill(0); for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) row[m.indices[p]!] = m.data[p]!; return row; });
  for (const seed of [42, 7]) {
  const t = performance.now();
  const fit = kmeans(dense, 10, { seed, initialization: 'kmeans++', maxIterations: 300 });
  const w = new Float64Array(m.cols * 10); fit.centroids.forEach((ce, c) => ce.forEach((v, i) => (w[i * 10 + c] = v)));
  console.log('ml-kmeans full seed', seed, 'ms', (performance.now() - t).toFixed(0), 'iterations', fit.iterations, 'inertia', inertia(m, { k: 10, cols: m.cols, weights: w }, Int32Array.from(fit.clusters)).toFixed(1));
  }
}
