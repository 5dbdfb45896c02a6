// The keyword-list repository, owner of its SQL. Keywords of any size are stored once under an ID derived from their
// content (keyword_list_items) and referenced by ID: a 100,000-keyword list would not fit in a workflow argument
// (Temporal rejects payloads over 2 MB), so workflows carry the ID and read chunks. Named lists (keyword_lists) point
// at such an ID; replacing a list's keywords points it at another, and a run keeps reading the one it started with.
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Platform } from '../../workflows/types/platforms';
import { InputError, normalizeKeywords } from '../../workflows/validation';

export const MAX_KEYWORD_LIST = 1_000_000;
const INSERT_CHUNK = 10_000;

/** Normalises like the API (trim, lower-case, collapse spaces, dedupe), for lists beyond MAX_KEYWORDS. */
export function normalizeKeywordList(raw: unknown, max = MAX_KEYWORD_LIST): string[] {
  if (!Array.isArray(raw)) throw new InputError('keywords', 'must be an array of strings');
  if (raw.length > max) throw new InputError('keywords', `at most ${max} keywords`);
  // an empty list is stored as such (the pipeline refuses to run one)
  return raw.length === 0 ? [] : normalizeKeywords(raw, max);
}

/** kl-…: the ID equal keywords in equal order always get. */
export const keywordListId = (keywords: string[]) => `kl-${createHash('sha256').update(keywords.join('\n')).digest('hex').slice(0, 24)}`;

/** Stores the normalised list under an ID derived from its content: saving it again is a no-op. */
export async function saveKeywordList(em: EntityManager, raw: unknown): Promise<{ list: string; size: number }> {
  const keywords = normalizeKeywordList(raw);
  const list = await em.transactional((tx) => storeItems(tx, keywords));
  return { list, size: keywords.length };
}

/** Inside the caller's transaction: the already-normalised keywords, stored under their content ID. */
export async function storeItems(tx: EntityManager, keywords: string[]): Promise<string> {
  const list = keywordListId(keywords);
  for (let i = 0; i < keywords.length; i += INSERT_CHUNK) {
    await tx.getConnection().execute(
      `insert into "keyword_list_items" ("list", "position", "keyword")
       select ?, ?::int + t.ord::int - 1, t.keyword from jsonb_array_elements_text(?::jsonb) with ordinality as t(keyword, ord)
       on conflict do nothing`,
      [list, i, JSON.stringify(keywords.slice(i, i + INSERT_CHUNK))],
      'run',
      tx.getTransactionContext(),
    );
  }
  return list;
}

/** 0 when no such list. */
export async function countKeywordList(em: EntityManager, list: string): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ size: number }[]>('select count(*)::int as "size" from "keyword_list_items" where "list" = ?', [list]);
  return rows[0]?.size ?? 0;
}

export async function readKeywordList(em: EntityManager, list: string, offset: number, limit: number): Promise<string[]> {
  const rows = await em
    .getConnection()
    .execute<{ keyword: string }[]>(
      'select "keyword" from "keyword_list_items" where "list" = ? and "position" >= ? and "position" < ? order by "position"',
      [list, offset, offset + limit],
    );
  return rows.map((r) => r.keyword);
}

/** A named list as stored: its keywords are the items under `items`. */
export interface KeywordListRecord {
  id: string;
  name: string;
  items: string;
  size: number;
  platforms: Platform[];
  daily: boolean;
  /** ISO 8601, UTC. */
  createdAt: string;
  updatedAt: string;
}

/** What a list is made of; keywords already normalised (normalizeKeywordList), platforms too. */
export interface KeywordListInput {
  name: string;
  keywords: string[];
  platforms: Platform[];
  daily: boolean;
}

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
