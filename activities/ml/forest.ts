// A regression random forest (bagged CART trees, variance reduction, all features at every split,
// as scikit-learn's RandomForestRegressor defaults) with an exact split search over pre-sorted
// features: each node scans its samples once per feature in sorted order, so a tree costs
// O(n · features · depth) where ml-random-forest's search is O(n²) per node. ml-random-forest stays
// the test oracle (test/ml/forest.test.ts); the figures are in test/bench/RESULTS.md.
import { mulberry32 } from '../processing/random';

export interface ForestOptions {
  nTrees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Bootstrap draws per tree; defaults to the number of training rows. */
  maxSamples?: number;
  seed: number;
}

/** Flat tree: node i is a leaf when feature[i] < 0; otherwise x[feature] <= threshold goes left. */
export interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

export interface Forest {
  nFeatures: number;
  options: ForestOptions;
  trees: Tree[];
}

export const DEFAULT_FOREST: ForestOptions = { nTrees: 100, maxDepth: 10, minSamplesLeaf: 1, seed: 42 };

/** Trains on feature columns (one Float64Array per feature, same length as y). */
export function trainForest(columns: readonly Float64Array[], y: Float64Array, options: Partial<ForestOptions> = {}): Forest {
  const opts = { ...DEFAULT_FOREST, ...options };
  const n = y.length;
  if (n === 0) throw new Error('trainForest: no training rows');
  const order = columns.map((col) => Int32Array.from(col.keys()).sort((a, b) => col[a]! - col[b]!));
  const rand = mulberry32(opts.seed);
  const weight = new Float64Array(n);
  const trees: Tree[] = [];
  for (let t = 0; t < opts.nTrees; t++) {
    weight.fill(0);
    const draws = Math.min(opts.maxSamples ?? n, n);
    for (let i = 0; i < draws; i++) weight[Math.floor(rand() * n)]! += 1;
    trees.push(growTree(columns, y, weight, order, opts));
  }
  return { nFeatures: columns.length, options: opts, trees };
}

function growTree(columns: readonly Float64Array[], y: Float64Array, weight: Float64Array, order: Int32Array[], opts: ForestOptions): Tree {
  // per feature: the drawn rows in sorted order, and their values alongside for sequential scans
  const idx = order.map((o) => o.filter((i) => weight[i]! > 0));
  const xs = idx.map((ix, f) => Float64Array.from(ix, (i) => columns[f]![i]!));
  const size = idx[0]!.length;
  const tmpIdx = new Int32Array(size);
  const tmpX = new Float64Array(size);
  const goesLeft = new Uint8Array(y.length);
  const nodes = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[] };
  const stack = [{ start: 0, end: size, depth: 0, id: newNode(nodes) }];
  while (stack.length > 0) {
    const { start, end, depth, id } = stack.pop()!;
    let w = 0, s = 0;
    for (let p = start; p < end; p++) {
      const i = idx[0]![p]!;
      w += weight[i]!;
      s += weight[i]! * y[i]!;
    }
    nodes.value[id] = s / w;
    if (depth >= opts.maxDepth || w < 2 * opts.minSamplesLeaf) continue;
    let best = { score: (s * s) / w * (1 + 1e-12) + 1e-12, feature: -1, threshold: 0, at: 0 };
    for (let f = 0; f < idx.length; f++) {
      const ix = idx[f]!, x = xs[f]!;
      let wl = 0, sl = 0;
      for (let p = start; p < end - 1; p++) {
        const i = ix[p]!;
        wl += weight[i]!;
        sl += weight[i]! * y[i]!;
        if (x[p] === x[p + 1] || wl < opts.minSamplesLeaf || w - wl < opts.minSamplesLeaf) continue;
        const score = (sl * sl) / wl + ((s - sl) * (s - sl)) / (w - wl);
        if (score > best.score) best = { score, feature: f, threshold: x[p]!, at: p };
      }
    }
    if (best.feature < 0) continue;
    const bx = xs[best.feature]!;
    // midpoint like scikit-learn, unless rounding would push it onto the right-hand value
    const mid = (bx[best.at]! + bx[best.at + 1]!) / 2;
    const threshold = mid < bx[best.at + 1]! ? mid : bx[best.at]!;
    for (let p = start; p < end; p++) goesLeft[idx[best.feature]![p]!] = p <= best.at ? 1 : 0;
    const split = partition(idx, xs, start, end, goesLeft, tmpIdx, tmpX);
    const left = newNode(nodes), right = newNode(nodes);
    nodes.feature[id] = best.feature;
    nodes.threshold[id] = threshold;
    nodes.left[id] = left;
    nodes.right[id] = right;
    stack.push({ start, end: split, depth: depth + 1, id: left }, { start: split, end, depth: depth + 1, id: right });
  }
  return {
    feature: Int32Array.from(nodes.feature),
    threshold: Float64Array.from(nodes.threshold),
    left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right),
    value: Float64Array.from(nodes.value),
  };
}

function newNode(nodes: Record<'feature' | 'threshold' | 'left' | 'right' | 'value', number[]>): number {
  nodes.feature.push(-1);
  nodes.threshold.push(0);
  nodes.left.push(-1);
  nodes.right.push(-1);
  nodes.value.push(0);
  return nodes.feature.length - 1;
}

/** Stable partition of every feature's range into left rows then right rows; returns the boundary. */
function partition(idx: Int32Array[], xs: Float64Array[], start: number, end: number, goesLeft: Uint8Array, tmpIdx: Int32Array, tmpX: Float64Array): number {
  let split = start;
  for (let f = 0; f < idx.length; f++) {
    const ix = idx[f]!, x = xs[f]!;
    let l = start, r = 0;
    for (let p = start; p < end; p++) {
      const i = ix[p]!;
      if (goesLeft[i]) {
        ix[l] = i;
        x[l++] = x[p]!;
      } else {
        tmpIdx[r] = i;
        tmpX[r++] = x[p]!;
      }
    }
    ix.set(tmpIdx.subarray(0, r), l);
    x.set(tmpX.subarray(0, r), l);
    split = l;
  }
  return split;
}

export function predictTree(tree: Tree, x: ArrayLike<number>): number {
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
    feature: Array.from(t.feature), threshold: Array.from(t.threshold), left: Array.from(t.left), right: Array.from(t.right), value: Array.from(t.value),
  }));
  return { format: 'regression-forest/v1', nFeatures: forest.nFeatures, options: forest.options, trees };
}

export function deserializeForest(data: SerializedForest): Forest {
  if (data.format !== 'regression-forest/v1') throw new Error(`Unknown forest format: ${String(data.format)}`);
  const trees = data.trees.map((t) => ({
    feature: Int32Array.from(t.feature), threshold: Float64Array.from(t.threshold), left: Int32Array.from(t.left), right: Int32Array.from(t.right), value: Float64Array.from(t.value),
  }));
  return { nFeatures: data.nFeatures, options: data.options, trees };
}
