// Alerts: rules evaluated after each processing run (evaluateAlerts activity), events delivered as webhooks by the
// deliverAlerts workflow (workflows/alerts.ts), one deliverAlert activity per event, retried with backoff.
export const ALERT_KINDS = [
  'opportunity_above',
  'volume_change',
  'competition_change',
  'became_trending',
  'became_emerging',
  'collection_failed',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_FORMATS = ['json', 'slack'] as const;
export type AlertFormat = (typeof ALERT_FORMATS)[number];

/** Kinds that mean nothing without a threshold (a score, or a week-over-week change in percent). */
export const THRESHOLD_KINDS: readonly AlertKind[] = ['opportunity_above', 'volume_change', 'competition_change'];

export interface EvaluateAlertsInput {
  /** The processed day; null when the processing run had nothing to process. */
  day: string | null;
  workflowId: string;
}

export interface CollectionFailedInput {
  day: string;
  workflowId: string;
  /** One line per platform that failed keywords or stopped. */
  problems: string[];
}

export interface EvaluateAlertsResult {
  /** New events stored as pending deliveries. */
  events: number;
}

export interface DeliverAlertsInput {
  /** Pending deliveries per run before continue-as-new (default 200). */
  batch?: number;
}

export interface DeliverAlertsResult {
  delivered: number;
  failed: number;
}
