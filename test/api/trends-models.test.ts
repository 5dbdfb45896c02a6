// The trend, model and prediction routes against the real Temporal server and PostgreSQL, on a processed fortnight.
import { describe, expect, it } from 'vitest';
import { ModelVersionSchema } from '../../activities/db/entities';
import { insertModelVersion } from '../../activities/db/repositories/model-versions';
import { uid } from '../helpers/stack';
import { post, type Json } from './test-app';
import { app, get, runThroughApi, stack, useInsightsApp } from './insights-app';

// days of their own: processed-keywords.test.ts processes 2027-05-14 with other keywords
const FIRST = '2027-06-01';
const LAST = '2027-06-14';
useInsightsApp(FIRST, LAST);

describe('trend analyses, models and predictions', () => {
  it('stores an analysis and serves the latest one', async () => {
    const result = await runThroughApi('/analyze/trends', { to: LAST, days: 14 });
    const { status, body } = await get('/analyze/trends');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: result.analysisId,
      platform: 'all',
      window: { from: FIRST, to: LAST },
      observations: 1260,
      forecast_mape: result.forecastMape,
      volume_sources: { measured: 0, imported: 0, estimated: 0, simulated: 1260, unknown: 0 },
    });
    expect(body.trends).not.toHaveProperty('volume_sources');
    expect(Object.keys(body.trends.platform_trends).sort()).toEqual(['amazon', 'ebay', 'etsy']);
    expect(body.keyword_trends).toMatchObject({ total_keywords: 90, top_opportunities: expect.any(Array) });
    expect((await get('/analyze/trends?platform=walmart')).body).toMatchObject({ field: 'platform' });
  });

  it('trains a model version, lists it, and predicts with it', async () => {
    const trained = await runThroughApi('/models/train', { to: LAST, days: 14 });
    const models = (await get('/models')).body.models as Json[];
    expect(models[0]).toMatchObject({
      version: trained.modelVersion,
      target: 'success_score/v1',
      horizon_days: 7,
      training_window: { from: FIRST, to: LAST },
      metrics: { trainingSamples: 720, testSamples: 180 },
      volume_sources: { measured: 0, imported: 0, estimated: 0, simulated: 1260, unknown: 0 },
    });
    expect(models[0]!.metrics).not.toHaveProperty('volumeSources');
    expect(models[0]).not.toHaveProperty('forest');
    // importances measured on the 180 held-out rows, one per feature, most important first
    const importance = models[0]!.feature_importance as Json;
    expect(importance).toMatchObject({ method: 'permutation', metric: 'r2', held_out_rows: 180, repeats: 5, seed: 42 });
    expect(importance.features.map((f: Json) => f.feature).sort()).toEqual(['competition', 'cpc', 'search_volume', 'trend_score']);
    const drops = importance.features.map((f: Json) => f.importance as number);
    expect(drops).toEqual([...drops].sort((a, b) => b - a));
    expect(drops[0]).toBeGreaterThan(0);
    expect(importance.features.every((f: Json) => Number.isFinite(f.std) && f.std >= 0)).toBe(true);

    const input = { search_volume: 1200, competition: 0.4, cpc: 0.8, trend_score: 0.6 };
    const res = await post(app, '/predict/success', input);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.input_data).toEqual(input);
    expect(body.prediction).toMatchObject({ model_version: String(trained.modelVersion) });
    expect(body.prediction.predicted_success).toBeGreaterThanOrEqual(0);
    expect(body.prediction.predicted_success).toBeLessThanOrEqual(1);
    const far = (await (await post(app, '/predict/success', { ...input, search_volume: 5e8, cpc: 900 })).json()) as Json;
    expect(far.prediction.confidence).toBeLessThan(body.prediction.confidence);
  });

  it('answers feature_importance null for a version trained before importances were recorded', async () => {
    const em = stack.orm.em.fork();
    const newest = await em.findOneOrFail(
      ModelVersionSchema,
      { version: { $gt: 0 } },
      { orderBy: { version: 'desc' }, populate: ['forest'] },
    );
    const { version: _version, ...row } = newest;
    const older = await insertModelVersion(em, { ...row, featureImportance: null, workflowId: `older-${uid()}` });
    try {
      const listed = ((await get('/models')).body.models as Json[]).find((m) => m.version === older);
      expect(listed).toMatchObject({ version: older, feature_importance: null });
    } finally {
      await em.nativeDelete(ModelVersionSchema, { version: older });
    }
  });

  it.each([
    [{ competition: 0.4, cpc: 0.8, trend_score: 0.6 }, 'search_volume'],
    [{ search_volume: -1, competition: 0.4, cpc: 0.8, trend_score: 0.6 }, 'search_volume'],
    [{ search_volume: 1, competition: '0.4', cpc: 0.8, trend_score: 0.6 }, 'competition'],
    [{ search_volume: 1, competition: 0.4, cpc: 0.8, trend_score: 0.6, color: 'red' }, 'color'],
    [{ search_volume: 1, competition: 0.4, cpc: 0.8, trend_score: 0.6, model_version: 99999 }, null],
  ])('POST /predict/success %j → 4xx naming %s', async (body, field) => {
    const res = await post(app, '/predict/success', body);
    const json = (await res.json()) as Json;
    if (field) expect([res.status, json.field]).toEqual([400, field]);
    else expect([res.status, json.error]).toEqual([404, 'not_found']);
  });

  it.each([
    ['/process/keywords', { clusters: 0 }, 'clusters'],
    ['/process/keywords', { day: 'today' }, 'day'],
    ['/analyze/trends', { days: 0 }, 'days'],
    ['/models/train', { days: 3 }, 'days'],
    ['/models/train', { epochs: 3 }, 'epochs'],
  ])('POST %s %j → 400 naming %s', async (path, body, field) => {
    const res = await post(app, path, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field });
  });
});
