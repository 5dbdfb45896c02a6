import { Migration } from '@mikro-orm/migrations';

/**
 * Brand Analytics Search Terms reports (import format amazon-search-terms): the search frequency rank of each term
 * for one reporting period, and the volume estimated from it when the seller's own Search Query Performance rows
 * of that period allow a fit (activities/imports/estimate-volumes.ts); null otherwise.
 */
export class Migration20261202120000_search_term_ranks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "search_term_ranks" (
        "id" bigserial primary key,
        "keyword" varchar(100) not null,
        "period_from" date not null,
        "period_to" date not null,
        "report_period" varchar(10) not null,
        "search_frequency_rank" int not null,
        "estimated_search_volume" int null,
        "details" jsonb not null default '{}',
        "upload_id" bigint not null);`);
    this.addSql('create index "search_term_ranks_period_keyword_index" on "search_term_ranks" ("period_from", "period_to", "keyword");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "search_term_ranks";');
  }
}
