// keyword_lists: a seller's named lists; each points at its keywords in keyword_list_items
// (migration ..._keyword_list_resources; repositories/keyword-lists.ts).
import { EntitySchema } from '@mikro-orm/core';
import type { Platform } from '../../../workflows/types/platforms';

export interface KeywordList {
  id: string;
  name: string;
  /** The keyword_list_items ID of its keywords. */
  items: string;
  size: number;
  platforms: Platform[];
  /** Collected by the daily run. */
  daily: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const KeywordListSchema = new EntitySchema<KeywordList>({
  name: 'KeywordList',
  tableName: 'keyword_lists',
  indexes: [
    { name: 'keyword_lists_created_at_index', properties: ['createdAt', 'id'] },
    // partial: only the daily lists, which the daily union reads
    {
      name: 'keyword_lists_daily_index',
      expression: 'create index "keyword_lists_daily_index" on "keyword_lists" ("items") where "daily"',
    },
  ],
  checks: [
    { name: 'keyword_lists_name_check', expression: `length("name") >= 1` },
    { name: 'keyword_lists_size_check', expression: `"size" >= 0` },
    { name: 'keyword_lists_platforms_check', expression: `cardinality("platforms") >= 1` },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 100 },
    items: { type: 'string', length: 40 },
    size: { type: 'integer' },
    platforms: { type: 'string[]', columnType: 'varchar(10)[]' },
    daily: { type: 'boolean', default: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' },
  },
});
