// keyword_list_items: every statement on the table. Keywords of any size are stored once under an ID derived from
// their content and referenced by ID: a 100,000-keyword list would not fit in a workflow argument (Temporal rejects
// payloads over 2 MB), so workflows carry the ID and read chunks. Named lists (keyword-lists.ts) point at such an ID.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InputError, normalizeKeywords } from '../../../workflows/validation';

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
