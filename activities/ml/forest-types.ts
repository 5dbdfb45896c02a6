// The shapes shared by the forest's trainer (forest.ts), tree grower (forest-grow.ts) and levels (forest-level.ts).

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

/** One feature's drawn rows in ascending order (as ids into the bootstrap), with value, weight and weight × y. */
export interface DrawnRows {
  row: Int32Array;
  x: Float64Array;
  w: Float64Array;
  wy: Float64Array;
}
