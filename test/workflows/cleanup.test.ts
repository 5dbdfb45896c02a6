// cleanupOldData: exactly the rows dated before the window go, in bounded batches, counted per table.
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { TrendAnalysisSchema } from '../../activities/db/entities';
import type { NewObservation } from '../../activities/db/entities';
import { upsertObservations } from '../../activities/db/repositories/observations';
import { deleteExpiredRows } from '../../activities/cleanup/delete-expired-rows';
import { addDays } from '../../activities/processing/days';
import { cleanupOldData } from '../../workflows/cleanup';
import type { DeleteExpiredRowsProgress } from '../../workflows/types/cleanup';
import { PLATFORMS } from '../../workflows/types/platforms';
import { recordHistory } from '../helpers/histories';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

// far from every other test's days: the cleanup deletes whatever is older than its window
const AS_OF = '2001-06-01';
const CUTOFF = '2001-03-03';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: AS_OF });
});
afterAll(() => stack?.close());

/** 4 keywords × 3 platforms on each day from `first`, `days` days long. */
async function seed(token: string, first: string, days: number): Promise<void> {
  const rows: NewObservation[] = [];
  for (let d = 0; d < days; d++) {
    for (const platform of PLATFORMS) {
      for (let k = 0; k < 4; k++) {
        rows.push({
          platform,
          keyword: `old ${token} ${k}`,
          day: addDays(first, d),
          searchVolume: 10,
          competition: 0.5,
          cpc: 1,
          trendScore: 0.5,
          relatedKeywords: [],
          categoryData: null,
          degraded: [],
          source: 'test',
          provenance: {},
          details: null,
          metricSources: {},
          collectedAt: new Date(),
          workflowId: `cleanup-test-${token}`,
        });
      }
    }
  }
  await upsertObservations(stack.orm.em.fork(), rows);
}

async function seedAnalysis(token: string, createdAt: string): Promise<void> {
  const em = stack.orm.em.fork();
  em.create(TrendAnalysisSchema, {
    createdAt: new Date(createdAt),
    platform: null,
    windowFrom: AS_OF,
    windowTo: AS_OF,
    observations: 0,
    forecastMape: null,
    analysis: {},
    keywordTrends: null,
    workflowId: `cleanup-test-${token}`,
  });
  await em.flush();
}

describe('cleanupOldData', () => {
  it('deletes exactly the rows dated before the window, table by table, and reports the counts', async () => {
    const token = uid();
    // 2001-02-20 … 2001-03-10: 11 days before the cutoff, 8 from it
    await seed(token, '2001-02-20', 19);
    await seedAnalysis(token, '2001-03-02T23:59:59Z');
    await seedAnalysis(token, `${CUTOFF}T00:00:00Z`);
    // a demand source's answers: the one before the cutoff goes
    const demandRow = (day: string) => ({
      source: 'google-ads',
      keyword: `ebooks ${token}`,
      day,
      label: 'google-ads',
      demand: null,
      failure: null,
      fetched_at: new Date(),
    });
    await stack.orm.em
      .fork()
      .getKnex()('keyword_demand')
      .insert([demandRow('2001-03-01'), demandRow(CUTOFF)]);
    const workflowId = `cleanup-test-${token}`;
    const result = await stack.withWorker((taskQueue) =>
      stack.client.workflow.execute(cleanupOldData, {
        taskQueue,
        workflowId,
        args: [{ asOf: AS_OF, retentionDays: 90, batchSize: 7 }],
      }),
    );
    if (process.env.RECORD_HISTORIES) await recordHistory('cleanup-old-data', stack.client.workflow.getHandle(workflowId));

    expect(result).toEqual({
      asOf: AS_OF,
      retentionDays: 90,
      cutoff: CUTOFF,
      deleted: { observations: 11 * 12, processed_keywords: 0, keyword_clusters: 0, trend_analyses: 1, keyword_demand: 1 },
    });
    const em = stack.orm.em.fork();
    const left = await em.find(ObservationSchema, { workflowId }, { orderBy: { day: 'asc' } });
    expect(left).toHaveLength(8 * 12);
    expect(left[0]!.day).toBe(CUTOFF);
    const analyses = await em.find(TrendAnalysisSchema, { workflowId });
    expect(analyses.map((a) => a.createdAt.toISOString())).toEqual([`${CUTOFF}T00:00:00.000Z`]);

    // nothing older is left: a second run deletes nothing
    const again = await stack.withWorker((taskQueue) =>
      stack.client.workflow.execute(cleanupOldData, {
        taskQueue,
        workflowId: `${workflowId}-again`,
        args: [{ asOf: AS_OF }],
      }),
    );
    expect(Object.values(again.deleted)).toEqual([0, 0, 0, 0, 0]);
  });

  it('heartbeats its batch progress and resumes counting from the last heartbeat', async () => {
    const token = uid();
    await seed(token, '2000-01-01', 2);
    const beats: DeleteExpiredRowsProgress[] = [];
    const resumed = { table: 'observations', cutoff: '2000-01-02', batches: 3, deleted: 30 };
    const env = new MockActivityEnvironment({ heartbeatDetails: resumed });
    env.on('heartbeat', (d: DeleteExpiredRowsProgress) => beats.push({ ...d }));
    const out = await env.run(deleteExpiredRows, stack.orm, { table: 'observations', cutoff: '2000-01-02', batchSize: 5, maxBatches: 10 });

    // 12 rows of 2000-01-01 in batches of 5: 5, 5, 2; the day of the cutoff stays
    expect(out).toEqual({ deleted: 42, done: true });
    expect(beats.map((b) => [b.batches, b.deleted])).toEqual([
      [4, 35],
      [5, 40],
      [6, 42],
    ]);
    expect(await stack.orm.em.fork().count(ObservationSchema, { keyword: { $like: `old ${token} %` } })).toBe(12);
  });

  it('stops after maxBatches, saying it is not done', async () => {
    await seed(uid(), '1999-01-01', 1);
    const env = new MockActivityEnvironment();
    const out = await env.run(deleteExpiredRows, stack.orm, { table: 'observations', cutoff: '1999-01-02', batchSize: 5, maxBatches: 1 });
    expect(out).toEqual({ deleted: 5, done: false });
  });

  it.each([
    [{ retentionDays: 0 }, 'retentionDays'],
    [{ batchSize: 1.5 }, 'batchSize'],
    [{ asOf: '01/06/2001' }, 'asOf'],
  ])('rejects %j with InvalidInput naming %s', async (input, field) => {
    const err = await stack
      .withWorker((taskQueue) =>
        stack.client.workflow.execute(cleanupOldData, {
          taskQueue,
          workflowId: `cleanup-test-${uid()}`,
          args: [input],
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('InvalidInput');
    expect(cause.message.startsWith(`${field}:`)).toBe(true);
  });
});
