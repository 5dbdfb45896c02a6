// keyword_lists: every statement on the table. A seller's named lists: each points at its keywords, stored by
// content in keyword_list_items (keyword-list-items.ts); replacing a list's keywords points it at another ID, and a
// run keeps reading the one it started with.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KeywordList } from '../entities';
import { storeItems } from './keyword-list-items';

/** A named list as stored: its keywords are the items under `items`; times in ISO 8601, UTC. */
export type KeywordListRecord = Omit<KeywordList, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** What a list is made of; keywords already normalised (normalizeKeywordList), platforms too. */
export type KeywordListInput = Pick<KeywordList, 'name' | 'platforms' | 'daily'> & { keywords: string[] };

/** ISO 8601 in UTC, e.g. 2026-12-02T13:18:57.124Z (the driver's own rendering depends on the ORM's settings). */
const iso = (column: string) => `to_char("${column}" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
// arrays travel as JSON: knex would spread a JS array into a list of placeholders
const RECORD_COLUMNS = `"id", "name", "items", "size", "platforms", "daily", ${iso('created_at')} as "createdAt", ${iso('updated_at')} as "updatedAt"`;
const PLATFORM_ARRAY = 'array(select jsonb_array_elements_text(?::jsonb))::varchar[]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createKeywordList(em: EntityManager, input: KeywordListInput): Promise<KeywordListRecord> {
  return em.transactional(async (tx) => {
    const items = await storeItems(tx, input.keywords);
    const rows = await tx.getConnection().execute<KeywordListRecord[]>(
      `insert into "keyword_lists" ("id", "name", "items", "size", "platforms", "daily")
       values (?, ?, ?, ?, ${PLATFORM_ARRAY}, ?)
       returning ${RECORD_COLUMNS}`,
      [randomUUID(), input.name, items, input.keywords.length, JSON.stringify(input.platforms), input.daily],
      'all',
      tx.getTransactionContext(),
    );
    return rows[0]!;
  });
}

/** Every list, oldest first. */
export async function findKeywordLists(em: EntityManager): Promise<KeywordListRecord[]> {
  return em.getConnection().execute<KeywordListRecord[]>(`select ${RECORD_COLUMNS} from "keyword_lists" order by "created_at", "id"`);
}

/** Undefined for an unknown (or malformed) ID. */
export async function findKeywordList(em: EntityManager, id: string): Promise<KeywordListRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await em.getConnection().execute<KeywordListRecord[]>(`select ${RECORD_COLUMNS} from "keyword_lists" where "id" = ?`, [id]);
  return rows[0];
}

/** Full replace; undefined for an unknown ID. */
export async function replaceKeywordList(em: EntityManager, id: string, input: KeywordListInput): Promise<KeywordListRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  return em.transactional(async (tx) => {
    const found = await tx
      .getConnection()
      .execute('select 1 from "keyword_lists" where "id" = ? for update', [id], 'all', tx.getTransactionContext());
    if (found.length === 0) return undefined;
    const items = await storeItems(tx, input.keywords);
    const rows = await tx.getConnection().execute<KeywordListRecord[]>(
      `update "keyword_lists" set "name" = ?, "items" = ?, "size" = ?, "platforms" = ${PLATFORM_ARRAY}, "daily" = ?, "updated_at" = now()
       where "id" = ? returning ${RECORD_COLUMNS}`,
      [input.name, items, input.keywords.length, JSON.stringify(input.platforms), input.daily, id],
      'all',
      tx.getTransactionContext(),
    );
    return rows[0];
  });
}

/** False for an unknown ID. The items stay: a run started from the list may still be reading them. */
export async function deleteKeywordList(em: EntityManager, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const res = await em.getConnection().execute<{ affectedRows: number }>('delete from "keyword_lists" where "id" = ?', [id], 'run');
  return res.affectedRows > 0;
}

/**
 * The daily run's keywords: each keyword of the lists marked daily and of `keywords`, once, with every platform it is
 * wanted on (its lists' platforms, plus `platforms` for `keywords`); by keyword.
 */
export async function dailyKeywordPlatforms(
  em: EntityManager,
  keywords: readonly string[],
  platforms: readonly string[],
): Promise<{ keyword: string; platforms: string[] }[]> {
  return em.getConnection().execute<{ keyword: string; platforms: string[] }[]>(
    `with "pairs" as (
       select i."keyword", unnest(l."platforms")::text as "platform"
         from "keyword_lists" l join "keyword_list_items" i on i."list" = l."items" where l."daily"
       union
       select k.keyword, p.platform from jsonb_array_elements_text(?::jsonb) as k(keyword) cross join jsonb_array_elements_text(?::jsonb) as p(platform)
     )
     select "keyword", array_agg(distinct "platform") as "platforms" from "pairs" group by "keyword" order by "keyword"`,
    [JSON.stringify(keywords), JSON.stringify(platforms)],
  );
}
