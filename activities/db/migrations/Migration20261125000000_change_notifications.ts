import { Migration } from '@mikro-orm/migrations';

const TABLES = ['processed_keywords', 'keyword_clusters', 'observations'];

/**
 * Every committed write to the tables the API's read cache serves is announced on the 'keyword_data_changed'
 * channel, its payload the table's name (api/change-listener.ts). Statement triggers: one notification per
 * statement, folded into one per table and transaction by PostgreSQL, delivered at commit and never on rollback.
 */
export class Migration20261125000000_change_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "announce_keyword_data_change"() returns trigger language plpgsql as $$
begin
  perform pg_notify('keyword_data_changed', TG_TABLE_NAME);
  return null;
end $$;`);
    for (const table of TABLES) {
      this.addSql(`create trigger "${table}_changed" after insert or update or delete or truncate on "${table}"
        for each statement execute function "announce_keyword_data_change"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) this.addSql(`drop trigger if exists "${table}_changed" on "${table}";`);
    this.addSql(`drop function if exists "announce_keyword_data_change"();`);
  }
}
