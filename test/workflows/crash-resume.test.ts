// Kill the worker process mid-batch, start another: the batch resumes from its heartbeat checkpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import { defaultPayloadConverter } from '@temporalio/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { collectKeywords } from '../../workflows/collect-keywords';
import type { CollectBatchCheckpoint } from '../../workflows/types/collect-keywords';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const DAY = '2026-11-21';
let stack: TestStack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await stack?.close();
});

function startWorkerProcess(taskQueue: string): ChildProcess {
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    ETSY_PROVIDER_URL: stack.providers.etsy.baseUrl,
    ETSY_API_KEY: stack.keys.etsy,
    // slow enough that the kill lands mid-batch
    ETSY_RATE_PER_SECOND: '12',
    // the shared test server keeps no real schedules
    APPLY_SCHEDULES: 'false',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/worker.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker ${child.pid}] ${d.toString()}`));
  children.push(child);
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('completes after the worker is killed mid-batch, storing each (platform, keyword, day) exactly once', async () => {
  const token = uid();
  const keywords = Array.from({ length: 60 }, (_, i) => `planner ${token} ${String(i).padStart(2, '0')}`);
  const taskQueue = `crash-${uid()}`;
  const first = startWorkerProcess(taskQueue);
  const handle = await stack.client.workflow.start(collectKeywords, {
    taskQueue,
    workflowId: `collect-crash-${token}`,
    args: [{ keywords, platforms: ['etsy'], day: DAY, batchSize: 60, concurrency: 1 }],
  });

  // wait until the server holds a checkpoint past the first rows, then kill the worker without warning
  let checkpoint: CollectBatchCheckpoint | undefined;
  for (let i = 0; i < 120 && !(checkpoint && checkpoint.next >= 10); i++) {
    await sleep(250);
    const pending = (await handle.describe()).raw.pendingActivities?.[0];
    const payload = pending?.heartbeatDetails?.payloads?.[0];
    if (payload) checkpoint = defaultPayloadConverter.fromPayload<CollectBatchCheckpoint>(payload);
  }
  expect(checkpoint?.next).toBeGreaterThanOrEqual(10);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const searchedBefore = new Set(stack.sim.simulator.requests.filter((r) => r.call === 'search').map((r) => r.keyword));
  stack.sim.simulator.resetRequests();

  startWorkerProcess(taskQueue);
  const result = await handle.result();

  expect(result.platforms[0]).toMatchObject({ platform: 'etsy', requested: 60, collected: 60, failures: [] });
  const rows = await stack.orm.em.fork().find(ObservationSchema, { day: DAY, keyword: { $in: keywords } });
  expect(rows).toHaveLength(60);
  expect(new Set(rows.map((r) => r.keyword)).size).toBe(60);
  // the second worker started at the checkpoint: nothing before it was fetched again
  const searchedAfter = stack.sim.simulator.requests.filter((r) => r.call === 'search').map((r) => r.keyword!);
  const resumedAt = keywords.indexOf(searchedAfter.sort()[0]!);
  expect(resumedAt).toBeGreaterThanOrEqual(checkpoint!.next);
  expect(new Set([...searchedBefore, ...searchedAfter])).toEqual(new Set(keywords));
}, 180_000);
