// The daily run: every list marked daily plus the configured keywords, each keyword once per platform and day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyKeywordUnion } from '../../activities/collect/daily-union';
import { ObservationSchema } from '../../activities/db/entities';
import { readKeywordList } from '../../activities/db/repositories/keyword-list-items';
import { createKeywordList, deleteKeywordList } from '../../activities/db/repositories/keyword-lists';
import { keywordPipeline } from '../../workflows/pipeline';
import { pipelineProgressQuery } from '../../workflows/types/pipeline';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const DAY = '2012-10-01';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
});
afterAll(() => stack?.close());

describe('keywordPipeline with dailyLists', () => {
  it('collects the union of the daily lists and the extra keywords, grouped by platform set, once each', async () => {
    const t = uid();
    const [alpha, beta, gamma, delta] = ['alpha', 'beta', 'gamma', 'delta'].map((w) => `${t} ${w}`) as [string, string, string, string];
    const em = () => stack.orm.em.fork();
    // the shared test database holds other files' daily lists: only this test's count here
    await stack.orm.em.getKnex()('keyword_lists').update({ daily: false });
    const lists = [
      await createKeywordList(em(), { name: 'A', keywords: [beta, alpha], platforms: ['etsy', 'ebay'], daily: true }),
      await createKeywordList(em(), { name: 'B', keywords: [beta, gamma], platforms: ['etsy'], daily: true }),
      // not daily: never collected by the daily run
      await createKeywordList(em(), { name: 'C', keywords: [delta], platforms: ['amazon'], daily: false }),
    ];
    try {
      // the union alone: equal lists give equal stored segments
      const union = await dailyKeywordUnion(em(), { keywords: [gamma], platforms: ['amazon'] });
      expect(union.segments.map((s) => [s.platforms, s.size])).toEqual([
        [['amazon', 'etsy'], 1],
        [['etsy', 'ebay'], 2],
      ]);
      expect(await readKeywordList(em(), union.segments[1]!.keywordList, 0, 10)).toEqual([alpha, beta]);
      expect(await dailyKeywordUnion(em(), { keywords: [gamma], platforms: ['amazon'] })).toEqual(union);

      const id = `daily-union-${t}`;
      const { result, progress } = await stack.withWorker(async (taskQueue) => {
        const handle = await stack.client.workflow.start(keywordPipeline, {
          taskQueue,
          workflowId: id,
          args: [
            { keywords: [gamma], platforms: ['amazon'], dailyLists: true, day: DAY, steps: ['collect'], chunkSize: 1, chunksPerRun: 2 },
          ],
        });
        const done = await handle.result();
        return { result: done, progress: await handle.query(pipelineProgressQuery) };
      });
      expect(result).toMatchObject({ status: 'ok', collect: { keywords: 3, chunks: 3, chunksDone: 3 } });
      expect(result.collect!.platforms.map((p) => [p.platform, p.requested, p.collected])).toEqual([
        ['amazon', 1, 1],
        ['etsy', 3, 3],
        ['ebay', 2, 2],
      ]);
      expect(progress).toMatchObject({ step: 'collect', total: 6, done: 6, chunks: 3, chunksDone: 3, running: [] });

      // one row per (platform, keyword, day), each from the chunk its segment maps to; the list that is not daily stays out
      const rows = await em().find(ObservationSchema, { day: DAY, keyword: { $like: `${t} %` } });
      expect(rows.map((r) => `${r.platform} ${r.keyword} ${r.workflowId}`).sort()).toEqual(
        [
          `amazon ${gamma} ${id}/collect-1-of-3`,
          `etsy ${gamma} ${id}/collect-1-of-3`,
          `etsy ${alpha} ${id}/collect-2-of-3`,
          `ebay ${alpha} ${id}/collect-2-of-3`,
          `etsy ${beta} ${id}/collect-3-of-3`,
          `ebay ${beta} ${id}/collect-3-of-3`,
        ].sort(),
      );
    } finally {
      for (const list of lists) await deleteKeywordList(em(), list.id);
    }
  });
});
