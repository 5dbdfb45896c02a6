// GET /schedules, POST /schedules/:id/{trigger,pause,unpause}: the Temporal Schedules, for operators and scripts.
import { createRoute, z } from '@hono/zod-openapi';
import { ScheduleNotFoundError, type ScheduleDescription, type ScheduleHandle } from '@temporalio/client';
import { runLinks, workflowUiUrl, type ApiDeps } from '../deps';
import { apiKeySecurity, errors, json, jsonBody, readErrors, routes, RUN_LINKS, writeErrors } from '../openapi';

const TRIGGER_WAIT_MS = 5_000;
const NEXT_TIMES = 5;

const Action = z.object({
  scheduledAt: z.string(),
  takenAt: z.string(),
  workflowId: z.string(),
  runId: z.string(),
  temporalUiUrl: z.string(),
});
const Schedule = z
  .object({
    scheduleId: z.string().openapi({ example: 'daily-pipeline' }),
    workflowType: z.string().openapi({ example: 'keywordPipeline' }),
    paused: z.boolean(),
    note: z.string().nullable().openapi({ description: 'why it was paused or unpaused' }),
    timezone: z.string().openapi({ example: 'UTC' }),
    when: z.array(z.string()).openapi({ example: ['daily at 02:00'] }),
    nextActionTimes: z.array(z.string()).openapi({ description: `the next ${NEXT_TIMES} start times (ISO 8601, UTC)` }),
    recentActions: z.array(Action).openapi({ description: 'the latest runs started, oldest first' }),
    numActionsTaken: z.number().int(),
    temporalUiUrl: z.string(),
  })
  .openapi('Schedule');
const Triggered = z
  .object({
    message: z.string(),
    scheduleId: z.string(),
    workflowId: z.string().nullable(),
    runId: z.string().nullable(),
    statusUrl: z.string().nullable(),
    temporalUiUrl: z.string().nullable(),
  })
  .openapi('ScheduleTriggered');
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'daily-pipeline' }),
});
const NoteBody = z.strictObject({ note: z.string().max(500, 'must be at most 500 characters').optional() }).openapi('ScheduleNote');

const list = createRoute({
  method: 'get',
  path: '/schedules',
  tags: ['schedules'],
  summary: 'The schedules, their next start times and recent runs',
  responses: {
    200: {
      ...json(z.object({ schedules: z.array(Schedule) }), 'every schedule of the namespace'),
      links: {
        PauseFirst: { operationId: 'pauseSchedule', parameters: { id: '$response.body#/schedules/0/scheduleId' } },
        UnpauseFirst: { operationId: 'unpauseSchedule', parameters: { id: '$response.body#/schedules/0/scheduleId' } },
        TriggerFirst: { operationId: 'triggerSchedule', parameters: { id: '$response.body#/schedules/0/scheduleId' } },
      },
    },
    ...readErrors(),
  },
});
const trigger = createRoute({
  method: 'post',
  path: '/schedules/{id}/trigger',
  operationId: 'triggerSchedule',
  tags: ['schedules'],
  summary: 'Start a run of the schedule now',
  security: apiKeySecurity,
  request: { params: IdParam },
  responses: {
    202: { ...json(Triggered, 'triggered; workflowId is null when the run did not start within 5 s'), links: RUN_LINKS },
    ...writeErrors(),
    ...errors(404),
  },
});
const setPaused = (action: 'pause' | 'unpause', summary: string) =>
  createRoute({
    method: 'post',
    path: `/schedules/{id}/${action}`,
    operationId: `${action}Schedule`,
    tags: ['schedules'],
    summary,
    security: apiKeySecurity,
    description: 'The body is optional: `{note}` says why, shown in the Web UI.',
    request: { params: IdParam, body: jsonBody(NoteBody, false) },
    responses: { 200: json(Schedule, 'the schedule'), ...writeErrors(), ...errors(404) },
  });

