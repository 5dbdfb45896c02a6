// A day's observations split into shards by a stable hash of the keyword, for sharded processing
// (activities/insights/process-shard.ts): every platform of a keyword falls in the same shard, a shard is
// read page by page in (keyword, platform) order, so a keyword's rows arrive together and memory stays one page.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObservationInput } from '../../processing/types';

/** The first 32 bits of md5(keyword): the same split on every run, worker and server version. */
const KEYWORD_HASH = `('x' || substr(md5("keyword"), 1, 8))::bit(32)::bigint`;

/** Up to `size` distinct keywords of the day, those with the lowest hash: a seeded sample PostgreSQL draws with a top-N sort. */
export async function sampleDayKeywords(em: EntityManager, day: string, size: number): Promise<string[]> {
  const rows = await em.getConnection().execute<{ keyword: string }[]>(
    `select "keyword" from (select distinct "keyword" from "observations" where "day" = ?) k
      order by ${KEYWORD_HASH.replaceAll('"keyword"', 'k."keyword"')}, k."keyword" limit ${Math.floor(size)}`,
    [day],
  );
  return rows.map((r) => r.keyword);
}

export interface ShardPosition {
  keyword: string;
  platform: string;
}

/** The next page of shard `shard` of `shards` on the day, after `after` in (keyword, platform) order. */
export async function shardPage(
  em: EntityManager,
  q: { day: string; shard: number; shards: number; after: ShardPosition | null; limit: number },
): Promise<ObservationInput[]> {
  return em.getConnection().execute<ObservationInput[]>(
    `select "platform", "keyword", "day"::text as "day", "search_volume" as "searchVolume", "competition", "cpc",
            "trend_score" as "trendScore", coalesce("related_keywords", '[]') as "relatedKeywords",
            "category_data"->>'top_category' as "category"
       from "observations"
      where "day" = ? and mod(${KEYWORD_HASH}, ?) = ? ${q.after ? 'and ("keyword", "platform") > (?, ?)' : ''}
      order by "keyword", "platform" limit ${Math.floor(q.limit)}`,
    [q.day, q.shards, q.shard, ...(q.after ? [q.after.keyword, q.after.platform] : [])],
  );
}
