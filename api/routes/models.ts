// Stored analyses and models: GET /analyze/trends, GET /models, POST /predict/success.
import { Hono } from 'hono';
import { z } from 'zod';
import { ModelVersionSchema, TrendAnalysisSchema, type ModelVersionRow } from '../../activities/db/insight-entities';
import { loadSuccessModel, predictSuccess, type LoadedSuccessModel } from '../../activities/ml/prediction';
import type { TrainedSuccessModel } from '../../activities/ml/success';
import type { ApiDeps } from '../deps';
import { HttpError, jsonBody } from '../errors';
import { parseWith, platform } from '../validate';

const feature = (name: string) => z.number(`${name} must be a number`).finite().min(0, 'must be 0 or more');
const predictBody = z.strictObject({
  search_volume: feature('search_volume'), competition: feature('competition'), cpc: feature('cpc'), trend_score: feature('trend_score'),
  model_version: z.number().int().positive().optional(),
});

export function modelRoutes(deps: ApiDeps) {
  const loaded = new Map<number, LoadedSuccessModel>();
  return new Hono()
    .get('/analyze/trends', async (c) => {
      const { platform: only } = parseWith(z.object({ platform: platform.optional() }), { platform: c.req.query('platform') });
      const row = await deps.orm.em.fork().findOne(TrendAnalysisSchema, { platform: only ?? null }, { orderBy: { id: 'desc' } });
      if (!row) throw new HttpError(404, 'not_found', `no trend analysis stored yet for ${only ?? 'all platforms'}: POST /analyze/trends`);
      return c.json({
        id: row.id, created_at: row.createdAt.toISOString(), platform: row.platform ?? 'all',
        window: { from: row.windowFrom, to: row.windowTo }, observations: row.observations, forecast_mape: row.forecastMape,
        trends: row.analysis, keyword_trends: row.keywordTrends, workflow_id: row.workflowId,
      });
    })
    .get('/models', async (c) => {
      const rows = await deps.orm.em.fork().find(ModelVersionSchema, {}, { orderBy: { version: 'desc' }, limit: 100 });
      return c.json({ models: rows.map(describe) });
    })
    .post('/predict/success', async (c) => {
      const body = parseWith(predictBody, await jsonBody(c));
      const em = deps.orm.em.fork();
      const where = body.model_version ? { version: body.model_version } : { version: { $gt: 0 } };
      const row = await em.findOne(ModelVersionSchema, where, { orderBy: { version: 'desc' }, fields: ['version'] });
      if (!row) throw new HttpError(404, 'not_found', body.model_version ? `no model version ${body.model_version}` : 'no model trained yet: POST /models/train');
      let model = loaded.get(row.version);
      if (!model) {
        const full = await em.findOneOrFail(ModelVersionSchema, { version: row.version }, { populate: ['forest'] });
        model = loadSuccessModel(String(full.version), full as unknown as Pick<TrainedSuccessModel, 'forest' | 'featureRanges'>);
        loaded.set(row.version, model);
      }
      const { model_version: _, ...input } = body;
      const prediction = predictSuccess(model, {
        searchVolume: input.search_volume, competition: input.competition, cpc: input.cpc, trendScore: input.trend_score,
      });
      return c.json({ prediction, input_data: input });
    });
}

function describe(m: ModelVersionRow) {
  return {
    version: m.version, created_at: m.createdAt.toISOString(), algorithm: m.algorithm, target: m.target, features: m.features,
    horizon_days: m.horizonDays, training_window: { from: m.trainingFrom, to: m.trainingTo }, metrics: m.metrics, workflow_id: m.workflowId,
  };
}
