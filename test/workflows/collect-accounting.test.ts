// Every collection accounts for every keyword (collected + failures + notAttempted = requested, per platform) whatever
// ends it, and an activity's unexpected error is final, short and typed: no retry loop against the provider's quota.
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { createConfiguredAdapters } from '../../activities/collectors';
import type { ProviderAdapter } from '../../activities/collectors/types';
import { createActivities } from '../../activities';
import { collectKeywords } from '../../workflows/collect-keywords';
import { keywordPipeline } from '../../workflows/pipeline';
import type { CollectKeywordsResult, PlatformResult } from '../../workflows/types/collect-keywords';
import { createKeywordWorker } from '../../workers/temporal/create-worker';
import { uid, workflowBundle } from '../helpers/stack';
import { stack, useCollectStack } from './collect-stack';

const DAY = '2026-11-18';
useCollectStack(DAY);

const accounted = (p: PlatformResult) => p.collected + p.failures.length + (p.notAttempted ?? 0);
const words = (n: number) => {
  const token = uid();
  return Array.from({ length: n }, (_, i) => `poster ${token} ${i}`);
};

/** A worker whose Etsy adapter throws `error` for one keyword (a bug, a refused value), counting its calls. */
async function runWithBrokenKeyword(keywords: string[], broken: string, error: Error) {
  const adapters = createConfiguredAdapters(stack.providers);
  const etsy = adapters.etsy!;
  const calls: string[] = [];
  const wrapped: ProviderAdapter = {
    platform: etsy.platform,
    source: etsy.source,
    close: () => etsy.close(),
    collect: (keyword, options) => {
      calls.push(keyword);
      return keyword === broken ? Promise.reject(error) : etsy.collect(keyword, options);
    },
  };
  const connection = await NativeConnection.connect({ address: stack.temporalAddress });
  const taskQueue = `accounting-${uid()}`;
  const worker = await createKeywordWorker({
    connection,
    namespace: 'default',
    taskQueue,
    deps: { orm: stack.orm, adapters: { ...adapters, etsy: wrapped } },
    workflowBundle: await workflowBundle(),
  });
  try {
    const result = await worker.runUntil(
      stack.client.workflow.execute(collectKeywords, {
        taskQueue,
        workflowId: `collect-accounting-${uid()}`,
        args: [{ keywords, platforms: ['etsy'], day: DAY, batchSize: 4, concurrency: 2 }],
      }),
    );
    return { result, calls };
  } finally {
    await Promise.all(Object.values(adapters).map((a) => a?.close()));
    await connection.close();
  }
}

describe('accounting', () => {
  it('credentials refused (401) with batches in flight: each in-flight keyword failed, the rest not attempted', async () => {
    stack.sim.simulator.setFaults('etsy', { unauthorized: true });
    const keywords = words(100);
    const result: CollectKeywordsResult = await stack.withWorker((taskQueue) =>
      stack.client.workflow.execute(collectKeywords, {
        taskQueue,
        workflowId: `collect-accounting-${uid()}`,
        args: [{ keywords, platforms: ['etsy', 'ebay'], day: DAY }],
      }),
    );
    const etsy = result.platforms.find((p) => p.platform === 'etsy')!;
    expect(etsy).toMatchObject({ requested: 100, collected: 0, error: expect.stringMatching(/401.*platform stopped$/) });
    // two batches of 50 were in flight: their first keywords were refused, nothing else was tried
    expect(etsy.failures.map((f) => f.keyword).sort()).toEqual([keywords[0], keywords[50]].sort());
    expect(etsy.notAttempted).toBe(98);
    expect(result.platforms.map((p) => [p.platform, accounted(p), p.requested])).toEqual([
      ['etsy', 100, 100],
      ['ebay', 100, 100],
    ]);
    expect(stack.sim.simulator.requests.filter((r) => r.platform === 'etsy')).toHaveLength(2);
  });

  it('a bug in one keyword: its batch ends at once (no retry), the batch is accounted, the other batches finish', async () => {
    const keywords = words(12);
    const broken = keywords[5]!;
    const { result, calls } = await runWithBrokenKeyword(keywords, broken, new TypeError(`cannot read ${broken}`));
    const [etsy] = result.platforms;
    expect(etsy).toMatchObject({ requested: 12, collected: 9, notAttempted: 2 });
    expect(etsy!.failures).toEqual([{ keyword: broken, reason: 'collectBatch: TypeError, a bug; details in the worker log' }]);
    expect(accounted(etsy!)).toBe(12);
    // final at the first attempt: the broken keyword was asked once, its batch mates before it once each
    expect(calls.filter((k) => k === broken)).toHaveLength(1);
    expect(calls.filter((k) => k === keywords[4])).toHaveLength(1);
  });
});

describe('pipeline accounting', () => {
  it('the collect step sums its children: every keyword-platform pair collected or failed, a stopped platform included', async () => {
    stack.sim.simulator.setFaults('etsy', { unauthorized: true });
    const keywords = words(12);
    // 3 collectKeywords children of 5, 5 and 2 keywords, one at a time so the 401 stops Etsy in each
    const result = await stack.withWorker((taskQueue) =>
      stack.client.workflow.execute(keywordPipeline, {
        taskQueue,
        workflowId: `pipeline-accounting-${uid()}`,
        args: [{ keywords, platforms: ['etsy', 'ebay'], day: DAY, steps: ['collect'], chunkSize: 5, concurrency: 1 }],
      }),
    );
    expect(result.status).toBe('partial');
    expect(result.collect).toMatchObject({ keywords: 12, chunks: 3, chunksDone: 3 });
    const platforms = result.collect!.platforms;
    expect(platforms.map((p) => [p.platform, p.requested, p.collected, p.failed])).toEqual([
      ['etsy', 12, 0, 12],
      ['ebay', 12, 12, 0],
    ]);
    expect(platforms[0]!.errors).toEqual([expect.stringMatching(/401.*platform stopped$/)]);
    // one refused call per child: the rest of each child's keywords were not attempted, and count as failed here
    expect(stack.sim.simulator.requests.filter((r) => r.platform === 'etsy')).toHaveLength(3);
  });
});

describe('unexpected activity errors', () => {
  it('a value PostgreSQL refuses: a final DataError naming the SQLSTATE only, with the checkpoint, after one provider call per keyword', async () => {
    const keywords = words(3);
    const { collectBatch } = createActivities({ orm: stack.orm, adapters: createConfiguredAdapters(stack.providers) });
    const err = await new MockActivityEnvironment({ activityType: 'collectBatch' } as never)
      .run(collectBatch, { platform: 'ebay' as const, day: '0000-01-01', keywords, workflowId: 'wf-data-error' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    const failure = err as ApplicationFailure;
    expect([failure.type, failure.nonRetryable]).toEqual(['DataError', true]);
    expect(failure.message).toMatch(/^collectBatch: the database refused the data \(SQLSTATE 22\w{3}\); details in the worker log$/);
    expect(failure.details).toEqual([{ next: 0, collected: 0, failures: [], transientTries: 0 }]);
    expect(stack.sim.simulator.requests.filter((r) => r.platform === 'ebay' && r.call === 'search')).toHaveLength(3);
  });
});
