// collectKeywords end to end: real Temporal server, real PostgreSQL, real HTTP to the simulator (its own API shape;
// the official API look-alikes are in collect-keywords-official.test.ts, provider faults in
// collect-keywords-faults.test.ts).
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { simulateKeyword } from '../../workers/simulator/data';
import { collectKeywords } from '../../workflows/collect-keywords';
import { collectProgressQuery, type CollectKeywordsInput } from '../../workflows/types/collect-keywords';
import { recordHistory } from '../helpers/histories';
import { uid } from '../helpers/stack';
import { rowsFor, run, stack, useCollectStack } from './collect-stack';

const DAY = '2026-11-20';
useCollectStack(DAY);

describe('collectKeywords', () => {
  it('stores exactly what the providers served, once per (platform, keyword, day)', async () => {
    const token = uid();
    const keywords = Array.from({ length: 12 }, (_, i) => `printable planner ${token} ${i}`);
    const workflowId = `collect-test-${token}`;
    const result = await run(
      { keywords: keywords.map((k) => `  ${k.toUpperCase()} `), platforms: ['amazon', 'etsy', 'ebay'], day: DAY, batchSize: 5 },
      workflowId,
    );
    if (process.env.RECORD_HISTORIES) await recordHistory('collect-keywords', stack.client.workflow.getHandle(workflowId));

    expect(result.keywords).toBe(12);
    expect(result.platforms.map((p) => [p.platform, p.collected, p.failures.length])).toEqual([
      ['amazon', 12, 0],
      ['etsy', 12, 0],
      ['ebay', 12, 0],
    ]);
    const rows = await rowsFor(keywords);
    expect(rows).toHaveLength(36);
    for (const row of rows) {
      const served = simulateKeyword(row.platform, row.keyword, DAY);
      expect(row.searchVolume).toBe(served.search_volume);
      expect(row.competition).toBe(served.competition);
      expect(row.cpc).toBe(served.cpc);
      expect(row.trendScore).toBe(served.trend_score);
      expect(row.relatedKeywords).toEqual(served.related_keywords);
      expect(row.categoryData).toEqual(row.platform === 'amazon' ? null : served.categories);
      expect(row.degraded).toEqual([]);
      expect(row.workflowId).toMatch(/^collect-test-/);
    }
  });

  it('answers the progress query and sets the search attributes', async () => {
    const keywords = Array.from({ length: 8 }, (_, i) => `logo ${uid()} ${i}`);
    stack.sim.simulator.setFaults('etsy', { latencyMs: 100 });
    await stack.withWorker(async (taskQueue) => {
      const handle = await stack.client.workflow.start(collectKeywords, {
        taskQueue,
        workflowId: `collect-test-${uid()}`,
        args: [{ keywords, platforms: ['etsy', 'ebay'], day: DAY, batchSize: 2, concurrency: 1 }],
      });
      await handle.result();
      const progress = await handle.query(collectProgressQuery);
      expect(progress).toMatchObject({ day: DAY, total: 16, done: 16 });
      expect(progress.platforms.map((p) => [p.platform, p.collected, p.batchesDone, p.batchesTotal])).toEqual([
        ['etsy', 8, 4, 4],
        ['ebay', 8, 4, 4],
      ]);
      const desc = await handle.describe();
      expect(desc.searchAttributes.Platforms).toEqual(['etsy', 'ebay']);
      expect(desc.searchAttributes.KeywordCount).toEqual([8]);
    });
  });

  it.each([
    [{ keywords: [], platforms: ['etsy'] }, 'keywords'],
    [{ keywords: ['ok'], platforms: ['walmart'] }, 'platforms[0]'],
    [{ keywords: ['x'.repeat(101)], platforms: ['etsy'] }, 'keywords[0]'],
    [{ keywords: ['ok'], platforms: ['etsy'], day: '2026-13-45' }, 'day'],
    [{ keywords: ['ok'], platforms: ['etsy'], day: '0000-01-01' }, 'day'],
    [{ keywords: ['ok'], platforms: ['etsy'], day: '1999-12-31' }, 'day'],
  ])('fails invalid input %j with a non-retryable InvalidInput naming %s', async (input, field) => {
    const err = await run(input as unknown as CollectKeywordsInput).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause.type).toBe('InvalidInput');
    expect(cause.message.startsWith(`${field}:`)).toBe(true);
  });
});
