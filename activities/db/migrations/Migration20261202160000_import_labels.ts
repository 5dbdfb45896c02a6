import { Migration } from '@mikro-orm/migrations';

/**
 * Rows filled by an import before imports labelled their numbers in `metric_sources` carry the labels in `details`
 * (search_volume_source, competition_source, cpc_source): moved into `metric_sources`, the one place the volume
 * source rule reads (activities/db/repositories/volume-sources.ts). A label already in `metric_sources` wins.
 */
export const MOVE_IMPORT_LABELS = `
  update "observations" set
    "metric_sources" = jsonb_strip_nulls(jsonb_build_object(
        'search_volume', "details"->>'search_volume_source',
        'competition', "details"->>'competition_source',
        'cpc', "details"->>'cpc_source')) || "metric_sources",
    "details" = "details" - 'search_volume_source' - 'competition_source' - 'cpc_source'
  where "details"->>'search_volume_source' is not null or "details"->>'competition_source' is not null
    or "details"->>'cpc_source' is not null`;

export class Migration20261202160000_import_labels extends Migration {
  override async up(): Promise<void> {
    this.addSql(MOVE_IMPORT_LABELS);
  }

  override async down(): Promise<void> {
    // the labels stay where the code reads them
  }
}
