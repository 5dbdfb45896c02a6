// Growing one regression tree of the forest (see forest.ts): level by level, as SLIQ, over rows
// sorted once per feature for the whole forest.
import type { DrawnRows, ForestOptions, Tree } from './forest-types';
import { Level, TreeBuilder } from './forest-level';

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
  const u = rows.length,
    n = y.length;
  // few draws: sort their global ranks natively (rank · 2^22 + id is an exact double)
  const sortDraws = u * 16 < n && u < ID_BITS;
  const idOf = sortDraws ? null : new Int32Array(n).fill(-1);
  if (idOf) for (let id = 0; id < u; id++) idOf[rows[id]!] = id;
  return order.map((o, f) => {
    const ids = new Int32Array(u);
    if (idOf) {
      for (let p = 0, q = 0; p < n; p++) if (idOf[o[p]!]! >= 0) ids[q++] = idOf[o[p]!]!;
    } else {
      const keys = new Float64Array(u);
      for (let id = 0; id < u; id++) keys[id] = rank[f]![rows[id]!]! * ID_BITS + id;
      keys.sort();
      for (let q = 0; q < u; q++) ids[q] = keys[q]! % ID_BITS;
    }
    const x = new Float64Array(u),
      w = new Float64Array(u),
      wy = new Float64Array(u);
    const column = columns[f]!;
    for (let q = 0; q < u; q++) {
      const id = ids[q]!,
        i = rows[id]!;
      x[q] = column[i]!;
      w[q] = counts[id]!;
      wy[q] = counts[id]! * y[i]!;
    }
    return { row: ids, x, w, wy };
  });
}

/**
 * Grows one tree level by level (as SLIQ): at each level one pass per feature over the drawn rows
 * in value order visits every open node's rows, so no node ever sorts or partitions.
 */
export function growTree(
  columns: readonly Float64Array[],
  y: Float64Array,
  sorted: Sorted,
  bootstrap: Bootstrap,
  opts: ForestOptions,
): Tree {
  const { rows, counts } = bootstrap;
  const drawn = drawnRows(columns, y, sorted, bootstrap);
  const tree = new TreeBuilder();
  const nodeOf = new Int32Array(rows.length);
  let w = 0,
    s = 0;
  for (let id = 0; id < rows.length; id++) {
    w += counts[id]!;
    s += counts[id]! * y[rows[id]!]!;
  }
  let open = [tree.add(w, s)];
  for (let depth = 0; depth < opts.maxDepth && open.length > 0; depth++) {
    const level = new Level(
      open.filter((node) => tree.weight[node]! >= 2 * opts.minSamplesLeaf),
      tree,
    );
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
