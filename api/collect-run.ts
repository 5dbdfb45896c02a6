// Starting a collection at most once per request: the same body on the same day, or the same Idempotency-Key,
// finds the existing run (409 while it is going, 200 once it completed) instead of starting another.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { collectKeywords } from '../workflows/collect-keywords';
import type { Platform } from '../workflows/types/platforms';
import { SA_KEYWORD_COUNT, SA_PLATFORMS } from '../workflows/types/search-attributes';
import { collectWorkflowId } from '../workflows/validation';
import { statusUrl, type ApiDeps, type AppEnv } from './deps';
import { HttpError } from './errors';

export interface CollectRequest {
  keywords: string[];
  platforms: Platform[];
  day: string;
  /** Whether `day` was sent (a retry after midnight of a request without one is still the same request). */
  dayGiven: boolean;
  idempotencyKey?: string;
}

export interface CollectRun {
  status: 202 | 200;
  workflowId: string;
  runId: string;
  day: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function startOrFindCollect(c: Context<AppEnv>, deps: ApiDeps, req: CollectRequest): Promise<CollectRun> {
  const { keywords, platforms, day } = req;
  // what a reused Idempotency-Key is compared with (without a key, equal requests already share the business ID)
  const fingerprint = req.idempotencyKey
    ? sha256(JSON.stringify([[...keywords].sort(), platforms, req.dayGiven ? day : null])).slice(0, 32)
    : undefined;
  // a key names its run on its own; without one, the business ID is already equal for equal requests that day
  const workflowId = req.idempotencyKey
    ? `collect-idem-${sha256(req.idempotencyKey).slice(0, 16)}`
    : collectWorkflowId(keywords, platforms, day);
  c.set('workflowId', workflowId);
  try {
    const handle = await deps.client.workflow.start<typeof collectKeywords>('collectKeywords', {
      workflowId,
      taskQueue: deps.temporal.taskQueue,
      args: [{ keywords, platforms, day }],
      // one run at a time per ID, and a completed run is not repeated; a failed one may be retried
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      memo: { requestId: c.get('requestId'), day, ...(fingerprint ? { request: fingerprint } : {}) },
      typedSearchAttributes: [
        { key: SA_PLATFORMS, value: platforms },
        { key: SA_KEYWORD_COUNT, value: keywords.length },
      ],
    });
    return { status: 202, workflowId, runId: handle.firstExecutionRunId, day };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  const desc = await deps.client.workflow.getHandle(workflowId).describe();
  const memo = desc.memo ?? {};
  if (req.idempotencyKey && memo.request !== fingerprint) {
    throw new HttpError(422, 'idempotency_key_reused', 'Idempotency-Key: already used for a different request', 'Idempotency-Key', {
      workflowId,
    });
  }
  const existing = { workflowId, runId: desc.runId, statusUrl: statusUrl(workflowId) };
  if (desc.status.name === 'COMPLETED')
    return { status: 200, workflowId, runId: desc.runId, day: typeof memo.day === 'string' ? memo.day : day };
  const what = desc.status.name === 'RUNNING' ? 'is already running' : `has just ended (${desc.status.name}); retry`;
  throw new HttpError(409, 'conflict', `a collection for this request ${what}`, undefined, existing);
}
