// The alert resources of /alerts: rule and delivery schemas, and the rule body's checks beyond its shape.
import { z } from '@hono/zod-openapi';
import type { DeliveryRecord } from '../../activities/db/repositories/alert-deliveries';
import type { AlertRuleInput, AlertRuleRecord } from '../../activities/db/repositories/alert-rules';
import { ALERT_FORMATS, ALERT_KINDS, THRESHOLD_KINDS } from '../../workflows/types/alerts';
import { badRequest } from '../errors';
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

export const RuleBody = z
  .strictObject({
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
    kind: z.enum(ALERT_KINDS).openapi({
      description:
        'opportunity_above: opportunity score rises above threshold; volume_change, competition_change: moves by more than threshold % ' +
        'week over week; became_trending (trend score above threshold, default 0.7), became_emerging: newly so since the previous processed day; ' +
        'collection_failed: a pipeline collection failed keywords or platforms',
    }),
    threshold: z
      .number()
      .finite()
      .optional()
      .openapi({ description: `required for ${THRESHOLD_KINDS.join(', ')}` }),
    webhook_url: webhookUrl,
    format: z.enum(ALERT_FORMATS).optional().openapi({ description: "json (default) or slack ({text}, for Slack's incoming webhooks)" }),
  })
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
  if (THRESHOLD_KINDS.includes(body.kind) && body.threshold === undefined) throw badRequest('threshold', `is required for ${body.kind}`);
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
