// The volume source rule (activities/db/repositories/volume-sources.ts) on real rows: each category as GET /keywords
// shows and filters it, the counts processing reports, and GET /keywords/:keyword's number sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandLabels } from '../../activities/collect/demand-fill';
import type { NewObservation } from '../../activities/db/entities';
import { upsertObservations } from '../../activities/db/repositories/observations';
import { countVolumeSources } from '../../activities/db/repositories/volume-sources';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { post, testApp, type App, type Json } from './test-app';

const DAY = '2009-09-17';
/** The labels demand filling writes (activities/collect/demand-fill.ts). */
const GOOGLE = demandLabels('google-ads').search_volume;
let stack: TestStack;
let app: App;
let taskQueue: string;
let token: string;

/** One row per case: what is stored, and the volume source the rule must give it (null: unknown). */
const CASES: { name: string; expected: string | null; row: Partial<NewObservation> }[] = [
  { name: 'seed simulator', expected: 'simulated', row: { source: 'simulator' } },
  {
    name: 'official api served by the simulator, simulated google demand',
    expected: 'simulated',
    row: {
      source: 'etsy-v3:simulator',
      provenance: { search_volume: 'measured' },
      metricSources: { search_volume: demandLabels('google-ads:simulator').search_volume },
    },
  },
  {
    name: 'filled by google-ads demand',
    expected: 'measured',
    row: { source: 'etsy-v3:openapi.etsy.com', provenance: { search_volume: 'measured' }, metricSources: { search_volume: GOOGLE } },
  },
  { name: "a platform's own number", expected: 'measured', row: { source: 'amazon-ads', provenance: { search_volume: 'measured' } } },
  {
    name: 'filled by a keyword planner csv import',
    expected: 'imported',
    row: {
      source: 'ebay-browse:api.ebay.com',
      provenance: { search_volume: 'measured' },
      metricSources: { search_volume: 'keyword-planner-csv: average monthly Google searches' },
    },
  },
  {
    name: 'simulator row filled by an amazon sqp import',
    expected: 'imported',
    row: {
      source: 'simulator',
      provenance: { search_volume: 'measured' },
      metricSources: { search_volume: 'amazon-sqp: weekly search query volume ×52/12' },
    },
  },
  { name: 'a generated dataset', expected: 'imported', row: { source: 'dataset:history.jsonl' } },
  {
    name: 'estimated from a search frequency rank',
    expected: 'estimated',
    row: {
      source: 'amazon-ads',
      // what an import writes for a volume estimated from a rank (the collectors' type names only their own kinds)
      provenance: { search_volume: 'estimated' as 'measured' },
      metricSources: { search_volume: 'amazon-search-terms: estimated from search frequency rank' },
    },
  },
  {
    name: 'derived by its source',
    expected: 'estimated',
    row: { source: 'etsy-v3:openapi.etsy.com', provenance: { search_volume: 'derived' } },
  },
  { name: 'no volume', expected: null, row: { source: 'ebay-browse:api.ebay.com', searchVolume: null } },
  { name: 'provenance not recorded', expected: null, row: { source: 'etsy-v3:openapi.etsy.com' } },
];
const keywordOf = (i: number) => `volume source ${token} ${i}`;

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  taskQueue = `api-sources-${uid()}`;
  app = testApp(stack, taskQueue);
  token = uid();
  const rows: NewObservation[] = CASES.map(({ row }, i) => ({
    platform: 'etsy',
    keyword: keywordOf(i),
    day: DAY,
    searchVolume: 1000 + i,
    competition: 0.5,
    cpc: 1.25,
    trendScore: 0.6,
    relatedKeywords: [],
    categoryData: null,
    degraded: [],
    source: 'simulator',
    provenance: {},
    details: null,
    metricSources: {},
    collectedAt: new Date('2009-09-17T06:30:00Z'),
    workflowId: 'test',
    ...row,
  }));
  await upsertObservations(stack.orm.em.fork(), rows);
});
afterAll(() => stack?.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Json };
};
const EXPECTED_COUNTS = { measured: 2, imported: 3, estimated: 2, simulated: 2, unknown: 2 };

