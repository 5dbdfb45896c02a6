// Cancelling a run cancels its activities, and activity cancellation aborts provider requests in flight.
import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectKeywords } from '../../workflows/collect-keywords';
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
