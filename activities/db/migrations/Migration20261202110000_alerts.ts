import { Migration } from '@mikro-orm/migrations';

/**
 * Alert rules and the delivery log (activities/db/repositories/alert-rules.ts, alert-deliveries.ts). A delivery's
 * event_id is derived from what happened (rule, kind, platform, keyword, day): evaluating twice stores one event.
 */
export class Migration20261202110000_alerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "alert_rules" (
        "id" uuid primary key,
        "name" varchar(100) not null,
        "list_id" uuid null references "keyword_lists" ("id") on delete cascade,
        "kind" varchar(30) not null,
        "threshold" double precision null,
        "webhook_url" varchar(2000) not null,
        "format" varchar(10) not null default 'json',
        "secret" varchar(100) not null,
        "created_at" timestamptz not null default now()
      );`);
    this.addSql(`
      create table "alert_deliveries" (
        "event_id" varchar(40) primary key,
        "rule_id" uuid not null,
        "payload" jsonb not null,
        "status" varchar(12) not null default 'pending',
        "attempts" integer not null default 0,
        "last_error" varchar(500) null,
        "created_at" timestamptz not null default now(),
        "delivered_at" timestamptz null
      );`);
    this.addSql(`create index "alert_deliveries_rule_index" on "alert_deliveries" ("rule_id", "created_at");`);
    this.addSql(`create index "alert_deliveries_pending_index" on "alert_deliveries" ("created_at") where "status" = 'pending';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alert_deliveries";`);
    this.addSql(`drop table if exists "alert_rules";`);
  }
}
