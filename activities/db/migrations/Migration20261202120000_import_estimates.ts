import { Migration } from '@mikro-orm/migrations';

/**
 * Brand Analytics Search Terms reports (import format amazon-search-terms): the search frequency rank of each term
 * for one reporting period, and the volume estimated from it when the seller's own Search Query Performance rows
 * of that period allow a fit (activities/imports/estimate-volumes.ts); null otherwise. Each import's result (rows
 * written, the fit and its error) is kept on its upload for GET /imports/{id}, beyond Temporal's history retention.
 */
export class Migration20261202120000_import_estimates extends Migration {
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
    this.addSql('alter table "report_uploads" add column "result" jsonb null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "report_uploads" drop column "result";');
    this.addSql('drop table if exists "search_term_ranks";');
  }
}
