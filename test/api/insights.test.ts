// The processing, trend and model routes against the real Temporal server and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelVersionSchema } from '../../activities/db/entities';
import { insertModelVersion } from '../../activities/db/repositories/model-versions';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { post, testApp, type App, type Json } from './test-app';

const FIRST = '2027-05-01';
const LAST = '2027-05-14';
let stack: TestStack;
let app: App;
let taskQueue: string;
let keywords: string[];

beforeAll(async () => {
  stack = await startTestStack({ day: LAST });
  taskQueue = `api-insights-${uid()}`;
  app = testApp(stack, taskQueue, { temporal: { namespace: 'default', taskQueue, uiUrl: 'http://ui' } });
  keywords = seedKeywords(uid());
  await seedHistory(stack.orm, keywords, FIRST, 14);
});
afterAll(() => stack?.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Json };
};
/** Starts a run through the API and lets a worker on the API's task queue finish it. */
async function runThroughApi(path: string, body?: unknown): Promise<Json> {
  const res = await post(app, path, body);
  expect(res.status).toBe(202);
  const started = (await res.json()) as Json;
  expect(started).toMatchObject({
    workflowId: expect.any(String),
    statusUrl: `/workflows/${started.workflowId}`,
    temporalUiUrl: `http://ui/namespaces/default/workflows/${started.workflowId}`,
  });
  return stack.withWorker(() => stack.client.workflow.getHandle(started.workflowId).result(), { taskQueue });
}

describe('processing and keyword listing', () => {
  beforeAll(async () => {
    expect(await runThroughApi('/process/keywords', { day: LAST })).toMatchObject({ day: LAST, processed: 90 });
  });

  it('pages through every processed keyword of the day by opportunity, without overlap', async () => {
    const seen: Json[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/keywords?day=${LAST}&limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(90);
    expect(new Set(seen.map((i) => `${i.platform}:${i.keyword}`)).size).toBe(90);
    const scores = seen.map((i) => i.opportunity_score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Object.keys(seen[0]!).sort()).toEqual([
      'category',
      'cluster',
      'competition',
      'cpc',
      'day',
      'difficulty_score',
      'keyword',
      'opportunity_score',
      'platform',
      'related_keywords',
      'search_volume',
      'trend_score',
      'volume_source',
    ]);
    expect(seen[0]).toMatchObject({ day: LAST, cluster: { id: expect.any(Number), label: expect.any(String) } });
  });

  it('filters by platform, cluster and minimum volume, and sorts by difficulty or volume', async () => {
    const etsy = (await get(`/keywords?day=${LAST}&platform=etsy&limit=200`)).body;
    expect(etsy.count).toBe(30);
    expect(etsy.items.every((i: Json) => i.platform === 'etsy')).toBe(true);
    // an empty page still names its day, asked for or the newest
    expect((await get(`/keywords?day=${LAST}&min_volume=2000000000`)).body).toEqual({
      day: LAST,
      sort: 'opportunity',
      count: 0,
      items: [],
      next_cursor: null,
    });
    const newest = (await get('/keywords?limit=1')).body.day as string;
    expect((await get('/keywords?min_volume=2000000000')).body).toMatchObject({ day: newest, count: 0 });
    const big = (await get(`/keywords?day=${LAST}&min_volume=1000&limit=200`)).body.items as Json[];
    expect(big.every((i) => i.search_volume >= 1000)).toBe(true);
    const cluster0 = (await get(`/keywords?day=${LAST}&cluster=0&limit=200`)).body.items as Json[];
    expect(cluster0.length).toBeGreaterThan(0);
    expect(cluster0.every((i) => i.cluster.id === 0)).toBe(true);
    const easy = ((await get(`/keywords?day=${LAST}&sort=difficulty&limit=200`)).body.items as Json[]).map((i) => i.difficulty_score);
    expect(easy).toEqual([...easy].sort((a, b) => a - b));
    const loud = ((await get(`/keywords?day=${LAST}&sort=volume&limit=200`)).body.items as Json[]).map((i) => i.search_volume);
    expect(loud).toEqual([...loud].sort((a, b) => b - a));
  });

  it("lists the day's clusters largest first, the ones its keywords carry", async () => {
    const { status, body } = await get(`/clusters?day=${LAST}`);
    expect(status).toBe(200);
    expect(body.day).toBe(LAST);
    const clusters = body.clusters as Json[];
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      expect(Object.keys(c).sort()).toEqual(['id', 'label', 'size', 'top_terms']);
      expect(c.top_terms.every((t: unknown) => typeof t === 'string')).toBe(true);
    }
    const order = clusters.map((c) => [c.size as number, c.id as number]);
    expect(order).toEqual([...order].sort((a, b) => b[0]! - a[0]! || a[1]! - b[1]!));
    const items = (await get(`/keywords?day=${LAST}&limit=200`)).body.items as Json[];
    const carried = new Map(items.map((i) => [i.cluster.id as number, i.cluster.label as string]));
    expect(new Map(clusters.map((c) => [c.id as number, c.label as string]))).toEqual(carried);
  });

  it('answers one keyword with its per-platform scores, cluster and daily history', async () => {
    const { status, body } = await get(`/keywords/${encodeURIComponent(keywords[0]!.toUpperCase())}`);
    expect(status).toBe(200);
    expect(body.keyword).toBe(keywords[0]);
    expect(body.platforms.map((p: Json) => p.platform)).toEqual(['amazon', 'ebay', 'etsy']);
    expect(body.platforms[0]).toMatchObject({ day: LAST, cluster: { id: expect.any(Number) } });
    expect(body.history).toHaveLength(42);
    expect(body.history[0]).toEqual({
      platform: 'amazon',
      day: FIRST,
      search_volume: expect.any(Number),
      competition: expect.any(Number),
      cpc: expect.any(Number),
      trend_score: expect.any(Number),
      source: 'simulator',
      provenance: {},
      metric_sources: {},
    });
    expect(body.platforms[0].sources.search_volume).toMatchObject({ source: 'simulator', day: LAST });
    expect((await get('/keywords/no%20such%20keyword%20anywhere')).status).toBe(404);
  });

  it.each([
    ['sort=fastest', 'sort'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['min_volume=-5', 'min_volume'],
    ['platform=walmart', 'platform'],
    ['cursor=bm9wZQ', 'cursor'],
    ['day=2027-02-30', 'day'],
    ['color=red', 'color'],
  ])('GET /keywords?%s → 400 naming %s', async (query, field) => {
    const { status, body } = await get(`/keywords?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_request', field });
  });

  it('takes a cursor as a position (value~id) in whatever sort it is given', async () => {
    const cursor = (await get(`/keywords?day=${LAST}&limit=5`)).body.next_cursor as string;
    expect(cursor).toMatch(/^[-\d.e+]+~\d+$/);
    expect((await get(`/keywords?day=${LAST}&sort=volume&cursor=${cursor}`)).status).toBe(200);
    // any value of the cursor's shape is a position, even beyond the integer volume column's range
    for (const c of ['999999999999999999999~1', '-1e+99~1', 'null~999999999999999999']) {
      expect([c, (await get(`/keywords?day=${LAST}&sort=volume&cursor=${encodeURIComponent(c)}`)).status]).toEqual([c, 200]);
    }
  });
});

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
