import { Migration } from '@mikro-orm/migrations';

const COLUMNS = ['search_volume', 'competition', 'cpc', 'trend_score', 'difficulty_score', 'opportunity_score'];

/** Processed keywords may carry unknown metrics, and so unknown scores, from official APIs (null, never 0). */
export class Migration20261124300000_unknown_scores extends Migration {
  override async up(): Promise<void> {
    for (const column of COLUMNS) this.addSql(`alter table "processed_keywords" alter column "${column}" drop not null;`);
  }

  override async down(): Promise<void> {
    // refuse rather than invent values for rows that have none
    for (const column of COLUMNS) this.addSql(`alter table "processed_keywords" alter column "${column}" set not null;`);
  }
}
