// processKeywords, analyzeTrends and trainModel end to end on the real Temporal server and PostgreSQL.
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywordClusterSchema, ModelVersionSchema, ProcessedKeywordSchema, TrendAnalysisSchema } from '../../activities/db/entities';
import { upsertObservations } from '../../activities/db/repositories/observations';
import { cleanRelatedKeywords } from '../../activities/processing/related';
import { difficultyScore, opportunityScore } from '../../activities/processing/scores';
import { analyzeTrends, processKeywords, trainModel } from '../../workflows/insights';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const FIRST = '2027-03-01';
const LAST = '2027-03-14';
let stack: TestStack;
let seeded: Awaited<ReturnType<typeof seedHistory>>;

beforeAll(async () => {
  stack = await startTestStack({ day: LAST });
  seeded = await seedHistory(stack.orm, seedKeywords(uid()), FIRST, 14);
});
afterAll(() => stack?.close());

const run = <T>(fn: (taskQueue: string) => Promise<T>) => stack.withWorker(fn);
/** The rows a run used, by volume source: the seeded history is the simulator's. */
const simulated = (n: number) => ({ measured: 0, imported: 0, estimated: 0, simulated: n, unknown: 0 });

describe('processKeywords', () => {
  it('scores, cleans and clusters the day, idempotently', async () => {
    for (let i = 0; i < 2; i++) {
      const result = await run((taskQueue) =>
        stack.client.workflow.execute(processKeywords, {
          taskQueue,
          workflowId: `process-test-${uid()}`,
          args: [{ day: LAST, clusters: 8 }],
        }),
      );
      expect(result).toEqual({ day: LAST, processed: 90, clusters: expect.any(Number), volumeSources: simulated(90) });
      expect(result.clusters).toBeGreaterThanOrEqual(2);
      expect(result.clusters).toBeLessThanOrEqual(8);
    }
    const em = stack.orm.em.fork();
    const rows = await em.find(ProcessedKeywordSchema, { day: LAST });
    expect(rows).toHaveLength(90);
    const clusters = await em.find(KeywordClusterSchema, { day: LAST }, { orderBy: { clusterId: 'asc' } });
    expect(clusters.map((c) => c.clusterId)).toEqual(clusters.map((_, i) => i));
    expect(clusters.reduce((sum, c) => sum + c.size, 0)).toBe(30);
    for (const c of clusters) expect(c.label.length).toBeGreaterThan(0);
    const served = new Map(seeded.filter((s) => s.day === LAST).map((s) => [`${s.platform}:${s.keyword}`, s]));
    for (const row of rows) {
      const source = served.get(`${row.platform}:${row.keyword}`)!;
      expect(row.searchVolume).toBe(source.searchVolume);
      expect(row.difficultyScore).toBe(difficultyScore(source));
      expect(row.opportunityScore).toBe(opportunityScore(source));
      expect(row.relatedKeywords).toEqual(cleanRelatedKeywords(source.relatedKeywords));
      expect(row.clusterId).toBeGreaterThanOrEqual(0);
      expect(row.clusterId).toBeLessThan(clusters.length);
    }
    // a keyword has one cluster whatever the platform
    const byKeyword = new Map<string, Set<number | null>>();
    for (const row of rows) byKeyword.set(row.keyword, (byKeyword.get(row.keyword) ?? new Set()).add(row.clusterId));
    for (const set of byKeyword.values()) expect(set.size).toBe(1);
  });

  it('keeps unknown metrics unknown: scores that need them are null, the keyword is still clustered', async () => {
    const day = '2027-04-02';
    const rows = seedKeywords(uid())
      .slice(0, 6)
      .map((keyword, i) => ({
        platform: 'etsy' as const,
        keyword,
        day,
        searchVolume: null,
        competition: 0.3,
        cpc: i % 2 ? null : 0.5,
        trendScore: null,
        relatedKeywords: [],
        categoryData: null,
        degraded: [],
        source: 'etsy-v3',
        provenance: {},
        details: null,
        metricSources: {},
        collectedAt: new Date(),
        workflowId: 'seed',
      }));
    await upsertObservations(stack.orm.em.fork(), rows);
    const result = await run((taskQueue) =>
      stack.client.workflow.execute(processKeywords, {
        taskQueue,
        workflowId: `process-test-${uid()}`,
        args: [{ day }],
      }),
    );
    expect(result).toMatchObject({ day, processed: 6 });
    const stored = await stack.orm.em.fork().find(ProcessedKeywordSchema, { day });
    expect(stored).toHaveLength(6);
    for (const row of stored) {
      expect(row).toMatchObject({ searchVolume: null, trendScore: null, difficultyScore: null, opportunityScore: null, competition: 0.3 });
      expect(row.clusterId).not.toBeNull();
    }
  });
});