describe('volume sources', () => {
  it('counts the rows of a window by volume source; complete rows only when asked', async () => {
    const em = stack.orm.em.fork();
    expect(await countVolumeSources(em, { from: DAY, to: DAY })).toEqual(EXPECTED_COUNTS);
    expect(await countVolumeSources(em, { from: DAY, to: DAY, complete: true })).toEqual({ ...EXPECTED_COUNTS, unknown: 1 });
    expect(await countVolumeSources(em, { from: DAY, to: DAY, platform: 'amazon' })).toEqual({
      measured: 0,
      imported: 0,
      estimated: 0,
      simulated: 0,
      unknown: 0,
    });
  });

  it('processing reports the counts; GET /keywords shows each row its source and filters by it', async () => {
    const res = await post(app, '/process/keywords', { day: DAY });
    expect(res.status).toBe(202);
    const { workflowId } = (await res.json()) as Json;
    const result = await stack.withWorker(() => stack.client.workflow.getHandle(workflowId as string).result(), { taskQueue });
    expect(result).toEqual({ day: DAY, processed: CASES.length, clusters: expect.any(Number), volumeSources: EXPECTED_COUNTS });

    const all = (await get(`/keywords?day=${DAY}&limit=200`)).body.items as Json[];
    const shown = Object.fromEntries(all.map((i) => [i.keyword, i.volume_source]));
    expect(shown).toEqual(Object.fromEntries(CASES.map((c, i) => [keywordOf(i), c.expected])));
    for (const source of ['simulated', 'measured', 'estimated', 'imported']) {
      const page = await get(`/keywords?day=${DAY}&source=${source}&limit=200`);
      expect(page.status).toBe(200);
      const want = CASES.flatMap((c, i) => (c.expected === source ? [keywordOf(i)] : [])).sort();
      expect([source, (page.body.items as Json[]).map((i) => i.keyword).sort()]).toEqual([source, want]);
    }
    expect(await get(`/keywords?day=${DAY}&source=guessed`)).toMatchObject({ status: 400, body: { field: 'source' } });
  });

  it('GET /keywords/:keyword names the source, kind and date of every number', async () => {
    const google = CASES.findIndex((c) => c.name === 'filled by google-ads demand');
    const { status, body } = await get(`/keywords/${encodeURIComponent(keywordOf(google))}`);
    expect(status).toBe(200);
    const [etsy] = body.platforms as Json[];
    expect(etsy).toMatchObject({ platform: 'etsy', day: DAY, search_volume: 1000 + google, volume_source: 'measured' });
    const collected = { day: DAY, collected_at: '2009-09-17T06:30:00.000Z' };
    expect(etsy!.sources.search_volume).toEqual({ value: 1000 + google, source: GOOGLE, provenance: 'measured', ...collected });
    // no label: the row's own source gave it; its provenance was not recorded
    expect(etsy!.sources.competition).toEqual({ value: 0.5, source: 'etsy-v3:openapi.etsy.com', provenance: null, ...collected });
    expect(etsy!.sources.cpc).toMatchObject({ value: 1.25, source: 'etsy-v3:openapi.etsy.com' });
    expect(etsy!.sources.trend_score).toMatchObject({ value: 0.6, source: 'etsy-v3:openapi.etsy.com' });
    expect(etsy!.sources.difficulty_score).toEqual({
      value: etsy!.difficulty_score,
      source: 'computed from competition, cpc and search_volume',
      provenance: 'computed',
      day: DAY,
      computed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(etsy!.difficulty_score).toEqual(expect.any(Number));
    expect(etsy!.sources.opportunity_score).toMatchObject({
      value: etsy!.opportunity_score,
      source: 'computed from search_volume, trend_score and competition',
      provenance: 'computed',
    });
    expect(body.history).toEqual([
      {
        platform: 'etsy',
        day: DAY,
        search_volume: 1000 + google,
        competition: 0.5,
        cpc: 1.25,
        trend_score: 0.6,
        source: 'etsy-v3:openapi.etsy.com',
        provenance: { search_volume: 'measured' },
        metric_sources: { search_volume: GOOGLE },
      },
    ]);
  });

  it('an unknown volume and the scores that need it say unknown', async () => {
    const none = CASES.findIndex((c) => c.name === 'no volume');
    const [etsy] = (await get(`/keywords/${encodeURIComponent(keywordOf(none))}`)).body.platforms as Json[];
    expect(etsy).toMatchObject({ search_volume: null, volume_source: null, difficulty_score: null, opportunity_score: null });
    expect(etsy!.sources.search_volume).toMatchObject({ value: null, source: 'ebay-browse:api.ebay.com', provenance: null });
    expect(etsy!.sources.difficulty_score).toMatchObject({ value: null, provenance: 'unknown' });
  });
});
