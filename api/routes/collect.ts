// POST /collect/keywords: validates, then starts (or joins) the day's collectKeywords run.
import { Hono } from 'hono';
import type { collectKeywords } from '../../workflows/collect-keywords';
import { SA_KEYWORD_COUNT, SA_PLATFORMS } from '../../workflows/types';
import { collectWorkflowId, normalizeKeywords, normalizePlatforms, validateDay } from '../../workflows/validation';
import { workflowUiUrl, type ApiDeps } from '../deps';
import { jsonBody } from '../errors';

/** The seed's default platforms for this route. */
const DEFAULT_PLATFORMS = ['amazon', 'etsy'];

export function collectRoutes(deps: ApiDeps) {
  return new Hono().post('/collect/keywords', async (c) => {
    const body = await jsonBody(c);
    const keywords = normalizeKeywords(body.keywords);
    const platforms = normalizePlatforms(body.platforms ?? DEFAULT_PLATFORMS);
    const day = body.day === undefined ? new Date().toISOString().slice(0, 10) : validateDay(body.day);
    const workflowId = collectWorkflowId(keywords, platforms, day);
    // the same request on the same day joins the run already going instead of starting another
    const handle = await deps.client.workflow.start<typeof collectKeywords>('collectKeywords', {
      workflowId,
      taskQueue: deps.temporal.taskQueue,
      args: [{ keywords, platforms, day }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      typedSearchAttributes: [
        { key: SA_PLATFORMS, value: platforms },
        { key: SA_KEYWORD_COUNT, value: keywords.length },
      ],
    });
    return c.json(
      {
        message: 'collection started',
        workflowId,
        runId: handle.firstExecutionRunId,
        day,
        keywords: keywords.length,
        platforms,
        statusUrl: `/workflows/${encodeURIComponent(workflowId)}`,
        temporalUiUrl: workflowUiUrl(deps, workflowId),
      },
      202,
    );
  });
}
