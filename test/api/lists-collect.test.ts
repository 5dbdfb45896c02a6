// POST /lists/:id/collect against the real PostgreSQL and Temporal: the pipeline started on a stored list, its progress
// followed through GET /workflows/:id to done.
import { describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { pipelineProgressQuery } from '../../workflows/types/pipeline';
import { uid } from '../helpers/stack';
import { post, workflowsOnQueue, type Json } from './test-app';
import { app, del, json, stack, taskQueue, useListsApp } from './lists-app';

useListsApp();

describe('POST /lists/:id/collect', () => {
  it("starts the pipeline on the list's stored keywords; GET /workflows/:id follows its progress to done", async () => {
    const token = uid();
    const keywords = [`bridal shower game ${token}`, `baby shower game ${token}`, `party game ${token}`];
    const [, list] = await json(await post(app, '/lists', { name: 'Games', keywords, platforms: ['etsy', 'ebay'], daily: false }));
    expect((await post(app, '/lists/00000000-0000-0000-0000-000000000000/collect')).status).toBe(404);

    const [status, started] = await json(await post(app, `/lists/${list.id}/collect`));
    expect(status).toBe(202);
    expect(started).toEqual({
      message: 'keywordPipeline started',
      workflowId: expect.stringMatching(new RegExp(`^list-${list.id}-\\d{4}-\\d{2}-\\d{2}-`)),
      runId: expect.any(String),
      statusUrl: `/workflows/${started.workflowId}`,
      temporalUiUrl: `http://localhost:8233/namespaces/default/workflows/${started.workflowId}`,
    });
    const handle = stack.client.workflow.getHandle(started.workflowId as string);
    // the run carries the list's content ID, never its keywords
    expect(await firstInput(started.workflowId as string)).toEqual({
      keywordList: expect.stringMatching(/^kl-[0-9a-f]{24}$/),
      platforms: ['etsy', 'ebay'],
      steps: ['collect', 'process', 'analyze'],
    });
    // no worker yet: no one answers the progress query
    expect(await (await app.request(started.statusUrl as string)).json()).toMatchObject({ status: 'RUNNING', progress: null });

    const seen: Json[] = [];
    await stack.withWorker(
      async () => {
        await expect
          .poll(
            async () => {
              const body = (await (await app.request(started.statusUrl as string)).json()) as Json;
              if (body.progress) seen.push(body.progress as Json);
              return body.status;
            },
            { timeout: 60_000, interval: 200 },
          )
          .toBe('COMPLETED');
        // a completed run still answers its query (replayed by the worker)
        expect(await handle.query(pipelineProgressQuery)).toMatchObject({
          step: 'analyze',
          total: 6,
          done: 6,
          chunks: 1,
          chunksDone: 1,
          running: [],
        });
      },
      { taskQueue },
    );
    for (const p of seen) {
      expect(p.total === 0 || p.total === 6).toBe(true);
      expect(p.done).toBeLessThanOrEqual(p.total as number);
    }
    const final = (await (await app.request(started.statusUrl as string)).json()) as Json;
    expect(final.progress).toEqual({ step: 'done', day: final.result.day, total: 6, done: 6, chunks: 1, chunksDone: 1, running: [] });
    expect(final.result).toMatchObject({ status: 'ok', steps: ['collect', 'process', 'analyze'], collect: { keywords: 3 } });
    const rows = await stack.orm.em.fork().find(ObservationSchema, { keyword: { $in: keywords } });
    expect(rows.map((r) => `${r.platform} ${r.keyword}`).sort()).toEqual(keywords.flatMap((k) => [`ebay ${k}`, `etsy ${k}`]).sort());
    expect(await workflowsOnQueue(stack.client, taskQueue)).toBeGreaterThanOrEqual(1);
    await del(`/lists/${list.id}`);
  });
});

async function firstInput(workflowId: string): Promise<unknown> {
  const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
  const payload = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
  return JSON.parse(Buffer.from(payload.data!).toString('utf8'));
}
