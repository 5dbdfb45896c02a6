// The alert delivery log, owner of its SQL: pending events, each attempt's outcome, and the listing the API serves.
import type { EntityManager } from '@mikro-orm/postgresql';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface DeliveryRecord {
  eventId: string;
  ruleId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  deliveredAt: string | null;
}

const iso = (column: string) => `to_char("${column}" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `"event_id" as "eventId", "rule_id" as "ruleId", "status", "attempts", "last_error" as "lastError", "payload",
  ${iso('created_at')} as "createdAt", case when "delivered_at" is null then null else ${iso('delivered_at')} end as "deliveredAt"`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Oldest first. */
export async function pendingDeliveries(em: EntityManager, limit: number): Promise<string[]> {
  const rows = await em
    .getConnection()
    .execute<{ eventId: string }[]>(
      `select "event_id" as "eventId" from "alert_deliveries" where "status" = 'pending' order by "created_at", "event_id" limit ?`,
      [limit],
    );
  return rows.map((r) => r.eventId);
}

export async function findDelivery(em: EntityManager, eventId: string): Promise<DeliveryRecord | undefined> {
  const rows = await em
    .getConnection()
    .execute<DeliveryRecord[]>(`select ${COLUMNS} from "alert_deliveries" where "event_id" = ?`, [eventId]);
  return rows[0];
}

/** One attempt's outcome: delivered (error null) or still pending with the reason it failed this time. */
export async function recordAttempt(em: EntityManager, eventId: string, error: string | null): Promise<void> {
  await em
    .getConnection()
    .execute(
      error === null
        ? `update "alert_deliveries" set "attempts" = "attempts" + 1, "status" = 'delivered', "delivered_at" = now() where "event_id" = ?`
        : `update "alert_deliveries" set "attempts" = "attempts" + 1, "last_error" = ? where "event_id" = ?`,
      error === null ? [eventId] : [error.slice(0, 500), eventId],
      'run',
    );
}

/** Final: the retries ran out ('failed') or the rule is gone ('dropped'). */
export async function closeDelivery(em: EntityManager, eventId: string, status: 'failed' | 'dropped', reason: string): Promise<void> {
  await em
    .getConnection()
    .execute(
      `update "alert_deliveries" set "status" = ?, "last_error" = coalesce(?, "last_error") where "event_id" = ? and "status" = 'pending'`,
      [status, reason.slice(0, 500), eventId],
      'run',
    );
}

/** Newest first, of one rule or all. */
export async function findDeliveries(em: EntityManager, q: { ruleId?: string; limit: number }): Promise<DeliveryRecord[]> {
  if (q.ruleId !== undefined && !UUID.test(q.ruleId)) return [];
  return em
    .getConnection()
    .execute<DeliveryRecord[]>(
      `select ${COLUMNS} from "alert_deliveries" ${q.ruleId ? 'where "rule_id" = ?' : ''} order by "created_at" desc, "event_id" limit ?`,
      q.ruleId ? [q.ruleId, q.limit] : [q.limit],
    );
}