export function scheduleRoutes(deps: ApiDeps) {
  const view = (d: ScheduleDescription): z.infer<typeof Schedule> => ({
    scheduleId: d.scheduleId,
    workflowType: d.action.workflowType,
    paused: d.state.paused,
    note: d.state.note || null,
    timezone: d.spec.timezone || 'UTC',
    when: (d.spec.calendars ?? []).map((c) => c.comment ?? '').filter(Boolean),
    nextActionTimes: d.info.nextActionTimes.slice(0, NEXT_TIMES).map((t) => t.toISOString()),
    recentActions: d.info.recentActions.map((a) => ({
      scheduledAt: a.scheduledAt.toISOString(),
      takenAt: a.takenAt.toISOString(),
      workflowId: a.action.workflow.workflowId,
      runId: a.action.workflow.firstExecutionRunId,
      temporalUiUrl: workflowUiUrl(deps, a.action.workflow.workflowId),
    })),
    numActionsTaken: d.info.numActionsTaken,
    temporalUiUrl: `${deps.temporal.uiUrl}/namespaces/${encodeURIComponent(deps.temporal.namespace)}/schedules/${encodeURIComponent(d.scheduleId)}`,
  });
  const handleOf = (id: string) => deps.client.schedule.getHandle(id);

  return routes()
    .openapi(list, async (c) => {
      const ids: string[] = [];
      for await (const s of deps.client.schedule.list()) ids.push(s.scheduleId);
      // the list is eventually consistent; describe gives each schedule's current state
      const described = await Promise.all(ids.sort().map((id) => handleOf(id).describe().catch(ignoreGone)));
      return c.json({ schedules: described.filter((d) => d !== null).map(view) }, 200);
    })
    .openapi(trigger, async (c) => {
      const waitUntil = Date.now() + TRIGGER_WAIT_MS;
      const handle = handleOf(c.req.valid('param').id);
      const before = await handle.describe();
      await handle.trigger();
      // the schedule starts the run asynchronously: wait briefly, to answer with its workflow ID
      const action = await newAction(deps, handle, before.info.numActionsTaken, waitUntil);
      const workflowId = action?.action.workflow.workflowId ?? null;
      if (workflowId) c.set('workflowId', workflowId);
      return c.json(
        {
          message: workflowId ? 'run started' : `triggered; no run started within ${TRIGGER_WAIT_MS / 1000} s, see GET /schedules`,
          scheduleId: handle.scheduleId,
          workflowId,
          runId: action?.action.workflow.firstExecutionRunId ?? null,
          ...(workflowId ? runLinks(deps, workflowId) : { statusUrl: null, temporalUiUrl: null }),
        },
        202,
      );
    })
    .openapi(setPaused('pause', 'Pause the schedule (runs going on finish)'), async (c) => {
      const handle = handleOf(c.req.valid('param').id);
      await handle.pause(c.req.valid('json').note ?? 'paused through the API');
      return c.json(view(await handle.describe()), 200);
    })
    .openapi(setPaused('unpause', 'Unpause the schedule'), async (c) => {
      const handle = handleOf(c.req.valid('param').id);
      await handle.unpause(c.req.valid('json').note ?? 'unpaused through the API');
      return c.json(view(await handle.describe()), 200);
    });
}

function ignoreGone(err: unknown): null {
  if (err instanceof ScheduleNotFoundError) return null;
  throw err;
}

/**
 * The run the trigger started, looked for until `until` (counted from the request's start). The trigger is done by
 * then: a slow or failing describe ends the wait with no run, never a 503 (the client would trigger a second run).
 */
async function newAction(deps: ApiDeps, handle: ScheduleHandle, taken: number, until: number) {
  while (Date.now() < until) {
    const d = await deps.client.withDeadline(until, () => handle.describe()).catch(() => undefined);
    if (!d) return undefined;
    if (d.info.numActionsTaken > taken) return d.info.recentActions.at(-1);
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}
