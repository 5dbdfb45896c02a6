// Stored analyses and models: GET /analyze/trends, GET /models, POST /predict/success.
import { createRoute, z } from '@hono/zod-openapi';
import { ModelVersionSchema, TrendAnalysisSchema, type ModelVersionRow } from '../../activities/db/insight-entities';
import { loadSuccessModel, predictSuccess, type LoadedSuccessModel } from '../../activities/ml/prediction';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { apiKeySecurity, errors, json, jsonBody, readErrors, routes, writeErrors } from '../openapi';
import { platform } from '../validate';
import { ModelVersion, Prediction, TrendAnalysis } from './model-items';

const feature = (name: string) => z.number(`${name} must be a number`).finite().min(0, 'must be 0 or more');
const PredictBody = z.strictObject({
  search_volume: feature('search_volume'), competition: feature('competition'), cpc: feature('cpc'), trend_score: feature('trend_score'),
  model_version: z.number().int().positive().optional().openapi({ description: 'default: the newest' }),
}).openapi('PredictRequest');

const trends = createRoute({
  method: 'get', path: '/analyze/trends', tags: ['insights'], summary: 'The latest stored trend analysis',
  request: { query: z.strictObject({ platform: platform.optional().openapi({ description: 'default: all platforms' }) }) },
  responses: { 200: json(TrendAnalysis, 'the analysis'), ...readErrors(), ...errors(404) },
});
const models = createRoute({
  method: 'get', path: '/models', tags: ['insights'], summary: 'Model versions, newest first',
  responses: { 200: json(z.object({ models: z.array(ModelVersion) }), 'versions'), ...readErrors() },
});
const predict = createRoute({
  method: 'post', path: '/predict/success', tags: ['insights'], summary: "Predict a keyword's success", security: apiKeySecurity,
  request: { body: jsonBody(PredictBody, true) },
  responses: { 200: json(z.object({ prediction: Prediction, input_data: PredictBody.omit({ model_version: true }) }), 'the prediction'), ...writeErrors(), ...errors(404) },
});

export function modelRoutes(deps: ApiDeps) {
  const loaded = new Map<number, LoadedSuccessModel>();
  return routes()
    .openapi(trends, async (c) => {
      const only = c.req.valid('query').platform;
      const row = await deps.orm.em.fork().findOne(TrendAnalysisSchema, { platform: only ?? null }, { orderBy: { id: 'desc' } });
      if (!row) throw new HttpError(404, 'not_found', `no trend analysis stored yet for ${only ?? 'all platforms'}: POST /analyze/trends`);
      return c.json({
        id: row.id, created_at: row.createdAt.toISOString(), platform: row.platform ?? 'all',
        window: { from: row.windowFrom, to: row.windowTo }, observations: row.observations, forecast_mape: row.forecastMape,
        trends: row.analysis, keyword_trends: row.keywordTrends, workflow_id: row.workflowId,
      }, 200);
    })
    .openapi(models, async (c) => {
      const rows = await deps.orm.em.fork().find(ModelVersionSchema, {}, { orderBy: { version: 'desc' }, limit: 100 });
      return c.json({ models: rows.map(describe) }, 200);
    })
    .openapi(predict, async (c) => {
      const body = c.req.valid('json');
      const em = deps.orm.em.fork();
      const where = body.model_version ? { version: body.model_version } : { version: { $gt: 0 } };
      const row = await em.findOne(ModelVersionSchema, where, { orderBy: { version: 'desc' }, fields: ['version'] });
      if (!row) throw new HttpError(404, 'not_found', body.model_version ? `no model version ${body.model_version}` : 'no model trained yet: POST /models/train');
      let model = loaded.get(row.version);
      if (!model) {
        const full = await em.findOneOrFail(ModelVersionSchema, { version: row.version }, { populate: ['forest'] });
        model = loadSuccessModel(String(full.version), full);
        loaded.set(row.version, model);
      }
      const { model_version: _, ...input } = body;
      const prediction = predictSuccess(model, {
        searchVolume: input.search_volume, competition: input.competition, cpc: input.cpc, trendScore: input.trend_score,
      });
      return c.json({ prediction, input_data: input }, 200);
    });
}

function describe(m: ModelVersionRow) {
  return {
    version: m.version, created_at: m.createdAt.toISOString(), algorithm: m.algorithm, target: m.target, features: m.features,
    horizon_days: m.horizonDays, training_window: { from: m.trainingFrom, to: m.trainingTo }, metrics: m.metrics, workflow_id: m.workflowId,
  };
}
