// The HTTP API against the real Temporal server and PostgreSQL: bodies checked field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import type { collectKeywords } from '../../workflows/collect-keywords';
import { collectWorkflowId } from '../../workflows/validation';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const DAY = '2026-11-22';
let stack: TestStack;
let app: ReturnType<typeof createApp>;
let taskQueue: string;

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  taskQueue = `api-${uid()}`;
  app = createApp({ client: stack.client, orm: stack.orm, temporal: { namespace: 'default', taskQueue, uiUrl: 'http://localhost:8233' } });
});
afterAll(() => stack?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function workflowsOnQueue(queue: string): Promise<number> {
  let n = 0;
  for await (const _ of stack.client.workflow.list({ query: `TaskQueue = '${queue}'` })) n++;
  return n;
}

describe('API', () => {
  it('GET /health answers ok', async () => {
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('POST /collect/keywords starts a run; GET /workflows/:id and the observations follow it', async () => {
    const keyword = `notion template ${uid()}`;
    const res = await post('/collect/keywords', { keywords: [keyword.toUpperCase()], platforms: ['etsy', 'ebay'], day: DAY });
    expect(res.status).toBe(202);
    const body = (await res.json()) as Record<string, unknown>;
    const workflowId = collectWorkflowId([keyword], ['etsy', 'ebay'], DAY);
    expect(body).toEqual({
      message: 'collection started', workflowId, runId: expect.any(String), day: DAY, keywords: 1, platforms: ['etsy', 'ebay'],
      statusUrl: `/workflows/${workflowId}`,
      temporalUiUrl: `http://localhost:8233/namespaces/default/workflows/${workflowId}`,
    });
    // the same request again joins the run instead of starting a second one
    const again = (await (await post('/collect/keywords', { keywords: [keyword], platforms: ['ebay', 'etsy'], day: DAY })).json()) as Record<string, unknown>;
    expect(again.runId).toBe(body.runId);

    // no worker polls the API's queue yet: the run waits, and the status says so without hanging
    const running = (await (await app.request(`/workflows/${workflowId}`)).json()) as Record<string, unknown>;
    expect(running).toMatchObject({ workflowId, type: 'collectKeywords', status: 'RUNNING', closeTime: null, progress: null });

    const result = await stack.withWorker(() => stack.client.workflow.getHandle<typeof collectKeywords>(workflowId).result(), { taskQueue });
    expect(result.platforms.map((p) => p.collected)).toEqual([1, 1]);
    const done = (await (await app.request(`/workflows/${workflowId}`)).json()) as Record<string, unknown>;
    expect(done).toMatchObject({ status: 'COMPLETED', result, progress: { total: 2, done: 2 } });

    const obs = await app.request(`/keywords/${encodeURIComponent(keyword)}/observations?platform=etsy`);
    expect(obs.status).toBe(200);
    const obsBody = (await obs.json()) as { count: number; observations: Record<string, unknown>[] };
    expect(obsBody.count).toBe(1);
    expect(obsBody.observations[0]).toMatchObject({ platform: 'etsy', keyword, day: DAY, workflow_id: workflowId, degraded: [] });
    expect(Object.keys(obsBody.observations[0]!).sort()).toEqual([
      'category_data', 'collected_at', 'competition', 'cpc', 'day', 'degraded', 'keyword', 'platform',
      'related_keywords', 'search_volume', 'source', 'trend_score', 'workflow_id',
    ]);
  });

  it.each([
    [{ keywords: [] }, 400, 'keywords'],
    [{ keywords: 'ebooks' }, 400, 'keywords'],
    [{ keywords: [42] }, 400, 'keywords[0]'],
    [{ keywords: ['ok', '   '] }, 400, 'keywords[1]'],
    [{ keywords: Array.from({ length: 10_001 }, (_, i) => `k${i}`) }, 400, 'keywords'],
    [{ keywords: ['ok'], platforms: ['walmart'] }, 400, 'platforms[0]'],
    [{ keywords: ['ok'], platforms: [] }, 400, 'platforms'],
    [{ keywords: ['ok'], day: 'yesterday' }, 400, 'day'],
    [{ keywords: ['a\u0000b'] }, 400, 'keywords[0]'],
    ['{not json', 400, 'body'],
    [[1, 2], 400, 'body'],
  ])('POST /collect/keywords %j → %i naming %s, starting nothing', async (body, status, field) => {
    const res = await post('/collect/keywords', body);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: 'invalid_request', message: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `)), field });
    expect(await workflowsOnQueue(taskQueue)).toBe(1);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await post('/collect/keywords', 'keywords=ebooks', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_media_type', field: 'content-type' });
  });

  it('answers 404 for an unknown workflow and 400 for a bad platform filter', async () => {
    const res = await app.request('/workflows/no-such-workflow');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'no such workflow' });
    const bad = await app.request('/keywords/ebooks/observations?platform=walmart');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'platform' });
    const limit = await app.request('/keywords/ebooks/observations?limit=-1');
    expect(await limit.json()).toMatchObject({ field: 'limit' });
  });
});
