import { Migration } from '@mikro-orm/migrations';

/**
 * Imported reports: each file is staged here (the importReport workflow carries only its id), unique by format and
 * content hash so the same bytes import once; reported_demand keeps what a demand report said per keyword and period,
 * whether or not an observation row exists to take it yet.
 */
export class Migration20261202010000_report_uploads extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "report_uploads" (
        "id" bigserial primary key,
        "format" varchar(40) not null,
        "file_name" varchar(200) not null,
        "sha256" char(64) not null,
        "size_bytes" int not null,
        "content" bytea not null,
        "uploaded_at" timestamptz not null default now(),
        "imported_at" timestamptz null,
        "imported_by" varchar(200) null,
        "rows_written" int null,
        constraint "report_uploads_format_sha256_unique" unique ("format", "sha256"));`);
    this.addSql(`
      create table "reported_demand" (
        "id" bigserial primary key,
        "source" varchar(40) not null,
        "keyword" varchar(100) not null,
        "period_from" date not null,
        "period_to" date not null,
        "search_volume" int null,
        "competition" double precision null,
        "cpc_low" double precision null,
        "cpc_high" double precision null,
        "details" jsonb not null default '{}',
        "upload_id" bigint not null references "report_uploads" ("id") on delete cascade);`);
    this.addSql('create index "reported_demand_keyword_period_index" on "reported_demand" ("keyword", "period_from");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "reported_demand";');
    this.addSql('drop table if exists "report_uploads";');
  }
}
