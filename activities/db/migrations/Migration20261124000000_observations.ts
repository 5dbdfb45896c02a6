import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000000_observations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "observations" (
        "id" bigserial primary key,
        "platform" varchar(16) not null check ("platform" in ('amazon', 'etsy', 'ebay')),
        "keyword" varchar(100) not null,
        "day" date not null,
        "search_volume" integer not null check ("search_volume" >= 0),
        "competition" double precision not null,
        "cpc" double precision not null,
        "trend_score" double precision not null,
        "related_keywords" jsonb not null default '[]',
        "category_data" jsonb null,
        "degraded" jsonb not null default '[]',
        "source" varchar(200) not null,
        "collected_at" timestamptz not null,
        "workflow_id" varchar(200) not null,
        constraint "observations_platform_keyword_day_unique" unique ("platform", "keyword", "day")
      );`);
    this.addSql(`create index "observations_keyword_day_index" on "observations" ("keyword", "day");`);
    this.addSql(`create index "observations_day_index" on "observations" ("day");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "observations";`);
  }
}
