// The HTTP API against the real Temporal server and PostgreSQL: bodies checked field by field.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger';
import type { collectKeywords } from '../../workflows/collect-keywords';
import { collectWorkflowId } from '../../workflows/validation';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { JSON_AUTH, post, testApp, workflowsOnQueue, type App, type Json } from './test-app';

const DAY = '2026-11-22';
let stack: TestStack;
let app: App;
let taskQueue: string;
const logLines: Json[] = [];

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  taskQueue = `api-${uid()}`;
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => done(void logLines.push(JSON.parse(chunk.toString()) as Json)) });
  app = testApp(stack, taskQueue, { logger: createLogger('info', sink) });
});
afterAll(() => stack?.close());

const collect = (body: unknown, headers: Record<string, string> = JSON_AUTH) => post(app, '/collect/keywords', body, headers);
const result = (workflowId: string) => stack.client.workflow.getHandle<typeof collectKeywords>(workflowId).result();

describe('API', () => {
  it('GET /health answers ok; GET /ready checks Temporal and PostgreSQL', async () => {
    const res = await app.request('/health');
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await app.request('/ready');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', checks: { temporal: 'ok', postgres: 'ok' } }]);
  });

  it('POST /collect/keywords starts a run; a repeat is 409 while it runs and 200 once done; the data follows', async () => {
    const keyword = `notion template ${uid()}`;
    const res = await collect({ keywords: [keyword.toUpperCase()], platforms: ['etsy', 'ebay'], day: DAY });
    expect(res.status).toBe(202);
    const body = (await res.json()) as Json;
    const workflowId = collectWorkflowId([keyword], ['etsy', 'ebay'], DAY);
    expect(body).toEqual({
      message: 'collection started',
      workflowId,
      runId: expect.any(String),
      day: DAY,
      keywords: 1,
      platforms: ['etsy', 'ebay'],
      statusUrl: `/workflows/${workflowId}`,
      temporalUiUrl: `http://localhost:8233/namespaces/default/workflows/${workflowId}`,
    });
    // the same request again (platforms in another order) names the run going instead of starting a second one
    const again = await collect({ keywords: [keyword], platforms: ['ebay', 'etsy'], day: DAY });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'conflict',
      message: 'a collection for this request is already running',
      workflowId,
      runId: body.runId,
      statusUrl: `/workflows/${workflowId}`,
    });

    // no worker polls the API's queue yet: the run waits, and the status says so without hanging
    const running = (await (await app.request(`/workflows/${workflowId}`)).json()) as Json;
    expect(running).toMatchObject({ workflowId, type: 'collectKeywords', status: 'RUNNING', closeTime: null, progress: null });

    const done = await stack.withWorker(() => result(workflowId), { taskQueue });
    expect(done.platforms.map((p) => p.collected)).toEqual([1, 1]);
    const status = (await (await app.request(`/workflows/${workflowId}`)).json()) as Json;
    expect(status).toMatchObject({ status: 'COMPLETED', result: done, progress: { total: 2, done: 2 } });

    // completed today: the same request answers with that run, and nothing new starts
    const repeat = await collect({ keywords: [keyword], platforms: ['etsy', 'ebay'], day: DAY });
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual({ ...body, message: 'already collected: the existing run', status: 'COMPLETED' });
    expect(await workflowsOnQueue(stack.client, taskQueue)).toBe(1);

    const obs = await app.request(`/keywords/${encodeURIComponent(keyword)}/observations?platform=etsy`);
    expect(obs.status).toBe(200);
    const obsBody = (await obs.json()) as { count: number; observations: Json[] };
    expect(obsBody.count).toBe(1);
    expect(obsBody.observations[0]).toMatchObject({
      platform: 'etsy',
      keyword,
      day: DAY,
      workflow_id: workflowId,
      degraded: [],
      details: null,
    });
    // the generic provider contract's provider (seed-contract.ts) measures every metric it reports
    expect(obsBody.observations[0]!.provenance).toEqual({
      search_volume: 'measured',
      competition: 'measured',
      cpc: 'measured',
      trend_score: 'measured',
      related_keywords: 'measured',
      category_data: 'measured',
    });
    expect(Object.keys(obsBody.observations[0]!).sort()).toEqual([
      'category_data',
      'collected_at',
      'competition',
      'cpc',
      'day',
      'degraded',
      'details',
      'keyword',
      'metric_sources',
      'platform',
      'provenance',
      'related_keywords',
      'search_volume',
      'source',
      'trend_score',
      'volume_source',
      'workflow_id',
    ]);
  });

  it('an Idempotency-Key maps to one run: 409 while it runs, 422 for another body, 200 once done', async () => {
    const key = `order-${uid()}`;
    const request = { keywords: [`svg bundle ${uid()}`], platforms: ['etsy'] };
    const headers = { ...JSON_AUTH, 'idempotency-key': key };
    const first = await collect(request, headers);
    expect(first.status).toBe(202);
    const started = (await first.json()) as Json;
    expect(started.workflowId).toMatch(/^collect-idem-[0-9a-f]{16}$/);
    expect(started.day).toBe(new Date().toISOString().slice(0, 10));

    expect(await (await collect(request, headers)).json()).toMatchObject({ error: 'conflict', workflowId: started.workflowId });
    const other = await collect({ ...request, platforms: ['ebay'] }, headers);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: 'idempotency_key_reused', field: 'Idempotency-Key', workflowId: started.workflowId });

    await stack.withWorker(() => result(started.workflowId as string), { taskQueue });
    const repeat = await collect(request, headers);
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toMatchObject({ workflowId: started.workflowId, runId: started.runId, status: 'COMPLETED' });
  });

  it('echoes or makes a request ID, logs it with the workflow ID, and stores it as the run memo', async () => {
    const given = await app.request('/health', { headers: { 'x-request-id': 'trace-abc_123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc_123');
    // characters outside [A-Za-z0-9_=-], or more than 128 of them, are replaced by a fresh UUID
    for (const bad of ['<script>alert(1)</script>', 'a b', 'x'.repeat(129)]) {
      const res = await app.request('/health', { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }

    logLines.length = 0;
    const res = await collect({ keywords: [`teacher worksheet ${uid()}`], day: DAY });
    const requestId = res.headers.get('x-request-id')!;
    const { workflowId } = (await res.json()) as Json;
    expect(logLines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        requestId,
        method: 'POST',
        path: '/collect/keywords',
        status: 202,
        workflowId,
        ms: expect.any(Number),
      }),
    );
    const desc = await stack.client.workflow.getHandle(workflowId as string).describe();
    expect(desc.memo).toMatchObject({ requestId });
    await stack.client.workflow.getHandle(workflowId as string).terminate('test done');

    const missing = await app.request('/workflows/no-such-workflow');
    expect(missing.headers.get('x-request-id')).toBeTruthy();
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'not_found', message: 'no such workflow' }]);
  });
});
