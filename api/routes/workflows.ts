// GET /workflows/:id: status, progress and result (or failure) of any run, read from Temporal.
import { Hono } from 'hono';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { collectProgressQuery, type CollectKeywordsResult, type CollectProgress } from '../../workflows/types';
import { workflowUiUrl, type ApiDeps } from '../deps';

const QUERY_TIMEOUT_MS = 3_000;

export function workflowRoutes(deps: ApiDeps) {
  return new Hono().get('/workflows/:id', async (c) => {
    const workflowId = c.req.param('id');
    const handle = deps.client.workflow.getHandle(workflowId);
    const desc = await handle.describe();
    const status = desc.status.name;
    const body: Record<string, unknown> = {
      workflowId,
      runId: desc.runId,
      type: desc.type,
      status,
      startTime: desc.startTime.toISOString(),
      closeTime: desc.closeTime?.toISOString() ?? null,
      temporalUiUrl: workflowUiUrl(deps, workflowId),
    };
    if (status === 'RUNNING' && desc.type === 'collectKeywords') body.progress = await progressOf(handle);
    if (status === 'COMPLETED') body.result = await handle.result();
    if (status === 'FAILED') body.failure = await failureOf(handle);
    if (status === 'COMPLETED' && desc.type === 'collectKeywords') body.progress = progressFromResult(body.result as CollectKeywordsResult);
    return c.json(body);
  });
}

/** A query needs a live worker; without one the answer is "unknown" rather than a hung request. */
async function progressOf(handle: WorkflowHandle): Promise<CollectProgress | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(resolve, QUERY_TIMEOUT_MS, null).unref());
  return Promise.race([handle.query(collectProgressQuery).catch(() => null), timeout]);
}

async function failureOf(handle: WorkflowHandle) {
  try {
    await handle.result();
    return null;
  } catch (err) {
    const cause = err instanceof WorkflowFailedError ? err.cause : err;
    const failure = cause as { message?: string; type?: string; details?: unknown[] } | undefined;
    return { message: failure?.message ?? 'workflow failed', type: failure?.type ?? null, details: failure?.details ?? [] };
  }
}

function progressFromResult(result: CollectKeywordsResult): CollectProgress {
  const platforms = result.platforms.map((p) => ({
    platform: p.platform, total: p.requested, done: p.requested, collected: p.collected,
    failed: p.requested - p.collected, batchesDone: 0, batchesTotal: 0,
  }));
  const total = platforms.reduce((sum, p) => sum + p.total, 0);
  return { day: result.day, total, done: total, platforms };
}
