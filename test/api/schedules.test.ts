// GET /schedules and POST /schedules/:id/{trigger,pause,unpause} against the real Temporal server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { cleanupOldData } from '../../workflows/cleanup';
import { applySchedules } from '../../workers/temporal/schedules';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { post as postTo, testApp, type App } from './test-app';

const KINDS = ['daily-pipeline', 'process-keywords', 'analyze-trends', 'cleanup-old-data'];
let stack: TestStack;
let app: App;
const prefix = `api-${uid()}-`;
const taskQueue = `api-sched-${uid()}`;

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-24' });
  app = testApp(stack, taskQueue);
  // a retention of 100 years: the triggered cleanup deletes nothing other tests wrote
  await applySchedules(stack.client, {
    taskQueue,
    timezone: 'UTC',
    daily: { keywords: ['svg'], platforms: ['etsy'] },
    retentionDays: 36_500,
    idPrefix: prefix,
  });
});
afterAll(async () => {
  for (const kind of KINDS)
    await stack.client.schedule
      .getHandle(prefix + kind)
      .delete()
      .catch(() => undefined);
  await stack?.close();
});

const post = (path: string, body?: unknown, headers?: Record<string, string>) => postTo(app, path, body, headers);

interface ScheduleView {
  scheduleId: string;
  paused: boolean;
  note: string | null;
  nextActionTimes: string[];
  recentActions: { workflowId: string }[];
}

async function listed(): Promise<ScheduleView[]> {
  const res = await app.request('/schedules');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { schedules: ScheduleView[] };
  return body.schedules.filter((s) => s.scheduleId.startsWith(prefix));
}

describe('schedules API', () => {
  it('GET /schedules lists each schedule with its times and next runs', async () => {
    await expect
      .poll(async () => (await listed()).map((s) => s.scheduleId), { timeout: 10_000 })
      .toEqual(KINDS.map((k) => prefix + k).sort());
    const daily = (await listed()).find((s) => s.scheduleId === `${prefix}daily-pipeline`)!;
    expect(daily).toMatchObject({
      workflowType: 'keywordPipeline',
      paused: false,
      timezone: 'UTC',
      when: ['daily at 02:00'],
      recentActions: [],
      numActionsTaken: 0,
      temporalUiUrl: `http://localhost:8233/namespaces/default/schedules/${prefix}daily-pipeline`,
    });
    expect(daily.nextActionTimes).toHaveLength(5);
    for (const t of daily.nextActionTimes) expect(t).toMatch(/T02:00:00\.000Z$/);
  });

  it('POST /schedules/:id/trigger starts a run that completes, then lists it among the recent actions', async () => {
    const id = `${prefix}cleanup-old-data`;
    const res = await post(`/schedules/${id}/trigger`);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { workflowId: string; statusUrl: string };
    expect(body).toMatchObject({
      message: 'run started',
      scheduleId: id,
      workflowId: expect.stringMatching(new RegExp(`^${id}-\\d{4}-`)),
      runId: expect.any(String),
    });
    expect(body.statusUrl).toBe(`/workflows/${encodeURIComponent(body.workflowId)}`);

    const result = await stack.withWorker(() => stack.client.workflow.getHandle<typeof cleanupOldData>(body.workflowId).result(), {
      taskQueue,
    });
    expect(result).toMatchObject({ retentionDays: 36_500, deleted: { observations: 0 } });
    const after = (await listed()).find((s) => s.scheduleId === id)!;
    expect(after.recentActions.map((a) => a.workflowId)).toEqual([body.workflowId]);
  }, 60_000);

  it('POST pause and unpause change the state, with an optional note', async () => {
    const id = `${prefix}process-keywords`;
    const paused = await post(`/schedules/${id}/pause`, { note: 'provider outage' });
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ scheduleId: id, paused: true, note: 'provider outage' });
    expect((await listed()).find((s) => s.scheduleId === id)).toMatchObject({ paused: true, note: 'provider outage' });

    const unpaused = await post(`/schedules/${id}/unpause`);
    expect(unpaused.status).toBe(200);
    expect(await unpaused.json()).toMatchObject({ scheduleId: id, paused: false, note: 'unpaused through the API' });
  });

  it('answers 404 for an unknown schedule, 400 for a bad note, 401 without the API key', async () => {
    for (const action of ['trigger', 'pause', 'unpause']) {
      const res = await post(`/schedules/no-such-schedule-${uid()}/${action}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found', message: 'no such schedule' });
    }
    const bad = await post(`/schedules/${prefix}process-keywords/pause`, { note: 'x'.repeat(501) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request', field: 'note' });
    expect((await post(`/schedules/${prefix}process-keywords/pause`, undefined, { 'x-api-key': 'wrong-key-0123456789' })).status).toBe(401);
    expect((await listed()).find((s) => s.scheduleId === `${prefix}process-keywords`)!.paused).toBe(false);
  });
});
