import { Migration } from '@mikro-orm/migrations';

/**
 * Named keyword lists a seller keeps (activities/db/repositories/keyword-lists.ts): each points at its keywords stored by content
 * hash in keyword_list_items, so saving equal keywords twice stores them once and a run reads the hash it started with.
 */
export class Migration20261202100000_keyword_list_resources extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "keyword_lists" (
        "id" uuid primary key,
        "name" varchar(100) not null check (length("name") >= 1),
        "items" varchar(40) not null,
        "size" integer not null check ("size" >= 0),
        "platforms" varchar(10)[] not null check (cardinality("platforms") >= 1),
        "daily" boolean not null default true,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now()
      );`);
    this.addSql(`create index "keyword_lists_created_at_index" on "keyword_lists" ("created_at", "id");`);
    this.addSql(`create index "keyword_lists_daily_index" on "keyword_lists" ("items") where "daily";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "keyword_lists";`);
  }
}
