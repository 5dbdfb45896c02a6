// The success model: what "success" means, how a training set is built from daily history, how the
// forest is trained and evaluated, and how a prediction is turned into a recommendation.
//
// success_score (0–1) of a keyword on a platform on day t is the reference pipeline's opportunity score recomputed
// from what was observed over the following 7 days (t+1 … t+7, at least 4 observations):
//   0.4 · reach     min(mean later volume / 5,000, 1)             — the reference volume scale
//   0.3 · growth    0.5 + 0.5 · log2((mean later volume + 1) / (volume on t + 1)), clamped to 0–1:
//                   flat = 0.5, doubled = 1, halved = 0            — realised trend, not the provider's
//   0.3 · openness  1 − mean later competition (clamped to 0–1)
// The features are those of day t only (volume, competition, cpc, trend score), so the target is
// never a feature and always on the 0–1 scale the recommendation thresholds assume.
import { dayNumber } from '../processing/days';
import type { ScoreInput } from '../processing/scores';
import type { CompleteObservation } from '../processing/types';
import { regressionMetrics, splitTrainTest, type RegressionMetrics } from './metrics';
import { predictForest, serializeForest, trainForest, type Forest, type SerializedForest } from './forest';
import { permutationImportance, type PermutationImportance } from './permutation-importance';
import type { ForestOptions } from './forest-types';

const SUCCESS_FEATURES = ['search_volume', 'competition', 'cpc', 'trend_score'] as const;
export const SUCCESS_TARGET = 'success_score/v1';

export interface SuccessTargetOptions {
  horizonDays?: number;
  minLaterObservations?: number;
}

const finite = (v: number | null | undefined): number => (v === null || v === undefined || !Number.isFinite(v) ? 0 : v);
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** The model's inputs in SUCCESS_FEATURES order; missing or non-finite values count as 0. */
export function successFeatures(input: ScoreInput): number[] {
  return [finite(input.searchVolume), finite(input.competition), finite(input.cpc), finite(input.trendScore)];
}

export function successScore(current: CompleteObservation, later: readonly CompleteObservation[]): number {
  if (later.length === 0) throw new Error('successScore: no later observations');
  let volume = 0,
    competition = 0;
  for (const row of later) {
    volume += Math.max(0, finite(row.searchVolume));
    competition += clamp01(finite(row.competition));
  }
  volume /= later.length;
  competition /= later.length;
  const reach = Math.min(volume / 5000, 1);
  const growth = growthScale(volume, Math.max(0, finite(current.searchVolume)));
  return 0.4 * reach + 0.3 * growth + 0.3 * (1 - competition);
}

/** 0.5 + 0.5 · log2((now + 1) / (before + 1)), clamped to 0–1: flat = 0.5, doubled = 1, halved = 0. */
export function growthScale(now: number, before: number): number {
  return clamp01(0.5 + 0.5 * Math.log2((now + 1) / (before + 1)));
}

export interface TrainingSet {
  /** One column per SUCCESS_FEATURES entry. */
  columns: Float64Array[];
  targets: Float64Array;
  /** First feature day and last outcome day used; null when no row had enough later days. */
  window: { from: string; to: string } | null;
  horizonDays: number;
}

/** Every observation with enough later observations of the same keyword on the same platform. */
export function buildTrainingSet(rows: readonly CompleteObservation[], options: SuccessTargetOptions = {}): TrainingSet {
  const { horizonDays = 7, minLaterObservations = 4 } = options;
  const series = new Map<string, CompleteObservation[]>();
  for (const row of rows) {
    const key = `${row.platform}\u0000${row.keyword}`;
    const list = series.get(key);
    if (list) list.push(row);
    else series.set(key, [row]);
  }
  const features: number[][] = [];
  const targets: number[] = [];
  let from = '',
    to = '';
  for (const list of series.values()) {
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const day = list.map((r) => dayNumber(r.day));
    let end = 0;
    for (let t = 0; t < list.length; t++) {
      // later rows are (t, end): strictly after day t and within the horizon
      while (end < list.length && day[end]! <= day[t]! + horizonDays) end++;
      let first = t + 1;
      while (first < end && day[first] === day[t]) first++;
      if (end - first < minLaterObservations) continue;
      features.push(successFeatures(list[t]!));
      targets.push(successScore(list[t]!, list.slice(first, end)));
      if (from === '' || list[t]!.day < from) from = list[t]!.day;
      if (list[end - 1]!.day > to) to = list[end - 1]!.day;
    }
  }
  return {
    columns: SUCCESS_FEATURES.map((_, f) => Float64Array.from(features, (x) => x[f]!)),
    targets: Float64Array.from(targets),
    window: features.length > 0 ? { from, to } : null,
    horizonDays,
  };
}

