// Temporal Schedules replace a cron loop. Applying is idempotent: a missing schedule is created,
// a different one is updated in place (keeping an operator's pause), an equal one is left alone.
import { isDeepStrictEqual } from 'node:util';
import {
  ScheduleAlreadyRunning,
  type CalendarSpecDescription,
  type Client,
  type DayOfWeek,
  type Range,
  type ScheduleDescription,
  type ScheduleOptions,
} from '@temporalio/client';
import type { AppConfig } from '../config/config';
import { pipelineSummary } from '../../workflows/pipeline-input';
import type { KeywordPipelineInput } from '../../workflows/types/pipeline';
import type { Platform } from '../../workflows/types/platforms';

export interface ScheduleSettings {
  taskQueue: string;
  /** IANA time zone the times are read in. */
  timezone: string;
  daily: { keywords: string[]; platforms: Platform[] };
  retentionDays: number;
  /** Prefixes schedule and workflow IDs, so tests run their own set side by side. */
  idPrefix?: string;
}

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';

const HOUR_MS = 3_600_000;

export function scheduleSettings(config: AppConfig): ScheduleSettings {
  return {
    taskQueue: config.temporal.taskQueue,
    timezone: config.scheduleTimezone,
    daily: config.daily,
    retentionDays: config.retentionDays,
  };
}

/** The default times (docs/operations.md). Scheduled runs get IDs like `daily-pipeline-2026-11-24T02:00:00Z` (Temporal appends the time). */
function scheduleDefinitions(s: ScheduleSettings): ScheduleOptions[] {
  assertTimeZone(s.timezone);
  const prefix = s.idPrefix ?? '';
  // every list marked daily, plus the configured keywords: resolved by the run itself (workflows/pipeline.ts)
  const pipeline: KeywordPipelineInput = { keywords: s.daily.keywords, platforms: s.daily.platforms, dailyLists: true };
  const define = (id: string, workflowType: string, at: Calendar, hours: Hours, input: object, summary: string): ScheduleOptions => ({
    scheduleId: prefix + id,
    spec: { calendars: [calendar(at)], timezone: s.timezone },
    action: {
      type: 'startWorkflow',
      workflowType,
      workflowId: prefix + id,
      taskQueue: s.taskQueue,
      args: [input],
      staticSummary: summary,
      workflowExecutionTimeout: hours.timeout * HOUR_MS,
    },
    // SKIP: a run still going when the next is due means the next would only repeat it
    policies: { overlap: 'SKIP', catchupWindow: hours.catchup * HOUR_MS },
  });
  // catch-up: a server back within the window still takes the missed run, later ones wait for the next;
  // timeout: a run stuck (say, providers down for hours) ends before the next one is due, instead of making it skip
  return [
    define(
      'daily-pipeline',
      'keywordPipeline',
      { hours: one(2), comment: 'daily at 02:00' },
      { catchup: 6, timeout: 23 },
      pipeline,
      pipelineSummary(pipeline),
    ),
    define(
      'process-keywords',
      'processKeywords',
      { hours: { start: 0, end: 23, step: 4 }, comment: 'every 4 hours' },
      { catchup: 1, timeout: 4 },
      {},
      'Process the newest observations (every 4 hours)',
    ),
    define(
      'analyze-trends',
      'analyzeTrends',
      { hours: one(6), comment: 'daily at 06:00' },
      { catchup: 6, timeout: 23 },
      {},
      'Analyse trends (daily at 06:00)',
    ),
    define(
      'cleanup-old-data',
      'cleanupOldData',
      { hours: one(3), dayOfWeek: 'SUNDAY', comment: 'Sundays at 03:00' },
      { catchup: 24, timeout: 24 },
      { retentionDays: s.retentionDays },
      `Delete data older than ${s.retentionDays} days (Sundays at 03:00)`,
    ),
  ];
}

export async function applySchedules(client: Client, s: ScheduleSettings): Promise<{ scheduleId: string; outcome: ApplyOutcome }[]> {
  const applied = [];
  for (const definition of scheduleDefinitions(s)) {
    applied.push({ scheduleId: definition.scheduleId, outcome: await applyOne(client, definition) });
  }
  return applied;
}

/** What the worker and the local stack run at start: the configured schedules, unless APPLY_SCHEDULES=false. */
export async function applyConfiguredSchedules(client: Client, config: AppConfig, log: (line: string) => void): Promise<void> {
  if (!config.applySchedules) return log('schedules: not applied (APPLY_SCHEDULES=false)');
  const applied = await applySchedules(client, scheduleSettings(config));
  log(`schedules (${config.scheduleTimezone}): ${applied.map((a) => `${a.scheduleId} ${a.outcome}`).join(', ')}`);
}

async function applyOne(client: Client, definition: ScheduleOptions): Promise<ApplyOutcome> {
  try {
    await client.schedule.create(definition);
    return 'created';
  } catch (err) {
    // exists already (or another worker created it a moment ago): compare and update
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = client.schedule.getHandle(definition.scheduleId);
  if (isDeepStrictEqual(comparable(definition), comparable(await handle.describe()))) return 'unchanged';
  await handle.update((current) => ({
    spec: definition.spec,
    action: definition.action,
    policies: definition.policies,
    state: current.state,
  }));
  return 'updated';
}

/** What applying controls, in the shape describe() returns, so the two compare field by field. */
function comparable(s: ScheduleOptions | ScheduleDescription) {
  return {
    calendars: s.spec.calendars,
    timezone: s.spec.timezone,
    intervals: s.spec.intervals ?? [],
    workflowType: s.action.workflowType,
    workflowId: s.action.workflowId,
    taskQueue: s.action.taskQueue,
    args: s.action.args,
    staticSummary: s.action.staticSummary,
    workflowExecutionTimeout: s.action.workflowExecutionTimeout,
    overlap: s.policies?.overlap,
    catchupWindow: s.policies?.catchupWindow,
  };
}

interface Hours {
  catchup: number;
  timeout: number;
}

interface Calendar {
  hours: Range<number>;
  dayOfWeek?: DayOfWeek;
  comment: string;
}

const one = <T>(value: T): Range<T> => ({ start: value, end: value, step: 1 });

/** Written out in full, as the server describes it back: minute and second 0, any day unless given. */
function calendar(at: Calendar): CalendarSpecDescription {
  return {
    second: [one(0)],
    minute: [one(0)],
    hour: [at.hours],
    dayOfMonth: [{ start: 1, end: 31, step: 1 }],
    month: [{ start: 'JANUARY', end: 'DECEMBER', step: 1 }],
    year: [],
    dayOfWeek: [at.dayOfWeek ? one(at.dayOfWeek) : { start: 'SUNDAY', end: 'SATURDAY', step: 1 }],
    comment: at.comment,
  };
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`Invalid configuration: SCHEDULE_TIMEZONE "${timeZone}" is not an IANA time zone (e.g. UTC, Europe/Paris)`);
  }
}
