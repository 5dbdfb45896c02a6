// keyword_list_items: the keywords of a stored list, by position, under an ID derived from their content
// (migration ..._keyword_lists; repositories/keyword-list-items.ts).
import { EntitySchema } from '@mikro-orm/core';

export interface KeywordListItem {
  /** kl-…: the ID equal keywords in equal order always get. */
  list: string;
  position: number;
  keyword: string;
}

export const KeywordListItemSchema = new EntitySchema<KeywordListItem>({
  name: 'KeywordListItem',
  tableName: 'keyword_list_items',
  checks: [{ name: 'keyword_list_items_position_check', expression: `"position" >= 0` }],
  properties: {
    list: { type: 'string', length: 40, primary: true },
    position: { type: 'integer', primary: true },
    keyword: { type: 'string', length: 100 },
  },
});
