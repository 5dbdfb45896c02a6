// POST /collect/keywords: validates, then starts the collection, or finds the run of the same request.
import { createRoute, z } from '@hono/zod-openapi';
import { MAX_KEYWORDS, PLATFORMS } from '../../workflows/types/platforms';
import { normalizeKeywords, normalizePlatforms } from '../../workflows/validation';
import { startOrFindCollect } from '../collect-run';
import { runLinks, type ApiDeps } from '../deps';
import { apiKeySecurity, errors, json, jsonBody, routes, RUN_LINKS, RunStarted, writeErrors } from '../openapi';
import { day, keywordText, platform } from '../validate';

/** The platforms POST /collect collects when none are given (docs/api.md). */
const DEFAULT_PLATFORMS = ['amazon', 'etsy'] as const;

const CollectBody = z
  .strictObject({
    keywords: z.array(keywordText()).openapi({
      minItems: 1,
      maxItems: MAX_KEYWORDS,
      description: `trimmed, lower-cased, inner spaces collapsed; 1–100 characters, no control characters; at most ${MAX_KEYWORDS} distinct`,
      example: ['wedding planner', 'svg bundle'],
    }),
    platforms: z
      .array(platform)
      .min(1)
      .optional()
      .openapi({ description: `default ${DEFAULT_PLATFORMS.join(', ')}`, example: [...PLATFORMS] }),
    day: day.optional().openapi({ description: 'default: today (UTC)' }),
  })
  .openapi('CollectRequest');
const Collection = RunStarted.extend({ day: z.string(), keywords: z.number().int(), platforms: z.array(platform) }).openapi('Collection');
const Headers = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'must be 1 to 255 printable ASCII characters')
    .optional()
    .openapi({ description: 'the same key returns the run it started, instead of starting another' }),
});

const collect = createRoute({
  method: 'post',
  path: '/collect/keywords',
  tags: ['runs'],
  security: apiKeySecurity,
  summary: 'Start collecting keyword metrics (or find the run of the same request)',
  description:
    'The same body on the same day, or the same Idempotency-Key, never starts a second run: ' +
    '409 while the first is going, 200 with it once completed. A failed run may be retried.',
  request: { headers: Headers, body: jsonBody(CollectBody, true) },
  responses: {
    202: { ...json(Collection, 'started'), links: RUN_LINKS },
    200: json(Collection.extend({ status: z.literal('COMPLETED') }), 'this request was already collected: the existing run'),
    ...writeErrors(),
    ...errors(409, 422),
  },
});

export function collectRoutes(deps: ApiDeps) {
  return routes().openapi(collect, async (c) => {
    const body = c.req.valid('json');
    const keywords = normalizeKeywords(body.keywords);
    const platforms = normalizePlatforms(body.platforms ?? [...DEFAULT_PLATFORMS]);
    const theDay = body.day ?? new Date().toISOString().slice(0, 10);
    const idempotencyKey = c.req.valid('header')['Idempotency-Key'];
    const run = await startOrFindCollect(c, deps, { keywords, platforms, day: theDay, dayGiven: body.day !== undefined, idempotencyKey });
    const answer = {
      workflowId: run.workflowId,
      runId: run.runId,
      day: run.day,
      keywords: keywords.length,
      platforms,
      ...runLinks(deps, run.workflowId),
    };
    if (run.status === 200) return c.json({ message: 'already collected: the existing run', ...answer, status: 'COMPLETED' as const }, 200);
    return c.json({ message: 'collection started', ...answer }, 202);
  });
}
