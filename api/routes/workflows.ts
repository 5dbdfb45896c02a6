// GET /workflows/:id: status, progress and result (or failure) of any run, read from Temporal.
import { createRoute, z } from '@hono/zod-openapi';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  CANCELLED_RESULT_MEMO,
  collectProgressQuery,
  type CollectKeywordsResult,
  type CollectProgress,
} from '../../workflows/types/collect-keywords';
import { importProgressQuery } from '../../workflows/types/import-report';
import type { KeywordPipelineResult } from '../../workflows/types/pipeline';
import { workflowUiUrl, type ApiDeps } from '../deps';
import { pipelineProgressFromResult, pipelineProgressOf } from '../pipeline-progress';
import { errors, json, readErrors, routes } from '../openapi';
import { withTimeout } from '../timeout';

const QUERY_TIMEOUT_MS = 3_000;

const RunStatus = z
  .object({
    workflowId: z.string(),
    runId: z.string(),
    type: z.string(),
    status: z
      .string()
      .openapi({ example: 'RUNNING', description: 'RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT, CONTINUED_AS_NEW' }),
    startTime: z.string(),
    closeTime: z.string().nullable(),
    temporalUiUrl: z.string(),
    progress: z
      .unknown()
      .optional()
      .openapi({
        description:
          'collections: per platform done, collected, failed; keyword pipelines: step, done and total keyword-platform pairs; imports: phase, lines, records; ' +
          'null when no worker answers',
      }),
    result: z.unknown().optional().openapi({
      description:
        "when COMPLETED: the workflow result; a CANCELLED collection: what it stored before it stopped (its memo's collectResult)",
    }),
    failure: z
      .object({ message: z.string(), type: z.string().nullable(), details: z.array(z.unknown()) })
      .nullable()
      .optional(),
  })
  .openapi('RunStatus');

const status = createRoute({
  method: 'get',
  path: '/workflows/{id}',
  operationId: 'getRun',
  tags: ['runs'],
  summary: "A run's status, progress and result",
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(1000)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'collect-2026-11-24-amazon.etsy-2kw-1a2b3c4d' }),
    }),
  },
  responses: { 200: json(RunStatus, 'the run'), ...readErrors(), ...errors(404) },
});

export function workflowRoutes(deps: ApiDeps) {
  return routes().openapi(status, async (c) => {
    const { id: workflowId } = c.req.valid('param');
    const handle = deps.client.workflow.getHandle(workflowId);
    const desc = await handle.describe();
    const state = desc.status.name;
    const body: z.infer<typeof RunStatus> = {
      workflowId,
      runId: desc.runId,
      type: desc.type,
      status: state,
      startTime: desc.startTime.toISOString(),
      closeTime: desc.closeTime?.toISOString() ?? null,
      temporalUiUrl: workflowUiUrl(deps, workflowId),
    };
    if (state === 'RUNNING' && desc.type === 'collectKeywords') body.progress = await progressOf(handle);
    // an import's phase; the line it is at is in the pending activity's heartbeat (Temporal Web UI)
    if (state === 'RUNNING' && desc.type === 'importReport')
      body.progress = await withTimeout(handle.query(importProgressQuery), QUERY_TIMEOUT_MS).catch(() => null);
    if (state === 'COMPLETED') body.result = await handle.result();
    if (state === 'FAILED') body.failure = await failureOf(handle);
    // a cancelled collection leaves its accounting in the memo (workflows/collect-keywords.ts)
    if (state === 'CANCELLED' && desc.type === 'collectKeywords' && desc.memo?.[CANCELLED_RESULT_MEMO])
      body.result = desc.memo[CANCELLED_RESULT_MEMO];
    if ((state === 'COMPLETED' || state === 'CANCELLED') && desc.type === 'collectKeywords' && body.result)
      body.progress = progressFromResult(body.result as CollectKeywordsResult);
    if (desc.type === 'keywordPipeline') {
      if (state === 'RUNNING') body.progress = await pipelineProgressOf(deps.client, handle, QUERY_TIMEOUT_MS);
      if (state === 'COMPLETED') body.progress = pipelineProgressFromResult(body.result as KeywordPipelineResult);
    }
    return c.json(body, 200);
  });
}

/** A query needs a live worker; without one the answer is "unknown" rather than a hung request. */
async function progressOf(handle: WorkflowHandle): Promise<CollectProgress | null> {
  return withTimeout(handle.query(collectProgressQuery), QUERY_TIMEOUT_MS).catch(() => null);
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
    platform: p.platform,
    total: p.requested,
    done: p.requested,
    collected: p.collected,
    failed: p.requested - p.collected,
    batchesDone: 0,
    batchesTotal: 0,
  }));
  const total = platforms.reduce((sum, p) => sum + p.total, 0);
  return { day: result.day, total, done: total, platforms };
}
