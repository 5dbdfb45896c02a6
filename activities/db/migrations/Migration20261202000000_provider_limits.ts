import { Migration } from '@mikro-orm/migrations';

/**
 * One row per provider (platform, adapter, host): the limits every worker process of a deployment shares
 * (activities/db/repositories/provider-limits.ts hands out request slots and counts the daily quota in it).
 */
export class Migration20261202000000_provider_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "provider_limits" (
        "provider" varchar(300) primary key,
        -- the earliest start the next claimed request slot may have
        "next_start" timestamptz not null default '-infinity',
        -- a 429's Retry-After: no slot starts before this, on any worker
        "paused_until" timestamptz not null default '-infinity',
        -- the provider said the day's quota is spent: no slot is handed out before this
        "quota_paused_until" timestamptz not null default '-infinity',
        -- requests per UTC hour for the last 25 hours, oldest first; the last one is "quota_hour"
        "quota_hours" integer[] not null default array_fill(0, array[25]),
        "quota_hour" bigint not null default 0
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "provider_limits";`);
  }
}
