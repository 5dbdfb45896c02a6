// Growing one regression tree of the forest (see forest.ts): level by level, as SLIQ, over rows
// sorted once per feature for the whole forest.
import type { ForestOptions, Tree } from './forest';

/** One feature's drawn rows in ascending order (as ids into the bootstrap), with value, weight and weight × y. */
interface DrawnRows {
  row: Int32Array;
  x: Float64Array;
  w: Float64Array;
  wy: Float64Array;
}

export interface Sorted {
  /** Row numbers of each feature in ascending order of value, and each row's position in it. */
  order: Int32Array[];
  rank: Int32Array[];
}

/** A tree's bootstrap: the distinct rows drawn, ascending, and how many times each was drawn. */
export interface Bootstrap {
  rows: Int32Array;
  counts: Float64Array;
}

const ID_BITS = 2 ** 22;

/** The drawn rows of every feature in value order, by sorting few draws or filtering the full order. */
function drawnRows(columns: readonly Float64Array[], y: Float64Array, { order, rank }: Sorted, { rows, counts }: Bootstrap): DrawnRows[] {
  const u = rows.length, n = y.length;
  // few draws: sort their global ranks natively (rank · 2^22 + id is an exact double)
  const sortDraws = u * 16 < n && u < ID_BITS;
  const idOf = sortDraws ? null : new Int32Array(n).fill(-1);
  if (idOf) rows.forEach((i, id) => (idOf[i] = id));
  return order.map((o, f) => {
    const ids = new Int32Array(u);
    if (idOf) {
      let q = 0;
      for (let p = 0; p < n; p++) if (idOf[o[p]!]! >= 0) ids[q++] = idOf[o[p]!]!;
    } else {
      const keys = Float64Array.from(rows, (i, id) => rank[f]![i]! * ID_BITS + id).sort();
      keys.forEach((key, q) => (ids[q] = key % ID_BITS));
    }
    const out = { row: ids, x: new Float64Array(u), w: new Float64Array(u), wy: new Float64Array(u) };
    ids.forEach((id, q) => {
      out.x[q] = columns[f]![rows[id]!]!;
      out.w[q] = counts[id]!;
      out.wy[q] = counts[id]! * y[rows[id]!]!;
    });
    return out;
  });
}

/**
 * Grows one tree level by level (as SLIQ): at each level one pass per feature over the drawn rows
 * in value order visits every open node's rows, so no node ever sorts or partitions.
 */
export function growTree(columns: readonly Float64Array[], y: Float64Array, sorted: Sorted, bootstrap: Bootstrap, opts: ForestOptions): Tree {
  const { rows, counts } = bootstrap;
  const drawn = drawnRows(columns, y, sorted, bootstrap);
  const tree = new TreeBuilder();
  const nodeOf = new Int32Array(rows.length);
  let w = 0, s = 0;
  rows.forEach((i, id) => {
    w += counts[id]!;
    s += counts[id]! * y[i]!;
  });
  let open = [tree.add(w, s)];
  for (let depth = 0; depth < opts.maxDepth && open.length > 0; depth++) {
    const level = new Level(open.filter((node) => tree.weight[node]! >= 2 * opts.minSamplesLeaf), tree);
    drawn.forEach((d, f) => level.scan(f, d, nodeOf, opts.minSamplesLeaf));
    open = [];
    // per node of the tree so far: its split (feature −1: it stays a leaf) and its children
    const splitFeature = new Int32Array(tree.weight.length).fill(-1);
    const splitThreshold = new Float64Array(tree.weight.length);
    const children = new Int32Array(2 * tree.weight.length);
    level.nodes.forEach((node, slot) => {
      if (level.feature[slot]! < 0) return;
      const left = tree.add(level.leftW[slot]!, level.leftS[slot]!);
      const right = tree.add(tree.weight[node]! - level.leftW[slot]!, tree.sum[node]! - level.leftS[slot]!);
      tree.split(node, level.feature[slot]!, level.threshold[slot]!, left, right);
      splitFeature[node] = level.feature[slot]!;
      splitThreshold[node] = level.threshold[slot]!;
      children[2 * node] = left;
      children[2 * node + 1] = right;
      open.push(left, right);
    });
    for (let id = 0; id < rows.length; id++) {
      const node = nodeOf[id]!;
      if (node < 0) continue;
      const f = splitFeature[node]!;
      nodeOf[id] = f < 0 ? -1 : children[2 * node + (columns[f]![rows[id]!]! <= splitThreshold[node]! ? 0 : 1)]!;
    }
  }
  return tree.build();
}

