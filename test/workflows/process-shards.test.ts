// Sharded processKeywords: shards over a few thousand keywords give the unsharded scores, a shard run again
// changes nothing, and the workflow reports its shards through its progress query.
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywordClusterSchema, ProcessedKeywordSchema } from '../../activities/db/entities';
import { processKeywords as processUnsharded } from '../../activities/insights/process-keywords';
import {
  finishKeywordClusters,
  fitKeywordClusters,
  processKeywordShard,
  type FitKeywordClustersResult,
  type KeywordShardResult,
} from '../../activities/insights/process-shard';
import { processKeywords } from '../../workflows/insights';
import { processProgressQuery } from '../../workflows/types/insights';
import { seedHistory } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const DAY = '2003-02-17';
const WORDS = ['wedding planner', 'svg bundle', 'budget spreadsheet', 'notion template', 'lightroom preset', 'teacher worksheet'];
const MODS = ['printable', 'editable', 'boho', 'minimalist', 'kids'];
let stack: TestStack;
const token = uid();
/** 1,500 keywords × 3 platforms = 4,500 observations on DAY. */
const keywords = Array.from({ length: 50 }, (_, n) => WORDS.flatMap((w) => MODS.map((m) => `${m} ${w} ${token} ${n}`))).flat();

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  await seedHistory(stack.orm, keywords, DAY, 1);
});
afterAll(() => stack?.close());

const rowsOfDay = async () => {
  const rows = await stack.orm.em.fork().find(ProcessedKeywordSchema, { day: DAY, keyword: { $like: `% ${token} %` } });
  return new Map(rows.map((r) => [`${r.platform}:${r.keyword}`, r]));
};

describe('processing in shards', () => {
  it('gives every row the unsharded scores; a shard run again writes the same rows', async () => {
    const env = new MockActivityEnvironment();
    await env.run(processUnsharded, stack.orm, { day: DAY, clusters: 8, workflowId: 'unsharded' });
    const unsharded = await rowsOfDay();
    expect(unsharded.size).toBe(4500);

    const fit: FitKeywordClustersResult = await env.run(fitKeywordClusters, stack.orm, { day: DAY, clusters: 8, workflowId: 'sharded' });
    expect(fit).toMatchObject({ day: DAY, observations: 4500, clusters: 8 });
    const input = (shard: number) => ({ day: DAY, shard, shards: 4, clusterModelId: fit.clusterModelId!, workflowId: 'sharded' });
    const results: KeywordShardResult[] = [];
    for (let shard = 0; shard < 4; shard++) results.push(await env.run(processKeywordShard, stack.orm, input(shard)));
    // every observation in exactly one shard, every keyword counted once
    expect(results.reduce((sum, r) => sum + r.processed, 0)).toBe(4500);
    for (const r of results) expect(r.processed).toBeGreaterThan(0);
    const sizes = results.reduce((sum, r) => sum.map((n, id) => n + r.clusterSizes[id]!), new Array<number>(8).fill(0));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1500);

    const sharded = await rowsOfDay();
    expect(sharded.size).toBe(4500);
    const byKeyword = new Map<string, number | null>();
    for (const [key, row] of sharded) {
      const before = unsharded.get(key)!;
      expect(row.workflowId).toBe('sharded');
      expect([row.searchVolume, row.difficultyScore, row.opportunityScore, row.relatedKeywords]).toEqual([
        before.searchVolume,
        before.difficultyScore,
        before.opportunityScore,
        before.relatedKeywords,
      ]);
      expect(row.clusterId).toBeGreaterThanOrEqual(0);
      expect(row.clusterId).toBeLessThan(8);
      // a keyword has one cluster whatever the platform
      if (byKeyword.has(row.keyword)) expect(row.clusterId).toBe(byKeyword.get(row.keyword));
      byKeyword.set(row.keyword, row.clusterId);
    }

    // a retried shard (the same input again) returns the same counts and leaves the same rows
    expect(await env.run(processKeywordShard, stack.orm, input(2))).toEqual(results[2]);
    const again = await rowsOfDay();
    expect(again.size).toBe(4500);
    for (const [key, row] of again) expect(row.clusterId).toBe(sharded.get(key)!.clusterId);

    await env.run(finishKeywordClusters, stack.orm, {
      day: DAY,
      clusterModelId: fit.clusterModelId!,
      clusterSizes: sizes,
      workflowId: 'sharded',
    });
    const clusters = await stack.orm.em.fork().find(KeywordClusterSchema, { day: DAY }, { orderBy: { clusterId: 'asc' } });
    expect(clusters.map((c) => c.size)).toEqual(sizes);
    expect(clusters.every((c) => c.label.length > 0)).toBe(true);
  });

  it('runs the shards from the workflow and reports them through its progress query', async () => {
    await stack.withWorker(async (taskQueue) => {
      const handle = await stack.client.workflow.start(processKeywords, {
        taskQueue,
        workflowId: `process-shards-${uid()}`,
        args: [{ day: DAY, clusters: 8 }],
      });
      const result = await handle.result();
      expect(result).toEqual({
        day: DAY,
        processed: 4500,
        clusters: expect.any(Number),
        // the day's rows by volume source, as the unsharded run reports them
        volumeSources: { measured: 0, imported: 0, estimated: 0, simulated: 4500, unknown: 0 },
      });
      expect(await handle.query(processProgressQuery)).toEqual({ day: DAY, shards: 1, shardsDone: 1, processed: 4500 });
    });
  });
});
