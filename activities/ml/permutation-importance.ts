// Permutation importance (Breiman 2001; scikit-learn's sklearn.inspection.permutation_importance): on rows the model
// never trained on, how much its R² drops when one feature's column is shuffled (its link to the target broken, its
// distribution kept). Seeded, repeated, reported as the mean drop and its standard deviation over the repeats.
// Needs only a predict function, so it holds for any model and survives changes to the forest's internals.
import { shuffledIndices, sampleIndices } from '../processing/random';
import { regressionMetrics } from './metrics';

export interface FeatureImportance {
  feature: string;
  /** Mean drop in R² over the repeats (near 0 or below: the model does not use the feature). */
  importance: number;
  /** Standard deviation of the drop over the repeats. */
  std: number;
}

/** What a model version stores: the method and the rows it ran on, and one entry per feature, most important first. */
export interface PermutationImportance {
  method: 'permutation';
  metric: 'r2';
  heldOutRows: number;
  repeats: number;
  seed: number;
  baseline: number;
  features: FeatureImportance[];
}

export interface PermutationOptions {
  repeats?: number;
  seed?: number;
  /** Held-out rows beyond this are sampled (seeded): the cost is rows × features × repeats predictions. */
  maxRows?: number;
}

type Predict = (x: ArrayLike<number>) => number;

export function permutationImportance(
  predict: Predict,
  columns: readonly Float64Array[],
  targets: Float64Array,
  names: readonly string[],
  options: PermutationOptions = {},
): PermutationImportance {
  const { repeats = 5, seed = 42, maxRows = 10_000 } = options;
  if (columns.length !== names.length) throw new Error(`permutationImportance: ${columns.length} columns, ${names.length} names`);
  const n = targets.length;
  if (n < 2) throw new Error(`permutationImportance: ${n} held-out rows, need at least 2`);
  const rows = n > maxRows ? sampleIndices(n, maxRows, seed) : Uint32Array.from(targets.keys());
  const y = Float64Array.from(rows, (i) => targets[i]!);
  const x = columns.map((c) => Float64Array.from(rows, (i) => c[i]!));
  const score = (feature: number, permutation?: Uint32Array) => {
    const row = new Float64Array(x.length);
    const predicted = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      for (let f = 0; f < x.length; f++) row[f] = x[f]![f === feature && permutation ? permutation[r]! : r]!;
      predicted[r] = predict(row);
    }
    return regressionMetrics(y, predicted).r2;
  };
  const baseline = score(-1);
  const features = names.map((feature, f) => {
    const drops = Array.from({ length: repeats }, (_, k) => baseline - score(f, shuffledIndices(rows.length, seed + 1 + f * repeats + k)));
    const mean = drops.reduce((s, d) => s + d, 0) / repeats;
    const std = Math.sqrt(drops.reduce((s, d) => s + (d - mean) ** 2, 0) / repeats);
    return { feature, importance: mean, std };
  });
  features.sort((a, b) => b.importance - a.importance);
  return { method: 'permutation', metric: 'r2', heldOutRows: rows.length, repeats, seed, baseline, features };
}
