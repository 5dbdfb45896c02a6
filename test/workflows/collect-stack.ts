// What the collectKeywords end-to-end files share: the test stack, its simulator's faults and request log cleared
// before each test, a run to completion on a fresh worker, and the rows stored for the file's day. The stack is
// exported as a live binding, set by the hooks useCollectStack() registers.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { collectKeywords } from '../../workflows/collect-keywords';
import type { CollectKeywordsInput } from '../../workflows/types/collect-keywords';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

export let stack: TestStack;
let day: string;

/** The hooks of a file whose simulator serves `serving` (each file its own day). */
export function useCollectStack(serving: string): void {
  day = serving;
  beforeAll(async () => {
    stack = await startTestStack({ day });
  });
  afterAll(() => stack?.close());
  beforeEach(() => {
    stack.sim.simulator.clearFaults();
    stack.sim.simulator.resetRequests();
  });
}

export const run = (input: CollectKeywordsInput, workflowId = `collect-test-${uid()}`) =>
  stack.withWorker((taskQueue) => stack.client.workflow.execute(collectKeywords, { taskQueue, workflowId, args: [input] }));

/** The observations stored for `keywords` on the file's day, by keyword then platform. */
export const rowsFor = (keywords: string[]) =>
  stack.orm.em.fork().find(ObservationSchema, { day, keyword: { $in: keywords } }, { orderBy: { keyword: 'asc', platform: 'asc' } });