describe('analyzeTrends', () => {
  it('stores a versioned analysis of the window with a backtested forecast', async () => {
    const all = await run((taskQueue) =>
      stack.client.workflow.execute(analyzeTrends, {
        taskQueue,
        workflowId: `analyze-test-${uid()}`,
        args: [{ to: LAST, days: 14 }],
      }),
    );
    expect(all).toMatchObject({ analysisId: expect.any(String), day: LAST, observations: 1260, volumeSources: simulated(1260) });
    const row = await stack.orm.em.fork().findOneOrFail(TrendAnalysisSchema, { id: all.analysisId! });
    expect(row).toMatchObject({ platform: null, windowFrom: FIRST, windowTo: LAST, observations: 1260 });
    const analysis = row.analysis as {
      platform_trends: Record<string, { total_keywords: number }>;
      temporal_trends: { daily_stats: unknown[] };
    };
    expect(Object.keys(analysis.platform_trends).sort()).toEqual(['amazon', 'ebay', 'etsy']);
    expect(analysis.platform_trends.etsy!.total_keywords).toBe(420);
    expect(analysis.temporal_trends.daily_stats).toHaveLength(14);
    expect(typeof all.forecastMape).toBe('number');
    expect(row.forecastMape).toBe(all.forecastMape);

    const etsy = await run((taskQueue) =>
      stack.client.workflow.execute(analyzeTrends, {
        taskQueue,
        workflowId: `analyze-test-${uid()}`,
        args: [{ platform: 'etsy', to: LAST, days: 14 }],
      }),
    );
    expect(etsy.observations).toBe(420);
    expect(etsy.volumeSources).toEqual(simulated(420));
    expect(Number(etsy.analysisId)).toBeGreaterThan(Number(all.analysisId));
  });
});

describe('trainModel', () => {
  it('trains on observations with a week of later history and stores a model version', async () => {
    const result = await run((taskQueue) =>
      stack.client.workflow.execute(trainModel, {
        taskQueue,
        workflowId: `train-test-${uid()}`,
        args: [{ to: LAST, days: 14 }],
      }),
    );
    // 90 series × the 10 days that have at least 4 later days within 7: 900 rows, split 80/20
    expect(result.metrics).toMatchObject({ trainingSamples: 720, testSamples: 180 });
    // the training set is built from the window's 14 days × 90 complete rows
    expect(result.volumeSources).toEqual(simulated(1260));
    expect(Number.isFinite(result.metrics!.r2)).toBe(true);
    const version = await stack.orm.em
      .fork()
      .findOneOrFail(ModelVersionSchema, { version: result.modelVersion! }, { populate: ['forest'] });
    expect(version).toMatchObject({ trainingFrom: FIRST, trainingTo: LAST, horizonDays: 7, target: 'success_score/v1' });
    expect(version.metrics.volumeSources).toEqual(simulated(1260));
    expect(version.features).toEqual(['search_volume', 'competition', 'cpc', 'trend_score']);
    expect((version.forest as { trees: unknown[] }).trees).toHaveLength(100);
  });

  it('declines to train on too short a history, saying why', async () => {
    const result = await run((taskQueue) =>
      stack.client.workflow.execute(trainModel, {
        taskQueue,
        workflowId: `train-test-${uid()}`,
        args: [{ to: '2027-03-03', days: 8 }],
      }),
    );
    expect(result).toEqual({
      modelVersion: null,
      metrics: null,
      reason: expect.stringContaining('collect for more days'),
      volumeSources: simulated(3 * 90),
    });
  });
});

it.each([
  ['processKeywords', { day: '03/14/2027' }, 'day'],
  ['processKeywords', { day: '0000-01-01' }, 'day'],
  ['analyzeTrends', { to: '0000-01-01' }, 'to'],
  ['trainModel', { to: '9999-12-31' }, 'to'],
  ['processKeywords', { clusters: 0 }, 'clusters'],
  ['analyzeTrends', { platform: 'walmart' }, 'platform'],
  ['trainModel', { days: 2 }, 'days'],
])('%s rejects %j naming %s', async (type, input, field) => {
  const err = await run((taskQueue) => stack.client.workflow.execute(type, { taskQueue, workflowId: `bad-${uid()}`, args: [input] })).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowFailedError);
  const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('InvalidInput');
  expect(cause.message).toMatch(new RegExp(`^${field}: `));
});
