// search_term_ranks: a term's search frequency rank in one Brand Analytics Search Terms report period (migration
// ..._import_estimates), and the volume estimated from it (null: no fit on enough SQP terms of that period).
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export interface SearchTermRank {
  id: string;
  keyword: string;
  periodFrom: string;
  periodTo: string;
  /** The report's reportPeriod: DAY, WEEK, MONTH or QUARTER. */
  reportPeriod: string;
  /** 1 = the most searched term of the marketplace in the period. */
  searchFrequencyRank: number;
  /** Monthly searches from the rank→volume fit; null when no fit was possible. */
  estimatedSearchVolume: number | null;
  /** Departments and the top clicked ASINs with their click and conversion shares. */
  details: Record<string, unknown>;
  /** report_uploads.id of the file it came from. */
  uploadId: string;
}

export const SearchTermRankSchema = new EntitySchema<SearchTermRank>({
  name: 'SearchTermRank',
  tableName: 'search_term_ranks',
  indexes: [{ name: 'search_term_ranks_period_keyword_index', properties: ['periodFrom', 'periodTo', 'keyword'] }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    keyword: { type: 'string', length: 100 },
    periodFrom: { type: 'string', columnType: 'date' },
    periodTo: { type: 'string', columnType: 'date' },
    reportPeriod: { type: 'string', length: 10 },
    searchFrequencyRank: { type: 'integer' },
    estimatedSearchVolume: { type: 'integer', nullable: true },
    details: { type: 'json', defaultRaw: `'{}'` },
    uploadId: { type: new BigIntType('string') },
  },
});
