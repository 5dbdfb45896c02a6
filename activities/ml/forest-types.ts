// The shapes shared by the forest's trainer (forest.ts), tree grower (forest-grow.ts) and binned split search (forest-split.ts).

export interface ForestOptions {
  nTrees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Bootstrap draws per tree; defaults to the number of training rows. */
  maxSamples?: number;
  seed: number;
  /** Quantile bins per feature for the split search (forest-bins.ts); defaults to 1,023 (docs/benchmarks.md). */
  maxBins?: number;
}

/** Flat tree: node i is a leaf when feature[i] < 0; otherwise x[feature] <= threshold goes left. */
export interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}
