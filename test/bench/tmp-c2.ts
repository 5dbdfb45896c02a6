import { readFileSync } from 'node:fs';
import { kmeans } from 'ml-kmeans';
import { tfidfMatrix } from '../../activities/processing/tfidf';
import { sampleIndices } from '../../activities/processing/random';
const lines = readFileSync('/tmp/obs-100k-1.jsonl','utf8').split('\n').filter(Boolean).slice(0, 30000);
const kws = [...new Set(lines.map((l) => JSON.parse(l).keyword as string))];
let t = performance.now();
const { matrix: m } = tfidfMatrix(kws);
console.log('docs', kws.length, 'tfidf ms', (performance.now() - t).toFixed(0), 'nnz', m.data.length);
for (const size of [1000, 2000, 4000]) {
  const sample = Array.from(sampleIndices(m.rows, size, 42));
  const used = [...new Set(sample.flatMap((r) => Array.from(m.indices.subarray(m.indptr[r], m.indptr[r + 1]))))].sort((a, b) => a - b);
  const local = new Map(used.map((c, i) => [c, i]));
  const sparse = new WeakMap<number[], Int32Array>();
  const dense = sample.map((r) => { const row = new Array<number>(used.length).fill(0); const nz = [] as number[];
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) { row[local.get(m.indices[p]!)!] = m.data[p]!; nz.push(local.get(m.indices[p]!)!); }
    sparse.set(row, Int32Array.from(nz)); return row; });
  const norms = new WeakMap<number[], number>();
  const norm = (q: number[]) => { let n = norms.get(q); if (n === undefined) { n = 0; for (const v of q) n += v * v; norms.set(q, n); } return n; };
  const dist = (p: number[], q: number[]) => {
    const nz = sparse.get(p);
    if (!nz) { let s = 0; for (let i = 0; i < p.length; i++) { const d = p[i]! - q[i]!; s += d * d; } return s; }
    let dot = 0, pp = 0; for (const i of nz) { dot += p[i]! * q[i]!; pp += p[i]! * p[i]!; }
    return pp - 2 * dot + norm(q);
  };
  t = performance.now();
  const a = kmeans(dense, 10, { seed: 42, initialization: 'kmeans++', maxIterations: 100 });
  const t1 = performance.now() - t; t = performance.now();
  const b = kmeans(dense, 10, { seed: 42, initialization: 'kmeans++', maxIterations: 100, distanceFunction: dist });
  const t2 = performance.now() - t;
  const init = a.centroids.length;
  console.log(size, 'dims', used.length, 'dense', t1.toFixed(0), 'ms it', a.iterations, '| sparse-dist', t2.toFixed(0), 'ms it', b.iterations, init, a.clusters.every((c, i) => c === b.clusters[i]));
}
