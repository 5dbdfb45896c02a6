// deliverAlerts: every pending alert event as a webhook, a few at once, each a deliverAlert activity that Temporal
// retries with backoff; an event whose retries run out is logged as failed. Started after each processing run.
import {
  ActivityFailure,
  ApplicationFailure,
  continueAsNew,
  proxyActivities,
  startChild,
  ParentClosePolicy,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { DeliverAlertsInput, DeliverAlertsResult } from './types/alerts';
import { intIn, asInvalidInput } from './validation';

const CONCURRENCY = 4;

const { pendingAlerts, alertFailed, evaluateAlerts, raiseCollectionFailed } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
// about 20 minutes of retries: 1, 2, 4 … seconds, then every 5 minutes
const { deliverAlert } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 12 },
});

export async function deliverAlerts(input: DeliverAlertsInput = {}): Promise<DeliverAlertsResult> {
  const batch = asInvalidInput(() => intIn('batch', input.batch, 200, 1, 1000));
  const { eventIds } = await pendingAlerts({ limit: batch });
  const result: DeliverAlertsResult = { delivered: 0, failed: 0 };
  const queue = [...eventIds];
  const lane = async () => {
    for (let eventId = queue.shift(); eventId; eventId = queue.shift()) {
      try {
        if ((await deliverAlert({ eventId })).status === 'delivered') result.delivered++;
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        // a refused URL (a private address: activities/alerts/webhook-address.ts) is not retried: its reason as is
        const refused = err.cause instanceof ApplicationFailure && err.cause.nonRetryable;
        await alertFailed({ eventId, reason: refused ? err.cause.message : `gave up after retries: ${err.cause?.message ?? err.message}` });
        result.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, lane));
  // a full batch may have more behind it
  if (eventIds.length === batch) return continueAsNew<typeof deliverAlerts>(input);
  return result;
}

/** After a processing run: evaluate the rules on the day, and deliver new events without holding up the caller. */
export async function alertAfterProcessing(day: string | null): Promise<void> {
  const { events } = await evaluateAlerts({ day, workflowId: workflowInfo().workflowId });
  if (events > 0) await startDelivery();
}

/** After a collection that failed keywords or whole platforms: the collection_failed rules fire. */
export async function alertCollectionFailed(day: string, problems: string[]): Promise<void> {
  const { events } = await raiseCollectionFailed({ day, workflowId: workflowInfo().workflowId, problems });
  if (events > 0) await startDelivery();
}

export async function startDelivery(): Promise<void> {
  await startChild(deliverAlerts, {
    workflowId: `${workflowInfo().workflowId}/alerts`,
    args: [{}],
    parentClosePolicy: ParentClosePolicy.ABANDON,
    staticSummary: 'Deliver alert webhooks',
  });
}
