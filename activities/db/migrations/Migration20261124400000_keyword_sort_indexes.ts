import { Migration } from '@mikro-orm/migrations';

/**
 * GET /keywords sorts unknown (null) scores last: by coalesce(score, ±Infinity) and id, a keyset these
 * expression indexes serve directly (the plain-column indexes put nulls first in descending order).
 */
export class Migration20261124400000_keyword_sort_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "processed_keywords_opportunity_sort_index" on "processed_keywords" ("day", coalesce("opportunity_score", '-Infinity'::float8) desc, "id" desc);`,
    );
    this.addSql(
      `create index "processed_keywords_difficulty_sort_index" on "processed_keywords" ("day", coalesce("difficulty_score", 'Infinity'::float8), "id");`,
    );
    this.addSql(
      `create index "processed_keywords_volume_sort_index" on "processed_keywords" ("day", coalesce("search_volume", -1) desc, "id" desc);`,
    );
    for (const sort of ['opportunity', 'difficulty', 'volume']) this.addSql(`drop index if exists "processed_keywords_${sort}_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index "processed_keywords_opportunity_index" on "processed_keywords" ("day", "opportunity_score" desc, "id" desc);`,
    );
    this.addSql(`create index "processed_keywords_difficulty_index" on "processed_keywords" ("day", "difficulty_score", "id");`);
    this.addSql(`create index "processed_keywords_volume_index" on "processed_keywords" ("day", "search_volume" desc, "id" desc);`);
    for (const sort of ['opportunity', 'difficulty', 'volume'])
      this.addSql(`drop index if exists "processed_keywords_${sort}_sort_index";`);
  }
}