export interface EvaluatedForest {
  forest: Forest;
  metrics: RegressionMetrics & { trainingSamples: number; testSamples: number };
  /** The held-out rows the metrics were measured on (indices into the columns). */
  test: Uint32Array;
}

/** The reference pipeline's train() (test/bench/reference/pipeline.py): fit on a seeded 80 %, report MSE and R² on the other 20 %. */
export function trainAndEvaluate(
  columns: readonly Float64Array[],
  targets: Float64Array,
  options: Partial<ForestOptions> & { testFraction?: number } = {},
): EvaluatedForest {
  const { testFraction = 0.2, ...forestOptions } = options;
  const { train, test } = splitTrainTest(targets.length, testFraction, forestOptions.seed ?? 42);
  const pick = (values: Float64Array, at: Uint32Array) => Float64Array.from(at, (i) => values[i]!);
  const forest = trainForest(
    columns.map((c) => pick(c, train)),
    pick(targets, train),
    forestOptions,
  );
  const predicted = Array.from(test, (i) =>
    predictForest(
      forest,
      columns.map((c) => c[i]!),
    ),
  );
  const metrics = regressionMetrics(pick(targets, test), predicted);
  return { forest, metrics: { ...metrics, trainingSamples: train.length, testSamples: test.length }, test };
}

/** What a model-version row stores (the caller assigns the version when it saves one). */
export interface TrainedSuccessModel {
  algorithm: 'random-forest-regression';
  target: typeof SUCCESS_TARGET;
  features: readonly string[];
  horizonDays: number;
  trainingWindow: { from: string; to: string } | null;
  metrics: EvaluatedForest['metrics'];
  /** Per feature, the training range on the confidence scale (see prediction.ts). */
  featureRanges: { min: number; max: number }[];
  forest: SerializedForest;
  /** On the held-out rows the metrics were measured on; null with fewer than 2 of them. */
  featureImportance: PermutationImportance | null;
}

export function trainSuccessModel(set: TrainingSet, options: Partial<ForestOptions> & { testFraction?: number } = {}): TrainedSuccessModel {
  if (set.targets.length < 2) throw new Error(`trainSuccessModel: ${set.targets.length} training rows, need at least 2`);
  const { forest, metrics, test } = trainAndEvaluate(set.columns, set.targets, options);
  const featureRanges = set.columns.map((column, f) => {
    let min = Infinity,
      max = -Infinity;
    for (const v of column) {
      const z = coverageScale(f, v);
      if (z < min) min = z;
      if (z > max) max = z;
    }
    return { min, max };
  });
  return {
    algorithm: 'random-forest-regression',
    target: SUCCESS_TARGET,
    features: SUCCESS_FEATURES,
    horizonDays: set.horizonDays,
    trainingWindow: set.window,
    metrics,
    featureRanges,
    forest: serializeForest(forest),
    featureImportance: heldOutImportance(forest, set, test, options.seed ?? 42),
  };
}

/** Permutation importance on the model's own held-out rows, with the forest still in memory. */
function heldOutImportance(forest: Forest, set: TrainingSet, test: Uint32Array, seed: number): PermutationImportance | null {
  if (test.length < 2) return null;
  const pick = (values: Float64Array) => Float64Array.from(test, (i) => values[i]!);
  return permutationImportance((x) => predictForest(forest, x), set.columns.map(pick), pick(set.targets), SUCCESS_FEATURES, { seed });
}

/** Volume and cpc span orders of magnitude: distances from the training range are taken on log1p. */
export function coverageScale(feature: number, value: number): number {
  return feature === 0 || feature === 2 ? Math.log1p(Math.max(0, value)) : value;
}
