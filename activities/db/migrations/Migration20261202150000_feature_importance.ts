import { Migration } from '@mikro-orm/migrations';

/**
 * A model version's permutation feature importances (activities/ml/permutation-importance.ts), computed at training
 * on its held-out rows. Null for versions trained before they were recorded: unknown, shown as "not computed".
 */
export class Migration20261202150000_feature_importance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "model_versions" add column "feature_importance" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "model_versions" drop column if exists "feature_importance";`);
  }
}
