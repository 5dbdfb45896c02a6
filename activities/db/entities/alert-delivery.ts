// alert_deliveries: one alert event and its delivery, keyed by an ID derived from what happened
// (migration ..._alerts; repositories/alert-deliveries.ts).
import { EntitySchema } from '@mikro-orm/core';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface AlertDelivery {
  /** md5 of (rule, kind, platform, keyword, day) or (rule, collection_failed, run): an event is stored once. */
  eventId: string;
  /** No foreign key: a rule's log outlives the rule ('dropped'). */
  ruleId: string;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export const AlertDeliverySchema = new EntitySchema<AlertDelivery>({
  name: 'AlertDelivery',
  tableName: 'alert_deliveries',
  indexes: [
    { name: 'alert_deliveries_rule_index', properties: ['ruleId', 'createdAt'] },
    // partial: only the pending deliveries, which the delivery workflow reads oldest first
    {
      name: 'alert_deliveries_pending_index',
      expression: `create index "alert_deliveries_pending_index" on "alert_deliveries" ("created_at") where "status" = 'pending'`,
    },
  ],
  properties: {
    eventId: { type: 'string', length: 40, primary: true },
    ruleId: { type: 'uuid' },
    payload: { type: 'json' },
    status: { type: 'string', length: 12, default: 'pending' },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' },
    deliveredAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
  },
});
