// Growing one regression tree of the forest (see forest.ts) level by level over pre-binned features
// (forest-bins.ts): one pass per level over the rows still in open nodes moves each row to its child by
// bin code and adds it to that child's histograms (weight and weight × y per feature and bin); each node's
// best split is then read from its histograms (forest-split.ts). Only the smaller child of a split is
// filled: its sibling's histograms are the parent's minus its own, as LightGBM does. Nothing is sorted
// or copied per node; a tree costs O(rows · features · depth + nodes · features · bins).
import { cutBetween, type BinnedFeature } from './forest-bins';
import { TreeBuilder } from './forest-builder';
import { HistogramBuffers, LevelSplits } from './forest-split';
import type { ForestOptions, Tree } from './forest-types';

/** A tree's bootstrap: the distinct rows drawn, ascending, and how many times each was drawn. */
export interface Bootstrap {
  rows: Int32Array;
  counts: Float64Array;
}

export function growTree(
  binned: readonly BinnedFeature[],
  y: Float64Array,
  { rows, counts }: Bootstrap,
  opts: ForestOptions,
  hist = new HistogramBuffers(),
): Tree {
  const u = rows.length,
    nf = binned.length;
  const nBins = binned.map(({ cuts }) => cuts.length + 1);
  // a node's histograms: feature f's bins at [node · stride + f · width, … + nBins[f])
  const width = Math.max(...nBins),
    stride = nf * width;
  // the drawn rows' bin codes (row-major: id · nf + f) and weighted targets, by id (position in the bootstrap)
  const codes = new Uint16Array(u * nf);
  const wy = new Float64Array(u);
  let w = 0,
    s = 0;
  for (let id = 0; id < u; id++) {
    const i = rows[id]!;
    for (let f = 0; f < nf; f++) codes[id * nf + f] = binned[f]!.codes[i]!;
    wy[id] = counts[id]! * y[i]!;
    w += counts[id]!;
    s += wy[id]!;
  }
  const tree = new TreeBuilder();
  const minLeaf = opts.minSamplesLeaf;
  const root = tree.add(w, s);
  // the open nodes of the level, by slot; each active row's slot; the rows still in an open node
  let nodes = w >= 2 * minLeaf ? [root] : [];
  const slotOf = new Int32Array(u);
  const active = new Int32Array(u);
  for (let id = 0; id < u; id++) active[id] = id;
  let count = nodes.length > 0 ? u : 0;
  hist.next(stride, new Uint8Array([1]));
  for (let a = 0; a < count; a++) hist.add(0, active[a]!, codes, nf, width, counts[active[a]!]!, wy[active[a]!]!);
  for (let depth = 0; depth < opts.maxDepth && nodes.length > 0; depth++) {
    const m = nodes.length;
    const splits = new LevelSplits(
      Float64Array.from(nodes, (node) => tree.weight[node]!),
      Float64Array.from(nodes, (node) => tree.sum[node]!),
    );
    for (let k = 0; k < m; k++) {
      for (let f = 0; f < nf; f++) {
        if (nBins[f]! >= 2) splits.scanNode(k, f, hist.w, hist.s, k * stride + f * width, nBins[f]!, minLeaf);
      }
    }
    // children of the split nodes; those that may split again get a slot on the next level
    const next: number[] = [];
    const childSlot = new Int32Array(2 * m).fill(-1);
    const canSplit = depth + 1 < opts.maxDepth;
    const derived: [slot: number, parent: number, sibling: number][] = [];
    for (let k = 0; k < m; k++) {
      const f = splits.feature[k]!;
      if (f < 0) continue;
      const node = nodes[k]!;
      const leftW = splits.leftW[k]!,
        rightW = tree.weight[node]! - leftW;
      const left = tree.add(leftW, splits.leftS[k]!);
      const right = tree.add(rightW, tree.sum[node]! - splits.leftS[k]!);
      // between the node's own neighbouring values, as exact CART: the midpoint of the gap its rows leave
      tree.split(node, f, cutBetween(binned[f]!.highs[splits.bin[k]!]!, binned[f]!.lows[splits.nextBin[k]!]!), left, right);
      if (canSplit && leftW >= 2 * minLeaf) childSlot[2 * k] = next.push(left) - 1;
      if (canSplit && rightW >= 2 * minLeaf) childSlot[2 * k + 1] = next.push(right) - 1;
      const [l, r] = [childSlot[2 * k]!, childSlot[2 * k + 1]!];
      if (l >= 0 && r >= 0) derived.push(leftW <= rightW ? [r, k, l] : [l, k, r]);
    }
    if (next.length === 0) break;
    const filled = new Uint8Array(next.length).fill(1);
    for (const [slot] of derived) filled[slot] = 0;
    hist.next(stride, filled);
    let kept = 0;
    for (let a = 0; a < count; a++) {
      const id = active[a]!;
      const k = slotOf[id]!;
      const f = splits.feature[k]!;
      if (f < 0) continue;
      const slot = childSlot[2 * k + (codes[id * nf + f]! <= splits.bin[k]! ? 0 : 1)]!;
      if (slot < 0) continue;
      slotOf[id] = slot;
      active[kept++] = id;
      if (filled[slot] === 1) hist.add(slot * stride, id, codes, nf, width, counts[id]!, wy[id]!);
    }
    for (const [slot, parent, sibling] of derived) hist.subtract(slot * stride, parent * stride, sibling * stride, stride);
    count = kept;
    nodes = next;
  }
  return tree.build();
}
