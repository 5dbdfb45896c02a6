// keywordPipeline end to end: collect → process → analyze → train as children, rows in every table,
// partial collections go on, a failed step stops the chain and is named.
import { WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { ObservationSchema } from '../../activities/db/entities';
import { KeywordClusterSchema, ModelVersionSchema, ProcessedKeywordSchema, TrendAnalysisSchema } from '../../activities/db/entities';
import { keywordPipeline } from '../../workflows/pipeline';
import { pipelineSummary } from '../../workflows/pipeline-input';
import { PIPELINE_STEP_FAILED } from '../../workflows/types/failures';
import type { KeywordPipelineInput } from '../../workflows/types/pipeline';
import { PLATFORMS } from '../../workflows/types/platforms';
import { recordHistory } from '../helpers/histories';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, workflowBundle, type TestStack } from '../helpers/stack';

// days no other test uses: trend windows and training sets see this file's rows only
const FIRST = '2005-01-01';
const DAY = '2005-01-15';
let stack: TestStack;
let keywords: string[];

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  keywords = seedKeywords(uid());
  await seedHistory(stack.orm, keywords, FIRST, 14);
});
afterAll(() => stack?.close());

const start = (input: KeywordPipelineInput, workflowId: string, taskQueue: string) =>
  stack.client.workflow.start(keywordPipeline, { taskQueue, workflowId, args: [input], staticSummary: pipelineSummary(input) });

const statusOf = (workflowId: string) =>
  stack.client.workflow
    .getHandle(workflowId)
    .describe()
    .then((d) => d.status.name);

async function stepFailure(run: Promise<unknown>) {
  const err = await run.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkflowFailedError);
  const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause;
}

