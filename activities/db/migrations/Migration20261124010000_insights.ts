import { Migration } from '@mikro-orm/migrations';

/** Processed keywords and clusters per day, versioned trend analyses and model versions. */
export class Migration20261124010000_insights extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "processed_keywords" (
        "id" bigserial primary key,
        "platform" varchar(16) not null,
        "keyword" varchar(100) not null,
        "day" date not null,
        "search_volume" integer not null,
        "competition" double precision not null,
        "cpc" double precision not null,
        "trend_score" double precision not null,
        "difficulty_score" double precision not null,
        "opportunity_score" double precision not null,
        "related_keywords" jsonb not null default '[]',
        "category" varchar(200) null,
        "cluster_id" integer null,
        "processed_at" timestamptz not null,
        "workflow_id" varchar(200) not null,
        constraint "processed_keywords_platform_keyword_day_unique" unique ("platform", "keyword", "day")
      );`);
    // keyset pagination per sort order of GET /keywords
    this.addSql(
      `create index "processed_keywords_opportunity_index" on "processed_keywords" ("day", "opportunity_score" desc, "id" desc);`,
    );
    this.addSql(`create index "processed_keywords_difficulty_index" on "processed_keywords" ("day", "difficulty_score", "id");`);
    this.addSql(`create index "processed_keywords_volume_index" on "processed_keywords" ("day", "search_volume" desc, "id" desc);`);
    this.addSql(`create index "processed_keywords_keyword_index" on "processed_keywords" ("keyword", "day");`);
    this.addSql(`
      create table "keyword_clusters" (
        "day" date not null,
        "cluster_id" integer not null,
        "label" varchar(200) not null,
        "top_terms" jsonb not null,
        "size" integer not null,
        "workflow_id" varchar(200) not null,
        "created_at" timestamptz not null,
        primary key ("day", "cluster_id")
      );`);
    this.addSql(`
      create table "trend_analyses" (
        "id" bigserial primary key,
        "created_at" timestamptz not null,
        "platform" varchar(16) null,
        "window_from" date not null,
        "window_to" date not null,
        "observations" integer not null,
        "forecast_mape" double precision null,
        "analysis" jsonb not null,
        "keyword_trends" jsonb null,
        "workflow_id" varchar(200) not null
      );`);
    this.addSql(`create index "trend_analyses_platform_created_index" on "trend_analyses" ("platform", "created_at" desc);`);
    this.addSql(`
      create table "model_versions" (
        "version" serial primary key,
        "created_at" timestamptz not null,
        "algorithm" varchar(100) not null,
        "target" varchar(100) not null,
        "features" jsonb not null,
        "horizon_days" integer not null,
        "training_from" date null,
        "training_to" date null,
        "metrics" jsonb not null,
        "feature_ranges" jsonb not null,
        "forest" jsonb not null,
        "workflow_id" varchar(200) not null
      );`);
  }

  override async down(): Promise<void> {
    for (const table of ['model_versions', 'trend_analyses', 'keyword_clusters', 'processed_keywords']) {
      this.addSql(`drop table if exists "${table}";`);
    }
  }
}
