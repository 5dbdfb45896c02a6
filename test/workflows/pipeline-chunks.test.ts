// Large keyword lists: stored once, read in chunks, one collectKeywords child per chunk, continue-as-new
// every few chunks; each run's history stays small whatever the list's size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { normalizeKeywordList, readKeywordList, saveKeywordList } from '../../activities/db/repositories/keyword-list-items';
import { InputError } from '../../workflows/validation';
import { keywordPipeline } from '../../workflows/pipeline';
import { recordHistory } from '../helpers/histories';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const DAY = '2005-09-01';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
});
afterAll(() => stack?.close());

describe('keyword lists', () => {
  it('normalises beyond 10,000 keywords and names the offending index in the whole list', () => {
    const many = Array.from({ length: 25_000 }, (_, i) => ` Kw  ${i % 20_000} `);
    const list = normalizeKeywordList(many);
    expect(list).toHaveLength(20_000);
    expect(list[3]).toBe('kw 3');
    const bad = [...many];
    bad[12_345] = '';
    expect(() => normalizeKeywordList(bad)).toThrow(new InputError('keywords[12345]', 'must be 1 to 100 characters, not only spaces'));
  });

  it('stores a list under an ID derived from its content, idempotently, and reads it back in pages', async () => {
    const keywords = Array.from({ length: 12 }, (_, i) => `list ${uid()} ${i}`);
    const first = await saveKeywordList(stack.orm.em.fork(), keywords);
    const again = await saveKeywordList(
      stack.orm.em.fork(),
      keywords.map((k) => k.toUpperCase()),
    );
    expect(first).toEqual({ list: expect.stringMatching(/^kl-[0-9a-f]{24}$/), size: 12 });
    expect(again).toEqual(first);
    expect(await readKeywordList(stack.orm.em.fork(), first.list, 5, 5)).toEqual(keywords.slice(5, 10));
    expect(await readKeywordList(stack.orm.em.fork(), first.list, 10, 5)).toEqual(keywords.slice(10));
  });
});

describe('keywordPipeline with a keyword list', () => {
  it('collects every chunk through its own child and continues as new between waves', async () => {
    const token = uid();
    const keywords = Array.from({ length: 23 }, (_, i) => `chunk ${token} ${i}`);
    const { list } = await saveKeywordList(stack.orm.em.fork(), keywords);
    // the history's name: the replay test runs it under that ID, and child IDs derive from it (fresh server per test run)
    const id = 'keyword-pipeline-chunks';
    const handle = await stack.withWorker(async (taskQueue) => {
      const h = await stack.client.workflow.start(keywordPipeline, {
        taskQueue,
        workflowId: id,
        args: [
          { keywordList: list, platforms: ['etsy', 'ebay'], day: DAY, steps: ['collect'], chunkSize: 5, concurrency: 2, chunksPerRun: 2 },
        ],
      });
      await h.result();
      return h;
    });
    const result = await handle.result();
    if (process.env.RECORD_HISTORIES)
      await recordHistory('keyword-pipeline-chunks', stack.client.workflow.getHandle(id, handle.firstExecutionRunId));

    expect(result).toMatchObject({ status: 'ok', steps: ['collect'], collect: { keywords: 23, chunks: 5, chunksDone: 5 } });
    expect(result.collect!.platforms.map((p) => [p.platform, p.requested, p.collected, p.failed])).toEqual([
      ['etsy', 23, 23, 0],
      ['ebay', 23, 23, 0],
    ]);
    const rows = await stack.orm.em.fork().find(ObservationSchema, { day: DAY, keyword: { $like: `chunk ${token} %` } });
    expect(rows).toHaveLength(46);
    expect(new Set(rows.map((r) => r.workflowId))).toEqual(new Set([1, 2, 3, 4, 5].map((n) => `${id}/collect-${n}-of-5`)));

    // 5 chunks, 2 per run: three runs, each a few dozen events
    const events: number[] = [];
    for (let runId: string | null | undefined = handle.firstExecutionRunId; runId;) {
      const history = await stack.client.workflow.getHandle(id, runId).fetchHistory();
      events.push(history.events!.length);
      runId = history.events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    }
    expect(events).toHaveLength(3);
    for (const n of events) expect(n).toBeLessThan(60);
  });
});
