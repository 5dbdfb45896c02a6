// A worker process with WORKER_METRICS_PORT serves the Temporal SDK's metrics and the provider counters on /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../workers/dev-stack/ports';
import { collectKeywords } from '../../workflows/collect-keywords';
import { samples, sum } from '../helpers/prometheus';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const DAY = '2026-11-23';
let stack: TestStack;
let child: ChildProcess | undefined;

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await stack?.close();
});

async function scrape(port: number): Promise<string> {
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      if (res.ok) return await res.text();
    } catch (err) {
      if (i >= 100) throw err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('counts provider calls by outcome, rate-limit waits and stored observations beside the SDK metrics', async () => {
  const port = await freePort();
  const taskQueue = `metrics-${uid()}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'workers/worker.ts'], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_TASK_QUEUE: taskQueue,
      ETSY_PROVIDER_URL: stack.providers.etsy.baseUrl,
      ETSY_API_KEY: stack.keys.etsy,
      // a low rate so that requests queue: the wait histogram must see them
      ETSY_RATE_PER_SECOND: '5',
      APPLY_SCHEDULES: 'false',
      WORKER_METRICS_PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const token = uid();
  const keywords = Array.from({ length: 6 }, (_, i) => `metered ${token} ${i}`);
  const result = await stack.client.workflow.execute(collectKeywords, {
    taskQueue,
    workflowId: `metrics-${token}`,
    args: [{ keywords, platforms: ['etsy'], day: DAY, batchSize: 6, concurrency: 1 }],
  });
  expect(result.platforms[0]).toMatchObject({ collected: 6, failures: [] });
  const calls = stack.sim.simulator.requests.filter((r) => r.platform === 'etsy' && r.keyword?.includes(token)).length;

  const text = await scrape(port);
  expect(sum(samples(text, 'keyword_provider_calls_total', { platform: 'etsy', outcome: 'ok' }))).toBe(calls);
  expect(sum(samples(text, 'keyword_observations_stored_total', { platform: 'etsy' }))).toBe(6);
  expect(sum(samples(text, 'keyword_rate_limit_wait_ms_count', { platform: 'etsy' }))).toBeGreaterThan(0);
  // the SDK's own: activities this worker ran
  expect(sum(samples(text, 'temporal_activity_execution_latency_milliseconds_count', { activity_type: 'collectBatch' }))).toBe(1);
}, 120_000);
