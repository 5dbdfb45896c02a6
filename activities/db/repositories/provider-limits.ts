// provider_limits: every statement on the table. The provider limits every worker shares: request slots handed out
// one claim at a time, the daily quota counted in the same statement, and a provider's "wait" or "none left" stored
// for everyone.
import type { Connection } from '@mikro-orm/postgresql';
import type { Orm } from '../orm';

export interface SlotClaim {
  /** Slots granted (0: the quota is spent); the first starts at firstMs, the others spacingMs apart. */
  granted: number;
  /** Epoch milliseconds on the database's clock, as is atMs: when the claim was made. */
  firstMs: number;
  atMs: number;
  /** The provider itself said no quota is left (rather than our count reaching the configured quota). */
  providerSpent: boolean;
}

export interface ClaimRequest {
  want: number;
  spacingMs: number;
  dailyQuota?: number;
  /** The first slot starts at least this long after the claim (so the answer arrives before it). */
  leadMs: number;
  /** Slots of earlier claims given up unused: taken off the quota count again. */
  unused: number;
}

/** How a process reaches one provider's row: bound to the ORM by providerLimitsStore. */
export interface ProviderLimitsStore {
  /** Creates the provider's row if it is missing (claims need it). */
  ready(): Promise<void>;
  claim(request: ClaimRequest): Promise<SlotClaim>;
  pause(ms: number): Promise<void>;
  exhaust(ms: number): Promise<void>;
}

// One statement: lock the row, age the 25 hourly quota buckets, grant what the quota allows, move next_start past
// the granted slots. The row lock orders concurrent claims from every worker, so no two get the same slot and the
// quota check and its increment are one step. 25 hourly buckets cover any sliding 24 h: a request counts until its
// hour is 24 to 25 h old, never less (so a quota per sliding 24 h or per day is never exceeded). Slots a process
// gave up unused come off the newest hour (never below 0) before the check.
const CLAIM_SQL = `
with locked as (
  select l.*, clock_timestamp() as "at" from "provider_limits" l where l."provider" = ? for update
), shifted as (
  select k.*, h."hour", case when h."hour" - k."quota_hour" >= 25 then array_fill(0, array[25])
    else k."quota_hours"[(h."hour" - k."quota_hour" + 1)::int:25] || array_fill(0, array[(h."hour" - k."quota_hour")::int]) end as "hours"
  from locked k, lateral (select greatest(k."quota_hour", floor(extract(epoch from k."at") / 3600)::bigint) as "hour") h
), granted as (
  select s.*, greatest(s."next_start", s."at" + ?::float8 * interval '1 millisecond', s."paused_until") as "first_start",
    case when s."at" < s."quota_paused_until" then 0
      when ?::int is null then ?::int
      else least(?::int, greatest(0, ?::int - greatest(0, (select coalesce(sum(v), 0)::int from unnest(s."hours") v) - ?::int))) end as "n"
  from shifted s
)
update "provider_limits" l set
  "next_start" = case when g."n" > 0 then g."first_start" + g."n" * ?::float8 * interval '1 millisecond' else l."next_start" end,
  "quota_hours" = g."hours"[1:24] || greatest(0, g."hours"[25] + g."n" - ?::int),
  "quota_hour" = g."hour"
from granted g where l."provider" = g."provider"
returning g."n" as "granted", extract(epoch from g."first_start")::float8 * 1000 as "firstMs", extract(epoch from g."at")::float8 * 1000 as "atMs",
  g."at" < g."quota_paused_until" as "providerSpent"`;

async function ensureRow(connection: Connection, provider: string): Promise<void> {
  await connection.execute('insert into "provider_limits" ("provider") values (?) on conflict do nothing', [provider], 'run');
}

async function claimSlots(connection: Connection, provider: string, r: ClaimRequest): Promise<SlotClaim> {
  const quota = r.dailyQuota ?? null;
  const params = [provider, r.leadMs, quota, r.want, r.want, quota, r.unused, r.spacingMs, r.unused];
  const row = (await connection.execute<SlotClaim[]>(CLAIM_SQL, params, 'all'))[0];
  if (!row) throw new Error(`provider_limits: no row for ${provider}`);
  return { granted: Number(row.granted), firstMs: Number(row.firstMs), atMs: Number(row.atMs), providerSpent: Boolean(row.providerSpent) };
}

async function pushLater(connection: Connection, provider: string, column: 'paused_until' | 'quota_paused_until', ms: number) {
  await connection.execute(
    `update "provider_limits" set "${column}" = greatest("${column}", clock_timestamp() + ?::float8 * interval '1 millisecond') where "provider" = ?`,
    [ms, provider],
    'run',
  );
}

/** One provider's row through the process's ORM; the row is created at the first claim. */
export function providerLimitsStore(orm: Orm, provider: string): ProviderLimitsStore {
  const connection = orm.em.fork().getConnection();
  let ready: Promise<void> | undefined;
  const row = () =>
    (ready ??= ensureRow(connection, provider).catch((err: unknown) => {
      ready = undefined;
      throw err;
    }));
  return {
    ready: row,
    claim: async (request) => {
      await row();
      return claimSlots(connection, provider, request);
    },
    pause: async (ms) => {
      await row();
      await pushLater(connection, provider, 'paused_until', ms);
    },
    exhaust: async (ms) => {
      await row();
      await pushLater(connection, provider, 'quota_paused_until', ms);
    },
  };
}

/** Requests counted against a provider's quota in the last 24 to 25 hours (0 when it has no row yet). */
export async function quotaUsed(orm: Orm, provider: string): Promise<number> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<{ used: number }[]>(
      `select coalesce((select sum(v) from unnest("quota_hours") v), 0)::int as "used" from "provider_limits" where "provider" = ?`,
      [provider],
    );
  return rows[0]?.used ?? 0;
}
