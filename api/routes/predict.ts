// /predict/success: a keyword's predicted success from its metrics, by a stored model version (cached once loaded).
import { createRoute, z } from '@hono/zod-openapi';
import { findModelVersionNumber, loadModelVersion } from '../../activities/db/repositories/model-versions';
import { loadSuccessModel, predictSuccess, type LoadedSuccessModel } from '../../activities/ml/prediction';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { apiKeySecurity, errors, json, jsonBody, routes, writeErrors } from '../openapi';
import { Prediction } from './model-items';

const feature = (name: string) => z.number(`${name} must be a number`).finite().min(0, 'must be 0 or more');
const PredictBody = z
  .strictObject({
    search_volume: feature('search_volume'),
    competition: feature('competition'),
    cpc: feature('cpc'),
    trend_score: feature('trend_score'),
    model_version: z.number().int().positive().optional().openapi({ description: 'default: the newest' }),
  })
  .openapi('PredictRequest');

const predict = createRoute({
  method: 'post',
  path: '/predict/success',
  tags: ['insights'],
  summary: "Predict a keyword's success",
  security: apiKeySecurity,
  request: { body: jsonBody(PredictBody, true) },
  responses: {
    200: json(z.object({ prediction: Prediction, input_data: PredictBody.omit({ model_version: true }) }), 'the prediction'),
    ...writeErrors(),
    ...errors(404),
  },
});

export function predictRoutes(deps: ApiDeps) {
  const loaded = new Map<number, LoadedSuccessModel>();
  return routes().openapi(predict, async (c) => {
    const body = c.req.valid('json');
    const em = deps.orm.em.fork();
    const version = await findModelVersionNumber(em, body.model_version);
    if (version === null)
      throw new HttpError(
        404,
        'not_found',
        body.model_version ? `no model version ${body.model_version}` : 'no model trained yet: POST /models/train',
      );
    let model = loaded.get(version);
    if (!model) {
      const full = await loadModelVersion(em, version);
      model = loadSuccessModel(String(full.version), full);
      loaded.set(version, model);
    }
    const { model_version: _, ...input } = body;
    const prediction = predictSuccess(model, {
      searchVolume: input.search_volume,
      competition: input.competition,
      cpc: input.cpc,
      trendScore: input.trend_score,
    });
    return c.json({ prediction, input_data: input }, 200);
  });
}
