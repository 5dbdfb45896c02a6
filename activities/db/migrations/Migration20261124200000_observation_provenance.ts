import { Migration } from '@mikro-orm/migrations';

/**
 * Honest metrics: a metric the source does not publish is stored as null (unknown), never invented;
 * each row says which metrics were measured, derived or unknown, and keeps source-specific details.
 */
export class Migration20261124200000_observation_provenance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "observations"
        alter column "search_volume" drop not null,
        alter column "competition" drop not null,
        alter column "cpc" drop not null,
        alter column "trend_score" drop not null,
        add column "provenance" jsonb not null default '{}',
        add column "details" jsonb null;`);
  }

  override async down(): Promise<void> {
    // fails while rows with unknown metrics exist: they have no place in the old schema, and are not made up
    this.addSql(`
      alter table "observations"
        drop column "details",
        drop column "provenance",
        alter column "trend_score" set not null,
        alter column "cpc" set not null,
        alter column "competition" set not null,
        alter column "search_volume" set not null;`);
  }
}
