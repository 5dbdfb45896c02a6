// Starting a run from the API: a business ID, the task queue, the request ID as memo, and the 202 body.
import type { Context } from 'hono';
import type * as workflows from '../workflows';
import { runLinks, type ApiDeps, type AppEnv } from './deps';

/** process-2026-11-24-20261124T041200Z: what, for which day, started when. */
export function runId(kind: string, day: string | undefined): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${kind}-${day ?? 'latest'}-${stamp}`;
}

type WorkflowName = keyof typeof workflows;

/** Typed by the workflow's own function: a renamed workflow or a changed input fails the build, not the run. */
export async function startRun<N extends WorkflowName>(
  c: Context<AppEnv>, deps: ApiDeps, type: N, workflowId: string, input: Parameters<(typeof workflows)[N]>[0],
) {
  c.set('workflowId', workflowId);
  // the memo ties the run (visible in the Web UI) to the request's log lines
  const handle = await deps.client.workflow.start(type, {
    workflowId, taskQueue: deps.temporal.taskQueue, args: [input], memo: { requestId: c.get('requestId') },
  });
  return {
    message: `${type} started`,
    workflowId,
    runId: handle.firstExecutionRunId,
    ...runLinks(deps, workflowId),
  };
}
