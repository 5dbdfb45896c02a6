// Starting a run from the API: a business ID per request, the task queue, the request ID as memo, and the 202 body.
// An identical request while the run is going answers 409 with that run instead of starting a second one.
import type { Context } from 'hono';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type * as workflows from '../workflows';
import { fingerprint } from '../workflows/validation';
import { runLinks, statusUrl, type ApiDeps, type AppEnv } from './deps';
import { HttpError } from './errors';

/** process-2026-11-24-1a2b3c4d: what, for which day, and a fingerprint of the whole request (equal for equal requests). */
export function runId(kind: string, day: string | undefined, input: object): string {
  const canonical = JSON.stringify(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return `${kind}-${day ?? 'latest'}-${fingerprint(canonical)}`;
}

type WorkflowName = keyof typeof workflows;

/** Typed by the workflow's own function: a renamed workflow or a changed input fails the build, not the run. */
export async function startRun<N extends WorkflowName>(
  c: Context<AppEnv>,
  deps: ApiDeps,
  type: N,
  workflowId: string,
  input: Parameters<(typeof workflows)[N]>[0],
) {
  c.set('workflowId', workflowId);
  try {
    // the memo ties the run (visible in the Web UI) to the request's log lines
    const handle = await deps.client.workflow.start(type, {
      workflowId,
      taskQueue: deps.temporal.taskQueue,
      args: [input],
      memo: { requestId: c.get('requestId') },
      // one run at a time per request; once it has ended the same request may run again (the data may have changed)
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    return { message: `${type} started`, workflowId, runId: handle.firstExecutionRunId, ...runLinks(deps, workflowId) };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  const desc = await deps.client.workflow.getHandle(workflowId).describe();
  const what = desc.status.name === 'RUNNING' ? 'is already running' : `has just ended (${desc.status.name}); retry`;
  throw new HttpError(409, 'conflict', `a ${type} run for this request ${what}`, undefined, {
    workflowId,
    runId: desc.runId,
    statusUrl: statusUrl(workflowId),
  });
}
