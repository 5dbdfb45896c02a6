import { Migration } from '@mikro-orm/migrations';

export class Migration20261124100000_keyword_lists extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "keyword_list_items" (
        "list" varchar(40) not null,
        "position" integer not null check ("position" >= 0),
        "keyword" varchar(100) not null,
        primary key ("list", "position")
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "keyword_list_items";`);
  }
}
