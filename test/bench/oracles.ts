// The figures behind replacing library steps (docs/benchmarks.md): each library against our code
// on the newest day of a dataset, for time and quality.
//
//   npx tsx test/bench/oracles.ts --input FILE.jsonl [--keywords 10000] [--rows 4000] [--repeats 5]
//                                 [--sklearn-split FILE.json]
//
// - TF-IDF: natural's TfIdf fed the same unigrams and bigrams (one object per document, every idf a
//   scan of all documents) against tfidfMatrix.
// - k-means: ml-kmeans on every distinct keyword (dense rows) against the sample fit + assignment,
//   compared by inertia (the k-means objective) over all keywords.
// - forest: ml-random-forest (3 trees, depth 10, noOOB) against trainForest on the same rows
//   (--repeats disjoint slices of --rows), with the reference's target (search_volume), by R² on the same held-out 20 %.
// - with --sklearn-split (the train/test indices of scikit-learn's train_test_split on the newest
//   day, written by `test/bench/reference/pipeline.py --split-out`): our 100-tree forest on exactly that
//   split, to set against the R² the reference prints.
import { kmeans } from 'ml-kmeans';
import TfIdf from 'natural/lib/natural/tfidf/tfidf.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { predictForest, trainForest } from '../../activities/ml/forest';
import { regressionMetrics, splitTrainTest } from '../../activities/ml/metrics';
import { successFeatures } from '../../activities/ml/success';
import { assignNearest, fitSampleCentroids, inertia } from '../../activities/processing/kmeans-sample';
import { keywordTerms, tfidfMatrix } from '../../activities/processing/tfidf';
import { oracleForest } from '../helpers/forest-oracle';
import { loadObservations } from './load-jsonl';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' },
    keywords: { type: 'string', default: '10000' },
    rows: { type: 'string', default: '4000' },
    repeats: { type: 'string', default: '5' },
    'sklearn-split': { type: 'string' },
  },
});
const rows = await loadObservations(args.input!);
const newest = rows.reduce((max, r) => (r.day > max ? r.day : max), '');
const batch = rows.filter((r) => r.day === newest);
const keywords = [...new Set(batch.map((r) => r.keyword))].slice(0, Number(args.keywords));
const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const out = run();
  return [out, Math.round(performance.now() - start) / 1000];
};

const [, naturalSeconds] = time(() => {
  const model = new TfIdf();
  for (const k of keywords) model.addDocument(keywordTerms(k));
  keywords.forEach((_, d) => model.listTerms(d));
});
const [{ matrix }, oursSeconds] = time(() => tfidfMatrix(keywords));
console.log(JSON.stringify({ step: 'tfidf', keywords: keywords.length, natural_seconds: naturalSeconds, ours_seconds: oursSeconds }));

const samples = [1000, 2000].map((size) => {
  const [fit, seconds] = time(() => {
    const centroids = fitSampleCentroids(matrix, 10, 42, size);
    return { centroids, labels: assignNearest(matrix, centroids) };
  });
  return { sample: size, seconds, inertia: inertia(matrix, fit.centroids, fit.labels) };
});
const [full, fullSeconds] = time(() => {
  const dense = Array.from({ length: matrix.rows }, (_, r) => {
    const row = new Array<number>(matrix.cols).fill(0);
    for (let p = matrix.indptr[r]!; p < matrix.indptr[r + 1]!; p++) row[matrix.indices[p]!] = matrix.data[p]!;
    return row;
  });
  const fit = kmeans(dense, 10, { seed: 42, initialization: 'kmeans++', maxIterations: 300 });
  const weights = new Float64Array(matrix.cols * 10);
  fit.centroids.forEach((centre, c) => centre.forEach((v, i) => (weights[i * 10 + c] = v)));
  return { centroids: { k: 10, cols: matrix.cols, weights }, labels: Int32Array.from(fit.clusters) };
});
console.log(
  JSON.stringify({
    step: 'kmeans',
    keywords: matrix.rows,
    ml_kmeans_all: { seconds: fullSeconds, inertia: inertia(matrix, full.centroids, full.labels) },
    sample_then_assign: samples,
  }),
);

// several disjoint slices: on a few thousand heavy-tailed rows one 20 % test set decides a lot
const forestRuns = Array.from({ length: Number(args.repeats) }, (_, slice) => {
  const subset = batch.slice(slice * Number(args.rows), (slice + 1) * Number(args.rows));
  const X = subset.map((r) => successFeatures(r));
  const y = subset.map((r) => r.searchVolume);
  const { train, test } = splitTrainTest(subset.length);
  const actual = Array.from(test, (i) => y[i]!);
  const [oracle, oracleSeconds] = time(() => {
    const forest = oracleForest(3);
    forest.train(
      Array.from(train, (i) => X[i]!),
      Array.from(train, (i) => y[i]!),
    );
    return forest;
  });
  const ours = (nTrees: number) => {
    const columns = [0, 1, 2, 3].map((f) => Float64Array.from(train, (i) => X[i]![f]!));
    const [forest, seconds] = time(() =>
      trainForest(
        columns,
        Float64Array.from(train, (i) => y[i]!),
        { nTrees },
      ),
    );
    return {
      seconds,
      r2: regressionMetrics(
        actual,
        Array.from(test, (i) => predictForest(forest, X[i]!)),
      ).r2,
    };
  };
  const oracleR2 = regressionMetrics(actual, oracle.predict(Array.from(test, (i) => X[i]!))).r2;
  return { ml_random_forest_3_trees: { seconds: oracleSeconds, r2: oracleR2 }, ours_3_trees: ours(3), ours_100_trees: ours(100) };
});
const mean = (pick: (run: (typeof forestRuns)[number]) => number) =>
  forestRuns.reduce((sum, run) => sum + pick(run), 0) / forestRuns.length;
console.log(
  JSON.stringify({
    step: 'forest',
    rows: Number(args.rows),
    slices: forestRuns.length,
    mean: {
      ml_random_forest_3_trees: {
        seconds: mean((r) => r.ml_random_forest_3_trees.seconds),
        r2: mean((r) => r.ml_random_forest_3_trees.r2),
      },
      ours_3_trees: { seconds: mean((r) => r.ours_3_trees.seconds), r2: mean((r) => r.ours_3_trees.r2) },
      ours_100_trees: { seconds: mean((r) => r.ours_100_trees.seconds), r2: mean((r) => r.ours_100_trees.r2) },
    },
    runs: forestRuns,
  }),
);

if (args['sklearn-split']) {
  const split = JSON.parse(readFileSync(args['sklearn-split'], 'utf8')) as { train: number[]; test: number[] };
  const features = batch.map((r) => successFeatures(r));
  const [forest, seconds] = time(() =>
    trainForest(
      [0, 1, 2, 3].map((f) => Float64Array.from(split.train, (i) => features[i]![f]!)),
      Float64Array.from(split.train, (i) => batch[i]!.searchVolume),
    ),
  );
  const metrics = regressionMetrics(
    split.test.map((i) => batch[i]!.searchVolume),
    split.test.map((i) => predictForest(forest, features[i]!)),
  );
  console.log(JSON.stringify({ step: 'forest on scikit-learn split', rows: batch.length, ours_100_trees: { seconds, ...metrics } }));
}
