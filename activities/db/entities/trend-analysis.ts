// trend_analyses: one stored trend analysis over a window of days, newest per platform served (migration ..._insights).
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export interface TrendAnalysis {
  id: string;
  createdAt: Date;
  /** null: all platforms. */
  platform: string | null;
  windowFrom: string;
  windowTo: string;
  /** Observations analysed (those with every metric known). */
  observations: number;
  forecastMape: number | null;
  analysis: Record<string, unknown>;
  keywordTrends: Record<string, unknown> | null;
  workflowId: string;
}

export const TrendAnalysisSchema = new EntitySchema<TrendAnalysis>({
  name: 'TrendAnalysis',
  tableName: 'trend_analyses',
  indexes: [
    {
      name: 'trend_analyses_platform_created_index',
      expression: `create index "trend_analyses_platform_created_index" on "trend_analyses" ("platform", "created_at" desc)`,
    },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    platform: { type: 'string', length: 16, nullable: true },
    windowFrom: { type: 'string', columnType: 'date' },
    windowTo: { type: 'string', columnType: 'date' },
    observations: { type: 'integer' },
    forecastMape: { type: 'double', nullable: true },
    analysis: { type: 'json' },
    keywordTrends: { type: 'json', nullable: true },
    workflowId: { type: 'string', length: 200 },
  },
});
