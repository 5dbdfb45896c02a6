// /lists against the real PostgreSQL and Temporal: create, page, replace, delete, refuse, and collect a list now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { pipelineProgressQuery } from '../../workflows/types/pipeline';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { AUTH, JSON_AUTH, post, rowCounts, testApp, workflowsOnQueue, type App, type Json } from './test-app';

let stack: TestStack;
let app: App;
let taskQueue: string;

beforeAll(async () => {
  stack = await startTestStack({ day: new Date().toISOString().slice(0, 10) });
  taskQueue = `lists-${uid()}`;
  app = testApp(stack, taskQueue);
});
afterAll(() => stack?.close());

const put = (path: string, body: unknown) => app.request(path, { method: 'PUT', headers: JSON_AUTH, body: JSON.stringify(body) });
const del = (path: string) => app.request(path, { method: 'DELETE', headers: AUTH });
const json = async (res: Response) => [res.status, (await res.json()) as Json] as const;

describe('/lists', () => {
  it('creates a list with normalised keywords and defaults, lists it, pages its keywords, replaces and deletes it', async () => {
    const token = uid();
    const [status, created] = await json(
      await post(app, '/lists', {
        name: '  Wedding printables ',
        keywords: [` Wedding  Planner ${token}`, `wedding planner ${token}`, `SVG bundle ${token}`, `menu card ${token}`],
        daily: false,
      }),
    );
    expect(status).toBe(201);
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Wedding printables',
      size: 3,
      platforms: ['amazon', 'etsy', 'ebay'],
      daily: false,
      created_at: expect.any(String),
      updated_at: created.created_at,
    });
    const { lists } = (await (await app.request('/lists')).json()) as { lists: Json[] };
    expect(lists).toContainEqual(created);

    const first = (await (await app.request(`/lists/${created.id}?limit=2`)).json()) as Json;
    expect(first).toEqual({ ...created, keywords: [`wedding planner ${token}`, `svg bundle ${token}`], next_cursor: expect.any(String) });
    const second = (await (await app.request(`/lists/${created.id}?limit=2&cursor=${first.next_cursor}`)).json()) as Json;
    expect(second).toMatchObject({ keywords: [`menu card ${token}`], next_cursor: null });

    const [putStatus, replaced] = await json(
      await put(`/lists/${created.id}`, { name: 'Menus', keywords: [`menu card ${token}`], platforms: ['ebay', 'etsy'] }),
    );
    expect(putStatus).toBe(200);
    expect(replaced).toEqual({
      ...created,
      name: 'Menus',
      size: 1,
      platforms: ['etsy', 'ebay'],
      daily: true,
      updated_at: expect.any(String),
    });
    expect(Date.parse(replaced.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));
    // a cursor of the old keywords is refused rather than mixing two lists
    expect(await json(await app.request(`/lists/${created.id}?limit=2&cursor=${first.next_cursor}`))).toEqual([
      409,
      {
        error: 'conflict',
        field: 'cursor',
        message: "cursor: is not a cursor of this list's keywords (the list was replaced); start again without one",
      },
    ]);
    expect(await (await app.request(`/lists/${created.id}`)).json()).toMatchObject({ keywords: [`menu card ${token}`], next_cursor: null });

    expect((await del(`/lists/${created.id}`)).status).toBe(204);
    expect(await json(await app.request(`/lists/${created.id}`))).toEqual([
      404,
      { error: 'not_found', message: `no keyword list '${created.id}'` },
    ]);
    expect((await del(`/lists/${created.id}`)).status).toBe(404);
    expect((await put(`/lists/${created.id}`, { name: 'x', keywords: ['y'] })).status).toBe(404);
    expect((await app.request('/lists/not-a-uuid')).status).toBe(404);
  });

  it('refuses bad input naming the field, without the key, and writes nothing', async () => {
    const before = await rowCounts(stack.orm);
    const bad: [unknown, string, string][] = [
      [{ name: '   ', keywords: ['a'] }, 'name', 'name: must be 1 to 100 characters after trimming'],
      [{ name: 'x'.repeat(101), keywords: ['a'] }, 'name', 'name: must be 1 to 100 characters after trimming'],
      [
        { name: 'n', keywords: ['ok', 'bad\u0007'] },
        'keywords[1]',
        'keywords[1]: contains control characters (or U+FFFD, what bytes that are not UTF-8 decode to)',
      ],
      [{ name: 'n', keywords: [] }, 'keywords', 'keywords: must contain at least one keyword'],
      [{ name: 'n', keywords: ['a'], platforms: ['shopify'] }, 'platforms[0]', expect.stringContaining('platforms[0]:')],
      [{ name: 'n', keywords: ['a'], daily: 'yes' }, 'daily', expect.stringContaining('daily:')],
      [{ name: 'n', keywords: ['a'], colour: 'red' }, 'colour', 'colour: is not a known field'],
    ];
    for (const [body, field, message] of bad) {
      expect(await json(await post(app, '/lists', body)), JSON.stringify(body)).toEqual([
        400,
        { error: 'invalid_request', field, message },
      ]);
    }
    const tooMany = Array.from({ length: 100_001 }, (_, i) => `k${i}`);
    expect((await json(await post(app, '/lists', { name: 'n', keywords: tooMany })))[1]).toMatchObject({ field: 'keywords' });
    expect(
      (
        await app.request('/lists', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"name":"n","keywords":["a"]}',
        })
      ).status,
    ).toBe(401);
    expect(await rowCounts(stack.orm)).toEqual(before);
  });

  it('takes 100,000 keywords in one body (beyond the usual 2 MiB limit) and serves them in pages of up to 10,000', async () => {
    const token = uid();
    const keywords = Array.from({ length: 100_000 }, (_, i) => `long tail keyword ${token} number ${i}`);
    expect(JSON.stringify(keywords).length).toBeGreaterThan(2 * 1024 * 1024);
    const [status, created] = await json(await post(app, '/lists', { name: 'Big', keywords, daily: false }));
    expect([status, created.size]).toEqual([201, 100_000]);
    const page = (await (await app.request(`/lists/${created.id}?limit=10000`)).json()) as Json;
    expect(page.keywords).toHaveLength(10_000);
    expect(page.keywords[9_999]).toBe(keywords[9_999]);
    expect((await app.request(`/lists/${created.id}?limit=10001`)).status).toBe(400);
    expect((await del(`/lists/${created.id}`)).status).toBe(204);
  });
});

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
