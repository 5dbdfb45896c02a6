// The alert activities: evaluate the rules after a processing run, and deliver one event (Temporal retries it).
import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CollectionFailedInput, EvaluateAlertsInput, EvaluateAlertsResult } from '../../workflows/types/alerts';
import {
  closeDelivery,
  findDelivery,
  pendingDeliveries,
  recordAttempt,
  storeCollectionFailed,
  storeKeywordEvents,
} from '../db/repositories/alert-deliveries';
import { findAlertRuleForDelivery } from '../db/repositories/alert-rules';
import { alertBody, postWebhook } from './webhook';
import { resolveWebhookTarget, type WebhookTarget } from './webhook-address';

export async function evaluateAlerts(em: EntityManager, input: EvaluateAlertsInput): Promise<EvaluateAlertsResult> {
  return { events: input.day ? await storeKeywordEvents(em, input.day) : 0 };
}

export async function raiseCollectionFailed(em: EntityManager, input: CollectionFailedInput): Promise<EvaluateAlertsResult> {
  return { events: await storeCollectionFailed(em, input) };
}

export async function pendingAlerts(em: EntityManager, input: { limit: number }): Promise<{ eventIds: string[] }> {
  return { eventIds: await pendingDeliveries(em, input.limit) };
}

/**
 * Sends one event; a receiver that fails throws a retryable failure (its reason kept in the log), so Temporal retries
 * with backoff. The event ID travels as X-Event-Id: a receiver that sees it twice (at-least-once) ignores the repeat.
 * A URL reaching a private, loopback, link-local or metadata address (after DNS) is refused, without retries, unless
 * `allowPrivateWebhooks` (ALERT_WEBHOOK_ALLOW_PRIVATE).
 */
export async function deliverAlert(
  em: () => EntityManager,
  input: { eventId: string },
  allowPrivateWebhooks = false,
): Promise<{ status: 'delivered' | 'dropped' | 'done' }> {
  const delivery = await findDelivery(em(), input.eventId);
  if (!delivery || delivery.status !== 'pending') return { status: 'done' };
  const rule = await findAlertRuleForDelivery(em(), delivery.ruleId);
  if (!rule) {
    await closeDelivery(em(), input.eventId, 'dropped', 'the rule was deleted');
    return { status: 'dropped' };
  }
  let target: WebhookTarget | undefined;
  try {
    target = allowPrivateWebhooks ? undefined : await resolveWebhookTarget(rule.webhookUrl);
  } catch (err) {
    await recordAttempt(em(), input.eventId, `could not resolve the receiver: ${(err as Error).message}`);
    throw ApplicationFailure.retryable(`could not resolve the receiver: ${(err as Error).message}`, 'WebhookFailed');
  }
  if (target && 'refused' in target) {
    await recordAttempt(em(), input.eventId, target.refused);
    throw ApplicationFailure.nonRetryable(target.refused, 'WebhookRefused');
  }
  const body = alertBody(input.eventId, delivery.payload, rule.format);
  const error = await postWebhook(rule.webhookUrl, input.eventId, body, rule.secret, target?.addresses);
  await recordAttempt(em(), input.eventId, error ?? null);
  if (error) throw ApplicationFailure.retryable(error, 'WebhookFailed');
  return { status: 'delivered' };
}

export async function alertFailed(em: EntityManager, input: { eventId: string; reason: string }): Promise<void> {
  await closeDelivery(em, input.eventId, 'failed', input.reason);
}
