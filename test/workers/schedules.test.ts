// The Temporal Schedules: applied idempotently, updated in place, and a triggered run completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import type { keywordPipeline } from '../../workflows/pipeline';
import { applySchedules, type ScheduleSettings } from '../../workers/temporal/schedules';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const KINDS = ['daily-pipeline', 'process-keywords', 'analyze-trends', 'cleanup-old-data'];
let stack: TestStack;
const prefixes: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ day: new Date().toISOString().slice(0, 10) });
});
afterAll(async () => {
  for (const prefix of prefixes) {
    for (const kind of KINDS)
      await stack.client.schedule
        .getHandle(prefix + kind)
        .delete()
        .catch(() => undefined);
  }
  await stack?.close();
});

function settings(overrides: Partial<ScheduleSettings> = {}): ScheduleSettings {
  const idPrefix = `test-${uid()}-`;
  prefixes.push(idPrefix);
  return {
    taskQueue: `sched-${uid()}`,
    timezone: 'UTC',
    daily: { keywords: ['svg bundle'], platforms: ['etsy'] },
    retentionDays: 90,
    idPrefix,
    ...overrides,
  };
}

const describeSchedule = (id: string) => stack.client.schedule.getHandle(id).describe();
const hourIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(date);

async function listed(prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const s of stack.client.schedule.list()) if (s.scheduleId.startsWith(prefix)) ids.push(s.scheduleId);
  return ids.sort();
}

describe('applySchedules', () => {
  it('creates the four schedules once: applying again leaves one of each, unchanged', async () => {
    const s = settings({ timezone: 'America/New_York' });
    expect(await applySchedules(stack.client, s)).toEqual(KINDS.map((k) => ({ scheduleId: s.idPrefix + k, outcome: 'created' })));
    expect(await applySchedules(stack.client, s)).toEqual(KINDS.map((k) => ({ scheduleId: s.idPrefix + k, outcome: 'unchanged' })));
    await expect.poll(() => listed(s.idPrefix!), { timeout: 10_000 }).toEqual(KINDS.map((k) => s.idPrefix + k).sort());

    const pipeline = await describeSchedule(`${s.idPrefix}daily-pipeline`);
    expect(pipeline.action).toMatchObject({
      workflowType: 'keywordPipeline',
      workflowId: `${s.idPrefix}daily-pipeline`,
      taskQueue: s.taskQueue,
      args: [{ keywords: ['svg bundle'], platforms: ['etsy'], dailyLists: true }],
      staticSummary: 'Keyword pipeline: collect → process → analyze → train — every daily keyword list plus 1 keyword on etsy',
      workflowExecutionTimeout: 23 * 3_600_000,
    });
    expect(pipeline.policies).toEqual({ overlap: 'SKIP', catchupWindow: 6 * 3_600_000, pauseOnFailure: false });
    expect(pipeline.spec.timezone).toBe('America/New_York');
    // the default times (workers/temporal/schedules.ts), read in the configured time zone
    const next = async (kind: string) =>
      (await describeSchedule(s.idPrefix + kind)).info.nextActionTimes.slice(0, 6).map((d) => hourIn(d, 'America/New_York'));
    for (const t of await next('daily-pipeline')) expect(t).toMatch(/ 02:00$/);
    for (const t of await next('analyze-trends')) expect(t).toMatch(/ 06:00$/);
    for (const t of await next('cleanup-old-data')) expect(t).toBe('Sun 03:00');
    expect(new Set((await next('process-keywords')).map((t) => t.slice(-5)))).toEqual(
      new Set(['00:00', '04:00', '08:00', '12:00', '16:00', '20:00']),
    );
    expect((await describeSchedule(`${s.idPrefix}cleanup-old-data`)).action.args).toEqual([{ retentionDays: 90 }]);
  });

  it('updates a changed schedule in place, keeping an operator pause', async () => {
    const s = settings();
    await applySchedules(stack.client, s);
    const id = `${s.idPrefix}daily-pipeline`;
    const created = await describeSchedule(id);
    await stack.client.schedule.getHandle(id).pause('investigating provider errors');

    const changed: ScheduleSettings = { ...s, daily: { keywords: ['svg bundle', 'wedding planner'], platforms: ['etsy', 'ebay'] } };
    expect(await applySchedules(stack.client, changed)).toEqual(
      KINDS.map((k) => ({ scheduleId: s.idPrefix + k, outcome: k === 'daily-pipeline' ? 'updated' : 'unchanged' })),
    );
    const updated = await describeSchedule(id);
    expect(updated.action.args).toEqual([{ keywords: ['svg bundle', 'wedding planner'], platforms: ['etsy', 'ebay'], dailyLists: true }]);
    expect(updated.info.createdAt).toEqual(created.info.createdAt);
    expect(updated.state).toMatchObject({ paused: true, note: 'investigating provider errors' });

    expect((await applySchedules(stack.client, { ...s, timezone: 'Europe/Paris' })).map((a) => a.outcome)).toEqual(
      Array(4).fill('updated'),
    );
    expect((await describeSchedule(id)).spec.timezone).toBe('Europe/Paris');
  });

  it('refuses a time zone that is not an IANA name, naming the variable', async () => {
    await expect(applySchedules(stack.client, settings({ timezone: 'Mars/Olympus' }))).rejects.toThrow(/SCHEDULE_TIMEZONE "Mars\/Olympus"/);
  });

  it('triggers the daily pipeline: the run completes with a business ID under the schedule', async () => {
    const keyword = `scheduled ${uid()}`;
    // the daily run also collects every daily list: other files' lists in the shared test database are not this test's
    await stack.orm.em.getKnex()('keyword_lists').update({ daily: false });
    const s = settings({ daily: { keywords: [keyword], platforms: ['etsy'] } });
    await applySchedules(stack.client, s);
    const handle = stack.client.schedule.getHandle(`${s.idPrefix}daily-pipeline`);
    const result = await stack.withWorker(
      async () => {
        await handle.trigger();
        await expect.poll(async () => (await handle.describe()).info.recentActions.length, { timeout: 10_000 }).toBe(1);
        const { workflowId } = (await handle.describe()).info.recentActions[0]!.action.workflow;
        expect(workflowId).toMatch(new RegExp(`^${s.idPrefix}daily-pipeline-\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$`));
        return stack.client.workflow.getHandle<typeof keywordPipeline>(workflowId).result();
      },
      { taskQueue: s.taskQueue },
    );

    expect(result).toMatchObject({ status: 'ok', steps: ['collect', 'process', 'analyze', 'train'], collect: { keywords: 1 } });
    expect(await stack.orm.em.fork().count(ObservationSchema, { keyword, platform: 'etsy', day: result.day })).toBe(1);
  }, 120_000);
});
