import { Migration } from '@mikro-orm/migrations';

/**
 * Sharded processing (processKeywords): the clusters are fitted once per run on a sample of the day's keywords
 * and stored here; every shard activity loads the row by id and assigns its own keywords with it.
 */
export class Migration20261202120000_cluster_models extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "cluster_models" (
        "id" bigserial primary key,
        "day" date not null,
        "sample_size" integer not null,
        "model" jsonb not null,
        "workflow_id" varchar(200) not null,
        "created_at" timestamptz not null);`);
    this.addSql(`create index "cluster_models_day_index" on "cluster_models" ("day");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cluster_models";`);
  }
}
