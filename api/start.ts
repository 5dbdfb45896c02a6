// Starting a run from the API: a business ID, the task queue, the request ID as memo, and the 202 body.
import type { Context } from 'hono';
import type { Workflow } from '@temporalio/client';
import { runLinks, type ApiDeps, type AppEnv } from './deps';

/** process-2026-11-24-20261124T041200Z: what, for which day, started when. */
export function runId(kind: string, day: string | undefined): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${kind}-${day ?? 'latest'}-${stamp}`;
}

export async function startRun(c: Context<AppEnv>, deps: ApiDeps, type: string, workflowId: string, input: object) {
  c.set('workflowId', workflowId);
  // the memo ties the run (visible in the Web UI) to the request's log lines
  const handle = await deps.client.workflow.start<Workflow>(type, {
    workflowId, taskQueue: deps.temporal.taskQueue, args: [input], memo: { requestId: c.get('requestId') },
  });
  return {
    message: `${type} started`,
    workflowId,
    runId: handle.firstExecutionRunId,
    ...runLinks(deps, workflowId),
  };
}
