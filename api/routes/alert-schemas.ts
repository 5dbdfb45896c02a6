// The alert resources of /alerts: rule and delivery schemas, and the rule body's checks beyond its shape.
import { z } from '@hono/zod-openapi';
import type { DeliveryRecord } from '../../activities/db/repositories/alert-deliveries';
import type { AlertRuleInput, AlertRuleRecord } from '../../activities/db/repositories/alert-rules';
import { ALERT_FORMATS, ALERT_KINDS, THRESHOLD_KINDS, type AlertKind } from '../../workflows/types/alerts';
import { queryInt } from '../validate';

const webhookUrl = z
  .string()
  .max(2000)
  .refine((raw) => {
    try {
      return ['http:', 'https:'].includes(new URL(raw).protocol);
    } catch {
      return false;
    }
  }, 'must be an http or https URL')
  // every string of this shape parses as an http(s) URL (the refine above)
  .openapi({
    example: 'https://hooks.example.com/keywords',
    pattern: String.raw`^https?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:/[\x21-\x7e]*)?$`,
  });

const ruleFields = {
  name: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must be 1 to 100 characters after trimming').max(100, 'must be 1 to 100 characters after trimming'))
    // 1 to 100 characters once trimmed, as the pipe checks
    .openapi({ type: 'string', pattern: String.raw`^\s*\S(?:[\s\S]{0,98}\S)?\s*$`, example: 'Wedding opportunities' }),
  list_id: z
    .uuid('must be the id of a keyword list')
    .optional()
    .openapi({ description: 'only keywords of this list; default all keywords' }),
  webhook_url: webhookUrl,
  format: z.enum(ALERT_FORMATS).optional().openapi({ description: "json (default) or slack ({text}, for Slack's incoming webhooks)" }),
};

const KIND_MEANING: Record<AlertKind, string> = {
  opportunity_above: 'the opportunity score rises above threshold',
  volume_change: 'search volume moves by more than threshold % week over week',
  competition_change: 'competition moves by more than threshold % week over week',
  became_trending: 'newly trending since the previous processed day (trend score above threshold, default 0.7)',
  became_emerging: 'newly emerging since the previous processed day (threshold unused)',
  collection_failed: 'a pipeline collection failed keywords or platforms (threshold unused)',
};

/** One shape per kind, so that the contract says which kinds require a threshold, as the server does. */
const ruleOf = (kind: AlertKind) => {
  const required = THRESHOLD_KINDS.includes(kind);
  // a missing threshold is named for its kind (the client sees which kind needs one)
  const threshold = z.number({ error: (issue) => (issue.input === undefined ? `is required for ${kind}` : undefined) }).finite();
  return z
    .strictObject({
      ...ruleFields,
      kind: z.literal(kind).openapi({ description: KIND_MEANING[kind] }),
      threshold: required ? threshold.openapi({ description: `required for ${kind}` }) : threshold.optional(),
    })
    .openapi(`AlertRuleRequest_${kind}`);
};

// a discriminated union on kind: one strict shape per kind (oneOf with a discriminator in /openapi.json)
export const RuleBody = z
  .discriminatedUnion('kind', ALERT_KINDS.map(ruleOf) as [ReturnType<typeof ruleOf>, ...ReturnType<typeof ruleOf>[]])
  .openapi('AlertRuleRequest');

export const AlertRule = z
  .object({
    id: z.string(),
    name: z.string(),
    list_id: z.string().nullable(),
    kind: z.enum(ALERT_KINDS),
    threshold: z.number().nullable(),
    webhook_url: z.string(),
    format: z.enum(ALERT_FORMATS),
    created_at: z.string(),
  })
  .openapi('AlertRule');

export const CreatedRule = AlertRule.extend({
  secret: z.string().openapi({ description: 'signs every delivery (X-Signature); shown only in this answer' }),
}).openapi('AlertRuleCreated');

export const Delivery = z
  .object({
    event_id: z.string().openapi({ description: 'also sent as X-Event-Id: the same event delivered twice has the same ID' }),
    rule_id: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'dropped']),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
    event: z.record(z.string(), z.unknown()).openapi({ description: 'what happened: kind, rule, day, platform, keyword, value, previous' }),
  })
  .openapi('AlertDelivery');

export const DeliveryQuery = z.strictObject({
  rule_id: z.string().max(100).optional(),
  limit: queryInt(1, 500).default(50).openapi({ description: 'default 50, newest first' }),
});

export const RuleIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});

export function toRuleInput(body: z.infer<typeof RuleBody>): AlertRuleInput {
  return {
    name: body.name,
    listId: body.list_id ?? null,
    kind: body.kind,
    threshold: body.threshold ?? null,
    webhookUrl: body.webhook_url,
    format: body.format ?? 'json',
  };
}

export function toRuleJson(r: AlertRuleRecord): z.infer<typeof AlertRule> {
  return {
    id: r.id,
    name: r.name,
    list_id: r.listId,
    kind: r.kind,
    threshold: r.threshold,
    webhook_url: r.webhookUrl,
    format: r.format,
    created_at: r.createdAt,
  };
}

export function toDeliveryJson(d: DeliveryRecord): z.infer<typeof Delivery> {
  return {
    event_id: d.eventId,
    rule_id: d.ruleId,
    status: d.status,
    attempts: d.attempts,
    last_error: d.lastError,
    created_at: d.createdAt,
    delivered_at: d.deliveredAt,
    event: d.payload,
  };
}
