// alert_rules: every statement on the table. A rule's signing secret is made here, returned once by the API at
// creation, and read back only by the delivery activity (never by a listing, never into a workflow history).
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertRule } from '../entities';

/** What a caller says a rule is; the id, the secret and the time are made here. */
export type AlertRuleInput = Pick<AlertRule, 'name' | 'listId' | 'kind' | 'threshold' | 'webhookUrl' | 'format'>;

/** A rule as listed: never its secret. */
export type AlertRuleRecord = Omit<AlertRule, 'secret' | 'createdAt'> & {
  /** ISO 8601, UTC. */
  createdAt: string;
};

const COLUMNS = `"id", "name", "list_id" as "listId", "kind", "threshold", "webhook_url" as "webhookUrl", "format",
  to_char("created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rule and its secret (whsec_ and 64 hex digits), which the caller shows once. */
export async function createAlertRule(em: EntityManager, input: AlertRuleInput): Promise<AlertRuleRecord & { secret: string }> {
  const secret = `whsec_${randomBytes(32).toString('hex')}`;
  const rows = await em.getConnection().execute<AlertRuleRecord[]>(
    `insert into "alert_rules" ("id", "name", "list_id", "kind", "threshold", "webhook_url", "format", "secret")
     values (?, ?, ?, ?, ?, ?, ?, ?) returning ${COLUMNS}`,
    [randomUUID(), input.name, input.listId, input.kind, input.threshold, input.webhookUrl, input.format, secret],
  );
  return { ...rows[0]!, secret };
}

export async function findAlertRules(em: EntityManager): Promise<AlertRuleRecord[]> {
  return em.getConnection().execute<AlertRuleRecord[]>(`select ${COLUMNS} from "alert_rules" order by "created_at", "id"`);
}

/** With its secret: for signing a delivery only. Undefined once the rule is deleted. */
export async function findAlertRuleForDelivery(em: EntityManager, id: string): Promise<(AlertRuleRecord & { secret: string }) | undefined> {
  const rows = await em
    .getConnection()
    .execute<(AlertRuleRecord & { secret: string })[]>(`select ${COLUMNS}, "secret" from "alert_rules" where "id" = ?`, [id]);
  return rows[0];
}

export async function deleteAlertRule(em: EntityManager, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const res = await em.getConnection().execute<{ affectedRows: number }>('delete from "alert_rules" where "id" = ?', [id], 'run');
  return res.affectedRows > 0;
}
