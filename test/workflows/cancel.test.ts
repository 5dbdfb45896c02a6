// Cancelling a run cancels its activities, activity cancellation aborts provider requests in flight, and the
// cancelled run accounts for every keyword (collected + failures + notAttempted = requested) in its memo.
import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { collectKeywords } from '../../workflows/collect-keywords';
import { CANCELLED_RESULT_MEMO, type CollectKeywordsResult } from '../../workflows/types/collect-keywords';
import { testApp, type Json } from '../api/test-app';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

let stack: TestStack;

beforeAll(async () => {
  // requests may hang far longer than the test waits: only cancellation can end them
  stack = await startTestStack({ day: '2026-11-19', timeoutMs: 120_000 });
});
afterAll(() => stack?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('aborts the hung request when the run is cancelled', async () => {
  const keyword = `hung ${uid()}`;
  stack.sim.simulator.setFaults('etsy', { hang: { keywords: [keyword], calls: ['search'] } });
  await stack.withWorker(async (taskQueue) => {
    const handle = await stack.client.workflow.start(collectKeywords, {
      taskQueue,
      workflowId: `collect-cancel-${uid()}`,
      args: [{ keywords: [keyword], platforms: ['etsy'], day: '2026-11-19' }],
    });
    for (let i = 0; i < 100 && !stack.sim.simulator.requests.some((r) => r.keyword === keyword); i++) await sleep(100);
    const cancelledAt = Date.now();
    await handle.cancel();
    const err = await handle.result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect((err as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    // the simulator logs 499 when the client gives up on a hung request
    for (let i = 0; i < 100 && stack.sim.simulator.requests.find((r) => r.keyword === keyword)?.status !== 499; i++) await sleep(100);
    expect(stack.sim.simulator.requests.filter((r) => r.keyword === keyword).map((r) => r.status)).toEqual([499]);
    // delivered with the next heartbeat: well before the 120 s request timeout
    expect(Date.now() - cancelledAt).toBeLessThan(15_000);
  });
}, 60_000);

it('a run cancelled mid-way stops its batches and records what each stored: every keyword accounted for', async () => {
  const token = uid();
  const keywords = Array.from({ length: 30 }, (_, i) => `cancel ${token} ${i}`);
  // batches of 5, two at a time: batches 1-2 complete, 3 and 4 hang at their third keyword, 5-6 wait in the queue
  const hung = [keywords[12]!, keywords[17]!];
  stack.sim.simulator.setFaults('etsy', { hang: { keywords: hung, calls: ['search'] } });
  await stack.withWorker(async (taskQueue) => {
    const workflowId = `collect-cancel-accounting-${uid()}`;
    const handle = await stack.client.workflow.start(collectKeywords, {
      taskQueue,
      workflowId,
      args: [{ keywords, platforms: ['etsy'], day: '2026-11-19', batchSize: 5, concurrency: 2 }],
    });
    const asked = (k: string) => stack.sim.simulator.requests.some((r) => r.keyword === k);
    for (let i = 0; i < 200 && !hung.every(asked); i++) await sleep(100);
    await handle.cancel();
    const err = await handle.result().catch((e: unknown) => e);
    expect((err as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    const described = await handle.describe();
    expect(described.status.name).toBe('CANCELLED');
    // 10 from the finished batches, 2 from each hung batch (stored as it stopped); the hung keywords and the rest untried
    const result = described.memo?.[CANCELLED_RESULT_MEMO] as CollectKeywordsResult;
    expect(result).toEqual({
      day: '2026-11-19',
      keywords: 30,
      platforms: [{ platform: 'etsy', requested: 30, collected: 14, failures: [], notAttempted: 16 }],
    });
    // the API shows that accounting as the run's result and progress
    const res = await testApp(stack, taskQueue).request(`/workflows/${workflowId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect([body.status, body.result]).toEqual(['CANCELLED', result]);
    expect(body.progress).toMatchObject({ total: 30, done: 30, platforms: [{ platform: 'etsy', collected: 14, failed: 16 }] });
    const rows = await stack.orm.em
      .fork()
      .find(ObservationSchema, { platform: 'etsy', day: '2026-11-19', keyword: { $like: `cancel ${token} %` } });
    expect(rows.map((r) => r.keyword).sort()).toEqual([...keywords.slice(0, 12), ...keywords.slice(15, 17)].sort());
    // no batch after the cancellation: keywords of batches 5 and 6 were never asked for
    expect(keywords.slice(20).filter(asked)).toEqual([]);
  });
  stack.sim.simulator.clearFaults();
}, 60_000);