/** The open nodes of one level and, per node, the best split found so far. */
class Level {
  readonly slotOf: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly score: Float64Array;
  readonly leftW: Float64Array;
  readonly leftS: Float64Array;
  private readonly w: Float64Array;
  private readonly s: Float64Array;
  private readonly runW: Float64Array;
  private readonly runS: Float64Array;
  private readonly last: Float64Array;

  constructor(readonly nodes: number[], tree: TreeBuilder) {
    const m = nodes.length;
    this.slotOf = new Int32Array(tree.weight.length).fill(-1);
    nodes.forEach((node, slot) => (this.slotOf[node] = slot));
    this.w = Float64Array.from(nodes, (node) => tree.weight[node]!);
    this.s = Float64Array.from(nodes, (node) => tree.sum[node]!);
    // a split must beat the parent's Σ²/W by more than rounding noise
    this.score = Float64Array.from(nodes, (_, k) => ((this.s[k]! * this.s[k]!) / this.w[k]!) * (1 + 1e-12) + 1e-12);
    this.feature = new Int32Array(m).fill(-1);
    this.threshold = new Float64Array(m);
    this.leftW = new Float64Array(m);
    this.leftS = new Float64Array(m);
    this.runW = new Float64Array(m);
    this.runS = new Float64Array(m);
    this.last = new Float64Array(m);
  }

  scan(f: number, rows: DrawnRows, nodeOf: Int32Array, minLeaf: number): void {
    const { slotOf, w, s, runW, runS, last, score } = this;
    const { row, x: xs, w: ws, wy } = rows;
    runW.fill(0);
    runS.fill(0);
    for (let p = 0; p < row.length; p++) {
      const node = nodeOf[row[p]!]!;
      if (node < 0) continue;
      const k = slotOf[node]!;
      if (k < 0) continue;
      const x = xs[p]!, wl = runW[k]!, sl = runS[k]!;
      // a boundary between two distinct values of this node's rows: score the split there
      if (x !== last[k] && wl >= minLeaf && w[k]! - wl >= minLeaf) {
        const candidate = (sl * sl) / wl + ((s[k]! - sl) * (s[k]! - sl)) / (w[k]! - wl);
        if (candidate > score[k]!) {
          score[k] = candidate;
          this.feature[k] = f;
          // midpoint like scikit-learn, unless rounding would push it onto the right-hand value
          const mid = (last[k]! + x) / 2;
          this.threshold[k] = mid < x ? mid : last[k]!;
          this.leftW[k] = wl;
          this.leftS[k] = sl;
        }
      }
      runW[k] = wl + ws[p]!;
      runS[k] = sl + wy[p]!;
      last[k] = x;
    }
  }
}

/** Growable flat arrays of nodes; a node is a leaf until split. */
class TreeBuilder {
  weight: number[] = [];
  sum: number[] = [];
  feature: number[] = [];
  threshold: number[] = [];
  private left: number[] = [];
  private right: number[] = [];

  add(weight: number, sum: number): number {
    this.weight.push(weight);
    this.sum.push(sum);
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    return this.weight.length - 1;
  }

  split(node: number, feature: number, threshold: number, left: number, right: number): void {
    this.feature[node] = feature;
    this.threshold[node] = threshold;
    this.left[node] = left;
    this.right[node] = right;
  }

  build(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.weight, (w, node) => this.sum[node]! / w),
    };
  }
}
