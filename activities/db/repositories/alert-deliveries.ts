// alert_deliveries: every statement on the table, the alert delivery log. Evaluating the alert rules over the
// processed keywords of a day stores each match as a pending delivery whose event_id derives from (rule, kind,
// platform, keyword, day), so a second evaluation of the same day stores nothing new; then each attempt's outcome,
// and the listing the API serves.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertKind } from '../../../workflows/types/alerts';
import type { AlertDelivery } from '../entities';

/** A delivery as listed: times in ISO 8601, UTC. */
export type DeliveryRecord = Omit<AlertDelivery, 'createdAt' | 'deliveredAt'> & { createdAt: string; deliveredAt: string | null };

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

// Evaluation: the rules' matches become pending deliveries.

/** At most this many events per rule and evaluation: a rule that matches everything does not flood its receiver. */
const MAX_EVENTS_PER_RULE = 500;

/** The same rules the trend analysis uses (activities/processing/trend-analysis.ts). */
const TRENDING_SCORE = 0.7;

/** Per kind: which day the current row is compared with, which value is reported, and when it fires (T: threshold). */
const KINDS: Record<Exclude<AlertKind, 'collection_failed'>, { previous: 'processed' | 'week'; value: string; fires: string }> = {
  opportunity_above: {
    previous: 'processed',
    value: 'opportunity_score',
    fires: 'c."opportunity_score" > r."threshold" and (p."opportunity_score" is null or p."opportunity_score" <= r."threshold")',
  },
  volume_change: {
    previous: 'week',
    value: 'search_volume',
    fires: 'p."search_volume" > 0 and abs(c."search_volume" - p."search_volume") * 100.0 / p."search_volume" > r."threshold"',
  },
  competition_change: {
    previous: 'week',
    value: 'competition',
    fires: 'p."competition" > 0 and abs(c."competition" - p."competition") * 100.0 / p."competition" > r."threshold"',
  },
  became_trending: {
    previous: 'processed',
    value: 'trend_score',
    fires: `c."trend_score" > coalesce(r."threshold", ${TRENDING_SCORE})
      and (p."trend_score" is null or p."trend_score" <= coalesce(r."threshold", ${TRENDING_SCORE}))`,
  },
  became_emerging: {
    previous: 'processed',
    value: 'search_volume',
    fires: `${emerging('c')} and not coalesce(${emerging('p')}, false)`,
  },
};

function emerging(t: string): string {
  return `(${t}."search_volume" > 100 and ${t}."search_volume" < 1000 and ${t}."competition" < 0.5)`;
}

/** Stores the day's new events of every rule; returns how many are new. */
export async function storeKeywordEvents(em: EntityManager, day: string): Promise<number> {
  let events = 0;
  for (const [kind, k] of Object.entries(KINDS)) {
    const previousDay = k.previous === 'week' ? `?::date - 7` : `(select max("day") from "processed_keywords" where "day" < ?::date)`;
    const rows = await em.getConnection().execute<unknown[]>(
      `with "matches" as (
         select r."id" as "rule_id", r."name", r."threshold", c."platform", c."keyword", c."${k.value}" as "value", p."${k.value}" as "previous",
                row_number() over (partition by r."id" order by c."id") as "n"
           from "alert_rules" r
           join "processed_keywords" c on c."day" = ?::date
           left join "processed_keywords" p on p."platform" = c."platform" and p."keyword" = c."keyword" and p."day" = ${previousDay}
          where r."kind" = ? and (${k.fires})
            and (r."list_id" is null or c."keyword" in (
              select i."keyword" from "keyword_list_items" i join "keyword_lists" l on i."list" = l."items" where l."id" = r."list_id"))
       )
       insert into "alert_deliveries" ("event_id", "rule_id", "payload")
       select md5(m."rule_id"::text || '|' || ? || '|' || m."platform" || '|' || m."keyword" || '|' || ?), m."rule_id",
              jsonb_build_object('kind', ?::text, 'rule', jsonb_build_object('id', m."rule_id", 'name', m."name", 'threshold', m."threshold"),
                'day', ?::text, 'platform', m."platform", 'keyword', m."keyword", 'value', m."value", 'previous', m."previous")
         from "matches" m where m."n" <= ?
       on conflict ("event_id") do nothing
       returning "event_id"`,
      [day, day, kind, kind, day, kind, day, MAX_EVENTS_PER_RULE],
    );
    events += rows.length;
  }
  return events;
}

/** A collection that failed keywords or platforms: one event per collection_failed rule and pipeline run. */
export async function storeCollectionFailed(
  em: EntityManager,
  input: { day: string; workflowId: string; problems: string[] },
): Promise<number> {
  const rows = await em.getConnection().execute<unknown[]>(
    `insert into "alert_deliveries" ("event_id", "rule_id", "payload")
     select md5(r."id"::text || '|collection_failed|' || ?), r."id",
            jsonb_build_object('kind', 'collection_failed', 'rule', jsonb_build_object('id', r."id", 'name', r."name", 'threshold', r."threshold"),
              'day', ?::text, 'workflow_id', ?::text, 'problems', ?::jsonb)
       from "alert_rules" r where r."kind" = 'collection_failed'
     on conflict ("event_id") do nothing
     returning "event_id"`,
    [input.workflowId, input.day, input.workflowId, JSON.stringify(input.problems)],
  );
  return rows.length;
}
