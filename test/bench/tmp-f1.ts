import { readFileSync } from 'node:fs';
import { RandomForestRegression } from 'ml-random-forest';
import { trainForest, predictForest } from '../../activities/ml/forest';
import { shuffledIndices } from '../../activities/processing/random';
const file = process.argv[2]!; const limit = Number(process.argv[3] ?? 1e9); const oracle = process.argv[4] === 'oracle';
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, limit).map((l) => JSON.parse(l));
const n = rows.length; const perm = shuffledIndices(n, 42); const nTest = Math.ceil(n * 0.2);
const test = perm.subarray(0, nTest), train = perm.subarray(nTest);
const feats = ['search_volume', 'competition', 'cpc', 'trend_score'];
const cols = feats.map((f) => Float64Array.from(train, (i) => rows[i][f]));
const y = Float64Array.from(train, (i) => rows[i].search_volume);
const r2 = (pred: ArrayLike<number>) => { const yt = Array.from(test, (i) => rows[i].search_volume as number); const m = yt.reduce((a, b) => a + b, 0) / yt.length; let ss = 0, st = 0; yt.forEach((v, j) => { ss += (v - pred[j]!) ** 2; st += (v - m) ** 2; }); return { mse: ss / yt.length, r2: 1 - ss / st }; };
const nTrees = Number(process.env.TREES ?? 100);
let t = performance.now();
const f = trainForest(cols, y, { nTrees });
const tt = performance.now() - t;
const pred = Array.from(test, (i) => predictForest(f, feats.map((k) => rows[i][k])));
console.log('ours', n, 'trees', nTrees, 'train ms', tt.toFixed(0), r2(pred), 'nodes', f.trees[0]!.value.length);
if (oracle) {
  const X = Array.from(train, (i) => feats.map((k) => rows[i][k] as number));
  t = performance.now();
  const rf = new RandomForestRegression({ nEstimators: nTrees, seed: 42, maxFeatures: 1.0, replacement: false, useSampleBagging: true, noOOB: true, treeOptions: { maxDepth: 10 } });
  rf.train(X, Array.from(y));
  const t2 = performance.now() - t;
  const p2 = rf.predict(Array.from(test, (i) => feats.map((k) => rows[i][k] as number)));
  console.log('ml-random-forest train ms', t2.toFixed(0), r2(p2));
}
