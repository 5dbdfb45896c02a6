import { Migration } from '@mikro-orm/migrations';

/**
 * Demand filling (DEMAND_SOURCE): each observation names the source of every metric it took from elsewhere than
 * its own provider, and a demand source's answer is kept once per keyword and day, whatever the number of
 * platforms asking (activities/collect/demand-cache.ts).
 */
export class Migration20261202020000_keyword_demand extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "observations" add column "metric_sources" jsonb not null default '{}';`);
    this.addSql(`
      create table "keyword_demand" (
        "source" varchar(32) not null,
        "keyword" varchar(100) not null,
        "day" date not null,
        "label" varchar(200) not null,
        "demand" jsonb null,
        "failure" text null,
        "fetched_at" timestamptz not null,
        primary key ("source", "keyword", "day"));`);
    this.addSql(`create index "keyword_demand_day_index" on "keyword_demand" ("day");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "keyword_demand";`);
    this.addSql(`alter table "observations" drop column "metric_sources";`);
  }
}
