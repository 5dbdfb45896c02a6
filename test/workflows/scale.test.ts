// 10,000 keywords × 3 platforms in one run stays far from Temporal's limits (events, size, pending activities).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { collectKeywords } from '../../workflows/collect-keywords';
import { MAX_KEYWORDS } from '../../workflows/types/platforms';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const DAY = '2026-11-23';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: DAY, ratePerSecond: 5_000 });
});
afterAll(() => stack?.close());

it(`collects ${MAX_KEYWORDS} keywords on 3 platforms with a small history`, async () => {
  const token = uid();
  const keywords = Array.from({ length: MAX_KEYWORDS }, (_, i) => `scale ${token} ${i}`);
  const workflowId = `collect-scale-${token}`;
  const result = await stack.withWorker((taskQueue) =>
    stack.client.workflow.execute(collectKeywords, {
      taskQueue,
      workflowId,
      args: [{ keywords, platforms: ['amazon', 'etsy', 'ebay'], day: DAY }],
    }),
  );

  expect(result.platforms.map((p) => [p.collected, p.failures.length])).toEqual([
    [MAX_KEYWORDS, 0],
    [MAX_KEYWORDS, 0],
    [MAX_KEYWORDS, 0],
  ]);
  const stored = await stack.orm.em.fork().count(ObservationSchema, { day: DAY, workflowId });
  expect(stored).toBe(3 * MAX_KEYWORDS);

  const events = (await stack.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const desc = await stack.client.workflow.getHandle(workflowId).describe();
  // walk the history: activities scheduled and not yet closed at each point
  let pending = 0;
  let maxPending = 0;
  for (const e of events) {
    if (e.activityTaskScheduledEventAttributes) maxPending = Math.max(maxPending, ++pending);
    if (e.activityTaskCompletedEventAttributes || e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes) pending--;
  }
  console.log(JSON.stringify({ keywords: MAX_KEYWORDS, events: events.length, historyBytes: desc.historySize, maxPending }));
  expect(events.length).toBeLessThan(10_000);
  expect(desc.historySize).toBeLessThan(10 * 1024 * 1024);
  expect(maxPending).toBeLessThanOrEqual(12);
}, 600_000);