describe('keywordPipeline', () => {
  it('runs the four steps as child workflows and leaves rows in every table', async () => {
    // the history's name: the replay test runs it under that ID, and child IDs derive from it (fresh server per test run)
    const id = 'keyword-pipeline';
    const input = { keywords, platforms: [...PLATFORMS], day: DAY };
    const result = await stack.withWorker(async (taskQueue) => {
      const handle = await start(input, id, taskQueue);
      const out = await handle.result();
      const meta = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(meta.currentDetails).toContain('**ok**: collect → process → analyze → train done for 2005-01-15');
      return out;
    });
    if (process.env.RECORD_HISTORIES) await recordHistory('keyword-pipeline', stack.client.workflow.getHandle(id));

    expect(result).toMatchObject({
      day: DAY,
      steps: ['collect', 'process', 'analyze', 'train'],
      status: 'ok',
      collect: { keywords: 30, chunks: 1, chunksDone: 1 },
      process: { day: DAY, processed: 90 },
      analyze: { day: DAY, observations: 15 * 90, analysisId: expect.any(String) },
      train: { modelVersion: expect.any(Number) },
    });
    expect(result.collect!.platforms.map((p) => [p.platform, p.collected, p.failed])).toEqual(PLATFORMS.map((p) => [p, 30, 0]));

    const em = stack.orm.em.fork();
    expect(await em.count(ObservationSchema, { day: DAY, workflowId: `${id}/collect` })).toBe(90);
    expect(await em.count(ProcessedKeywordSchema, { day: DAY, workflowId: `${id}/process` })).toBe(90);
    expect(await em.count(KeywordClusterSchema, { day: DAY, workflowId: `${id}/process` })).toBe(result.process!.clusters);
    expect(await em.findOneOrFail(TrendAnalysisSchema, { id: result.analyze!.analysisId! })).toMatchObject({
      windowTo: DAY,
      workflowId: `${id}/analyze`,
    });
    expect(await em.findOneOrFail(ModelVersionSchema, { version: result.train!.modelVersion! })).toMatchObject({
      trainingTo: DAY,
      workflowId: `${id}/train`,
    });

    for (const step of ['collect', 'process', 'analyze', 'train']) expect(await statusOf(`${id}/${step}`)).toBe('COMPLETED');
    const desc = await stack.client.workflow.getHandle(id).describe();
    expect(desc.searchAttributes).toMatchObject({
      PipelineStep: ['done'],
      PipelineStatus: ['ok'],
      Platforms: [...PLATFORMS],
      KeywordCount: [30],
    });
    expect(await desc.staticSummary()).toBe(`Keyword pipeline: collect → process → analyze → train — 30 keywords on amazon, etsy, ebay`);
    expect(await (await stack.client.workflow.getHandle(`${id}/collect`).describe()).staticSummary()).toBe(
      `Collect 30 keywords on amazon, etsy, ebay for ${DAY}`,
    );
  }, 120_000);

  it('goes on to processing when some keywords fail to collect, with the status partial', async () => {
    const day = '2005-05-10';
    const token = uid();
    const [bad, good] = [`bad ${token}`, `good ${token}`];
    stack.sim.simulator.setFaults('etsy', { notFound: { keywords: [bad], calls: ['search'] } });
    const result = await stack.withWorker((taskQueue) =>
      start({ keywords: [bad, good], platforms: ['etsy'], day, steps: ['collect', 'process'] }, `pipeline-test-${token}`, taskQueue).then(
        (h) => h.result(),
      ),
    );
    stack.sim.simulator.clearFaults();

    expect(result).toMatchObject({ status: 'partial', process: { day, processed: 1 } });
    expect(result.collect!.platforms).toEqual([
      {
        platform: 'etsy',
        requested: 2,
        collected: 1,
        failed: 1,
        errors: [],
        failureSamples: [{ keyword: bad, reason: expect.stringContaining('404') }],
      },
    ]);
  });

  it('stops at the collect step when nothing could be collected, naming it', async () => {
    const id = `pipeline-test-${uid()}`;
    const providers = Object.fromEntries(
      PLATFORMS.map((p) => [p, { ...stack.providers[p], baseUrl: undefined }]),
    ) as TestStack['providers'];
    const cause = await stepFailure(
      stack.withWorker(
        (taskQueue) => start({ keywords: ['svg'], platforms: ['etsy', 'ebay'], day: '2005-10-01' }, id, taskQueue).then((h) => h.result()),
        { providers },
      ),
    );

    expect(cause.type).toBe(PIPELINE_STEP_FAILED);
    expect(cause.message).toBe(
      'collect step failed: nothing collected (etsy: no provider configured on this worker (ETSY_PROVIDER_URL); ' +
        'platform stopped; ebay: no provider configured on this worker (EBAY_PROVIDER_URL); platform stopped)',
    );
    expect(cause.details).toEqual([{ step: 'collect', workflowId: `${id}/collect` }]);
    await expect(statusOf(`${id}/process`)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect((await stack.client.workflow.getHandle(id).describe()).searchAttributes).toMatchObject({
      PipelineStep: ['collect'],
      PipelineStatus: ['failed'],
    });
  });

  it('stops at a failed later step, naming it, after the earlier steps completed', async () => {
    const id = `pipeline-test-${uid()}`;
    const taskQueue = `pipeline-fail-${uid()}`;
    const connection = await NativeConnection.connect({ address: stack.temporalAddress });
    const activities = {
      ...createActivities({ orm: stack.orm, adapters: {} }),
      trainModel: () => Promise.reject(ApplicationFailure.nonRetryable('model store unavailable', 'ModelStoreDown')),
    };
    const worker = await Worker.create({ connection, taskQueue, workflowBundle: await workflowBundle(), activities });
    try {
      const cause = await stepFailure(
        worker.runUntil(start({ day: '2005-01-14', steps: ['train', 'process', 'analyze'] }, id, taskQueue).then((h) => h.result())),
      );
      expect(cause.type).toBe(PIPELINE_STEP_FAILED);
      expect(cause.message).toBe('train step failed: ModelStoreDown: model store unavailable');
      expect(cause.details).toEqual([{ step: 'train', workflowId: `${id}/train` }]);
    } finally {
      await connection.close();
    }
    expect([await statusOf(`${id}/process`), await statusOf(`${id}/analyze`), await statusOf(`${id}/train`)]).toEqual([
      'COMPLETED',
      'COMPLETED',
      'FAILED',
    ]);
  });

  it.each([
    [{ platforms: ['etsy'] }, 'keywords'],
    [{ keywords: ['a'], keywordList: 'kl-000000000000000000000000', platforms: ['etsy'] }, 'keywords'],
    [{ keywordList: 'list-1', platforms: ['etsy'] }, 'keywordList'],
    [{ keywordList: 'kl-000000000000000000000000', platforms: ['etsy'] }, 'keywordList'],
    [{ keywords: ['a'], platforms: ['walmart'] }, 'platforms[0]'],
    [{ keywords: ['a'], platforms: ['etsy'], steps: ['collect', 'deploy'] }, 'steps[1]'],
    [{ keywords: ['a'], platforms: ['etsy'], chunkSize: 20_000 }, 'chunkSize'],
    [{ steps: ['process'], day: '2005-02-30' }, 'day'],
    [{ steps: ['process'], day: '0000-01-01' }, 'day'],
  ])('rejects %j with InvalidInput naming %s', async (input, field) => {
    const err = await stack
      .withWorker((taskQueue) => start(input as KeywordPipelineInput, `pipeline-test-${uid()}`, taskQueue).then((h) => h.result()))
      .catch((e: unknown) => e);
    const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('InvalidInput');
    expect(cause.message.startsWith(`${field}:`)).toBe(true);
  });
});
