// Three worker processes, one Temporal server, one PostgreSQL: the configured rate and daily quota hold for all of
// them together (the provider's request log says so), and a worker killed mid-run loses and duplicates nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { providerKey } from '../../activities/collectors/deployment-limiter';
import { quotaUsed } from '../../activities/db/repositories/provider-limits';
import { collectKeywords } from '../../workflows/collect-keywords';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { spawnWorkerProcesses, type WorkerProcesses } from '../helpers/worker-processes';

const DAY = '2026-11-26';
/** Requests per second per platform, for the whole deployment. */
const RATE = 40;
/** eBay's daily quota: room for the first run (4 requests a keyword) with slack, too little for the second. */
const FIRST_RUN_KEYWORDS = 200;
const EBAY_QUOTA = Math.round(FIRST_RUN_KEYWORDS * 4 * 1.4);
const SECOND_RUN_KEYWORDS = 300;

let stack: TestStack;
let workers: WorkerProcesses;
const taskQueue = `shared-limits-${uid()}`;

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  const rates = Object.fromEntries(PLATFORMS.map((p) => [`${p.toUpperCase()}_RATE_PER_SECOND`, String(RATE)]));
  workers = spawnWorkerProcesses(stack, taskQueue, 3, { ...rates, EBAY_DAILY_QUOTA: String(EBAY_QUOTA) });
  // each worker bundles the workflows at start: the slow part of this file on two cores
  await workers.ready;
});
afterAll(async () => {
  await workers?.stopAll();
  await stack?.close();
});

/** The most request starts the provider saw in any one-second window. */
function maxStartsPerSecond(platform: Platform): number {
  const starts = stack.sim.simulator.requests
    .filter((r) => r.platform === platform)
    .map((r) => r.startedAt)
    .sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= 1000) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('keeps every platform at the configured rate across three workers, and one SIGKILLed mid-run loses and duplicates nothing', async () => {
  const token = uid();
  const keywords = Array.from({ length: FIRST_RUN_KEYWORDS }, (_, i) => `shared ${token} ${i}`);
  const workflowId = `collect-shared-${token}`;
  const handle = await stack.client.workflow.start(collectKeywords, {
    taskQueue,
    workflowId,
    args: [{ keywords, platforms: [...PLATFORMS], day: DAY, batchSize: 20, concurrency: 4 }],
  });
  // kill one worker once a third of the rows are in, in the middle of its batches
  const em = stack.orm.em.fork();
  while (
    (
      await em
        .getConnection()
        .execute<{ n: number }[]>('select count(*)::int as "n" from "observations" where "workflow_id" = ?', [workflowId])
    )[0]!.n < FIRST_RUN_KEYWORDS
  )
    await sleep(250);
  await workers.kill(workers.children[0]!);

  const result = await handle.result();
  expect(result.platforms.map((p) => [p.platform, p.collected, p.failures.length, p.error])).toEqual(
    PLATFORMS.map((p) => [p, FIRST_RUN_KEYWORDS, 0, undefined]),
  );
  const rows = await em.getConnection().execute<{ platform: string; keywords: number; rows: number }[]>(
    `select "platform", count(distinct "keyword")::int as "keywords", count(*)::int as "rows" from "observations"
     where "day" = ? and "keyword" like ? group by "platform" order by "platform"`,
    [DAY, `shared ${token} %`],
  );
  expect(rows).toEqual([...PLATFORMS].sort().map((platform) => ({ platform, keywords: FIRST_RUN_KEYWORDS, rows: FIRST_RUN_KEYWORDS })));

  const measured = Object.fromEntries(PLATFORMS.map((p) => [p, maxStartsPerSecond(p)]));
  console.log(JSON.stringify({ rate: RATE, workers: 3, requests: stack.sim.simulator.requests.length, maxStartsPerSecond: measured }));
  for (const platform of PLATFORMS) expect(measured[platform]).toBeLessThanOrEqual(RATE);
}, 150_000);

it('never lets the workers together spend more than the daily quota, counted across runs in PostgreSQL', async () => {
  const token = uid();
  const keywords = Array.from({ length: SECOND_RUN_KEYWORDS }, (_, i) => `quota ${token} ${i}`);
  const result = await stack.client.workflow.execute(collectKeywords, {
    taskQueue,
    workflowId: `collect-quota-${token}`,
    args: [{ keywords, platforms: ['ebay'], day: DAY, batchSize: 20, concurrency: 4 }],
  });

  // the first run's requests still count: the quota lives in PostgreSQL, not in the (restarted) processes
  const ebay = result.platforms[0]!;
  expect(ebay.error).toMatch(/^ebay: daily quota reached \(\d+ requests per 24 h across the deployment\); platform stopped$/);
  expect(ebay.collected).toBeLessThan(SECOND_RUN_KEYWORDS);
  // every request sent was counted (slots given up unused are taken off again at the next claim)
  const sent = stack.sim.simulator.requests.filter((r) => r.platform === 'ebay').length;
  const counted = await quotaUsed(stack.orm, providerKey('ebay', 'seed', stack.providers.ebay.baseUrl!));
  expect(sent).toBeLessThanOrEqual(counted);
  expect(counted).toBeLessThanOrEqual(EBAY_QUOTA);
  expect(maxStartsPerSecond('ebay')).toBeLessThanOrEqual(RATE);
  console.log(JSON.stringify({ quota: EBAY_QUOTA, ebayRequestsSent: sent, counted, collectedSecondRun: ebay.collected }));
}, 120_000);
