// OpenAPI schemas of the stored analyses, model versions and predictions.
import { z } from '@hono/zod-openapi';

/** How many rows of each volume source a run used (docs/data-sources.md says how the source is decided). */
export const VolumeSourceCounts = z
  .object({
    measured: z.number().int(),
    imported: z.number().int(),
    estimated: z.number().int(),
    simulated: z.number().int(),
    unknown: z.number().int(),
  })
  .openapi('VolumeSourceCounts');

export const TrendAnalysis = z
  .object({
    id: z.string(),
    created_at: z.string(),
    platform: z.string().openapi({ description: "a platform, or 'all'" }),
    window: z.object({ from: z.string(), to: z.string() }),
    observations: z.number().int(),
    forecast_mape: z.number().nullable(),
    volume_sources: VolumeSourceCounts.nullable().openapi({
      description: 'the observations analysed, by volume source; null for analyses stored before they were counted',
    }),
    trends: z.record(z.string(), z.unknown()).openapi({ description: 'platform_trends, temporal_trends, future_predictions' }),
    keyword_trends: z.record(z.string(), z.unknown()).nullable(),
    workflow_id: z.string(),
  })
  .openapi('TrendAnalysis');

export const FeatureImportance = z
  .object({
    method: z.literal('permutation').openapi({ description: 'permutation importance: each feature column shuffled on held-out rows' }),
    metric: z.literal('r2').openapi({ description: 'the score whose drop is reported' }),
    held_out_rows: z.number().int().openapi({ description: 'rows the model never trained on that the importances were measured on' }),
    repeats: z.number().int().openapi({ description: 'shuffles per feature' }),
    seed: z.number().int(),
    baseline: z.number().openapi({ description: 'R² on those rows with no column shuffled' }),
    features: z
      .array(z.object({ feature: z.string(), importance: z.number(), std: z.number() }))
      .openapi({ description: 'most important first: mean drop in R² over the repeats, and its standard deviation' }),
  })
  .openapi('FeatureImportance');

export const ModelVersion = z
  .object({
    version: z.number().int(),
    created_at: z.string(),
    algorithm: z.string(),
    target: z.string(),
    features: z.array(z.string()),
    horizon_days: z.number().int(),
    training_window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    metrics: z.object({ mse: z.number(), r2: z.number(), trainingSamples: z.number().int(), testSamples: z.number().int() }),
    volume_sources: VolumeSourceCounts.nullable().openapi({
      description: 'the observations the training set was built from, by volume source; null for versions trained before they were counted',
    }),
    feature_importance: FeatureImportance.nullable().openapi({
      description: 'null: not computed (versions trained before it was recorded)',
    }),
    workflow_id: z.string(),
  })
  .openapi('ModelVersion');

export const Prediction = z
  .object({
    model_version: z.string(),
    predicted_success: z.number(),
    confidence: z.number(),
    recommendation: z.enum(['excellent', 'good', 'moderate', 'low', 'not_enough_data']),
    recommendation_text: z.string(),
  })
  .openapi('Prediction');
