// Predictions of a stored model version: predicted_success, a confidence and the reference pipeline's
// recommendation thresholds.
//
// confidence (0–1) = agreement × coverage, rounded to 3 decimals:
//   agreement = 1 − 4 · (standard deviation of the 100 trees' predictions), floored at 0. With
//               success on a 0–1 scale, confidence falls under 0.5 when ±2 standard deviations of
//               the trees span more than ±0.25, i.e. more than two recommendation bands.
//   coverage  = 1 / (1 + Σ over features of the distance outside the training range, in units of
//               that range; volume and cpc on log1p). Trees cannot tell that an input lies beyond
//               their data (every tree answers from its edge leaf, often alike), so the spread alone
//               would stay confident there.
import { pyRound, type ScoreInput } from '../processing/scores';
import { deserializeForest, treePredictions, type Forest } from './forest';
import { coverageScale, successFeatures, type TrainedSuccessModel } from './success';

export type Recommendation = 'excellent' | 'good' | 'moderate' | 'low' | 'not_enough_data';

export interface SuccessPrediction {
  model_version: string;
  predicted_success: number;
  confidence: number;
  recommendation: Recommendation;
  recommendation_text: string;
}

export interface LoadedSuccessModel {
  version: string;
  forest: Forest;
  featureRanges: TrainedSuccessModel['featureRanges'];
}

/** Deserialize a stored model once, then predict many times. */
export function loadSuccessModel(version: string, model: Pick<TrainedSuccessModel, 'forest' | 'featureRanges'>): LoadedSuccessModel {
  return { version, forest: deserializeForest(model.forest), featureRanges: model.featureRanges };
}

const TEXT: Record<Recommendation, string> = {
  excellent: 'Excellent opportunity - recommended',
  good: 'Good opportunity - worth considering',
  moderate: 'Moderate opportunity - analyse further',
  low: 'Low opportunity - not recommended',
  not_enough_data: 'Not enough data for a reliable recommendation',
};

/** The reference pipeline's thresholds: confidence < 0.5 first, then > 0.7, > 0.5, > 0.3. */
export function recommend(predicted: number, confidence: number): Recommendation {
  if (confidence < 0.5) return 'not_enough_data';
  if (predicted > 0.7) return 'excellent';
  if (predicted > 0.5) return 'good';
  if (predicted > 0.3) return 'moderate';
  return 'low';
}

function predictionConfidence(model: LoadedSuccessModel, features: readonly number[]): { mean: number; confidence: number } {
  const trees = treePredictions(model.forest, features);
  let mean = 0;
  for (const p of trees) mean += p;
  mean /= trees.length;
  let variance = 0;
  for (const p of trees) variance += (p - mean) ** 2;
  const agreement = Math.max(0, 1 - 4 * Math.sqrt(variance / trees.length));
  let outside = 0;
  model.featureRanges.forEach(({ min, max }, f) => {
    const z = coverageScale(f, features[f]!);
    outside += Math.max(0, min - z, z - max) / Math.max(max - min, 1e-6);
  });
  return { mean, confidence: agreement / (1 + outside) };
}

export function predictSuccess(model: LoadedSuccessModel, input: ScoreInput): SuccessPrediction {
  const { mean, confidence } = predictionConfidence(model, successFeatures(input));
  const predicted = pyRound(mean, 3);
  const rounded = pyRound(confidence, 3);
  const recommendation = recommend(predicted, rounded);
  return {
    model_version: model.version,
    predicted_success: predicted,
    confidence: rounded,
    recommendation,
    recommendation_text: TEXT[recommendation],
  };
}
