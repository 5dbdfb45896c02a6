// The bookkeeping of growing a tree (forest-grow.ts): the open nodes of a level with their best split
// so far, and the growable flat arrays the finished tree is built from.
import type { DrawnRows, Tree } from './forest-types';

/** The open nodes of one level and, per node, the best split found so far. */
export class Level {
  readonly slotOf: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  private readonly score: Float64Array;
  readonly leftW: Float64Array;
  readonly leftS: Float64Array;
  private readonly w: Float64Array;
  private readonly s: Float64Array;
  private readonly runW: Float64Array;
  private readonly runS: Float64Array;
  private readonly last: Float64Array;

  constructor(
    readonly nodes: number[],
    tree: TreeBuilder,
  ) {
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
      const x = xs[p]!,
        wl = runW[k]!,
        sl = runS[k]!;
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
export class TreeBuilder {
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
