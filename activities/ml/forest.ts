// A regression random forest (bagged CART trees, variance reduction, all features at every split,
// as scikit-learn's RandomForestRegressor defaults) with a histogram split search over features binned
// once for the whole forest (forest-bins.ts, forest-grow.ts): a tree costs O(n · features · depth), where
// ml-random-forest's search is O(n²) per node. A feature with at most maxBins distinct values is split
// exactly as CART would; thresholds are raw values, so a stored forest predicts from raw features.
// ml-random-forest stays the test oracle (test/ml/forest.test.ts); the figures are in docs/benchmarks.md.
import { mulberry32 } from '../processing/random';
import { binFeature } from './forest-bins';
import { growTree, type Bootstrap } from './forest-grow';
import { HistogramBuffers } from './forest-split';
import type { ForestOptions, Tree } from './forest-types';

export interface Forest {
  nFeatures: number;
  options: ForestOptions;
  trees: Tree[];
}

const DEFAULT_FOREST: ForestOptions = { nTrees: 100, maxDepth: 10, minSamplesLeaf: 1, seed: 42, maxBins: 1023 };

/** Trains on feature columns (one Float64Array per feature, same length as y). */
export function trainForest(columns: readonly Float64Array[], y: Float64Array, options: Partial<ForestOptions> = {}): Forest {
  const opts = { ...DEFAULT_FOREST, ...options };
  const n = y.length;
  if (n === 0) throw new Error('trainForest: no training rows');
  const binned = columns.map((col) => binFeature(col, opts.maxBins ?? 1023));
  const rand = mulberry32(opts.seed);
  const trees: Tree[] = [];
  const draws = Math.min(opts.maxSamples ?? n, n);
  const hist = new HistogramBuffers();
  for (let t = 0; t < opts.nTrees; t++) trees.push(growTree(binned, y, bootstrap(n, draws, rand), opts, hist));
  return { nFeatures: columns.length, options: opts, trees };
}

/** `draws` rows drawn with replacement, as distinct rows and counts: counted in place when the draws
 * are many, sorted when they are few (so a bounded sample costs O(draws log draws), not O(n)). */
function bootstrap(n: number, draws: number, rand: () => number): Bootstrap {
  if (draws * 8 >= n) {
    const counts = new Float64Array(n);
    for (let d = 0; d < draws; d++) counts[Math.floor(rand() * n)]! += 1;
    let u = 0;
    for (let i = 0; i < n; i++) if (counts[i]! > 0) u++;
    const out = { rows: new Int32Array(u), counts: new Float64Array(u) };
    for (let i = 0, q = 0; i < n; i++) {
      if (counts[i] === 0) continue;
      out.rows[q] = i;
      out.counts[q++] = counts[i]!;
    }
    return out;
  }
  const drawn = new Int32Array(draws);
  for (let d = 0; d < draws; d++) drawn[d] = Math.floor(rand() * n);
  drawn.sort();
  const rows = new Int32Array(draws);
  const counts = new Float64Array(draws);
  let u = 0;
  for (let d = 0; d < draws; d++) {
    if (u === 0 || rows[u - 1] !== drawn[d]) rows[u++] = drawn[d]!;
    counts[u - 1]! += 1;
  }
  return { rows: rows.subarray(0, u), counts: counts.subarray(0, u) };
}

function predictTree(tree: Tree, x: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node]! >= 0) node = x[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  return tree.value[node]!;
}

/** Every tree's prediction for one row (their spread is the model's own uncertainty). */
export function treePredictions(forest: Forest, x: ArrayLike<number>): Float64Array {
  return Float64Array.from(forest.trees, (tree) => predictTree(tree, x));
}

export function predictForest(forest: Forest, x: ArrayLike<number>): number {
  let sum = 0;
  for (const tree of forest.trees) sum += predictTree(tree, x);
  return sum / forest.trees.length;
}

/** A plain JSON object (for a jsonb column or a file) and back. */
export interface SerializedForest {
  format: 'regression-forest/v1';
  nFeatures: number;
  options: ForestOptions;
  trees: Record<keyof Tree, number[]>[];
}

export function serializeForest(forest: Forest): SerializedForest {
  const trees = forest.trees.map((t) => ({
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
  }));
  return { format: 'regression-forest/v1', nFeatures: forest.nFeatures, options: forest.options, trees };
}

export function deserializeForest(data: SerializedForest): Forest {
  if (data.format !== 'regression-forest/v1') throw new Error(`Unknown forest format: ${String(data.format)}`);
  const trees = data.trees.map((t) => ({
    feature: Int32Array.from(t.feature),
    threshold: Float64Array.from(t.threshold),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    value: Float64Array.from(t.value),
  }));
  return { nFeatures: data.nFeatures, options: data.options, trees };
}
