// keyword_demand: a demand source's answer for one keyword and day, kept once whatever the number of platforms
// asking (migration ..._keyword_demand; repositories/keyword-demand.ts).
import { EntitySchema } from '@mikro-orm/core';
import type { KeywordDemand } from '../../collectors/demand-source';

export interface KeywordDemandEntry {
  /** The demand source's name (DEMAND_SOURCE). */
  source: string;
  keyword: string;
  day: string;
  /** What an observation's metric_sources name: the source, or `<source>:simulator` when the simulated API answered. */
  label: string;
  /** Null: the source has nothing for the keyword (see failure). */
  demand: KeywordDemand | null;
  failure: string | null;
  fetchedAt: Date;
}

export const KeywordDemandEntrySchema = new EntitySchema<KeywordDemandEntry>({
  name: 'KeywordDemandEntry',
  tableName: 'keyword_demand',
  indexes: [{ name: 'keyword_demand_day_index', properties: ['day'] }],
  properties: {
    source: { type: 'string', length: 32, primary: true },
    keyword: { type: 'string', length: 100, primary: true },
    day: { type: 'string', columnType: 'date', primary: true },
    label: { type: 'string', length: 200 },
    demand: { type: 'json', nullable: true },
    failure: { type: 'text', nullable: true },
    fetchedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
