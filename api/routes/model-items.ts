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
