// GET /keywords/:keyword's read: each keyword's latest processed row per platform and its observations, for a batch
// of keywords in one round trip, as a prepared statement (../prepared.ts).
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { PLATFORMS } from '../../../workflows/types/platforms';
import { preparedQuery } from '../prepared';
import { COLUMNS, withClusterLabel, withSource, type JoinedRow, type ProcessedKeywordWithCluster } from './processed-keyword-rows';

/** A keyword's latest processed row per platform and its observations' metrics, day by day. */
export interface KeywordDetails {
  keyword: string;
  latest: ProcessedKeywordWithCluster[];
  history: {
    platform: string;
    day: string;
    search_volume: number | null;
    competition: number | null;
    cpc: number | null;
    trend_score: number | null;
  }[];
}

/** GET /keywords/:keyword's read: the details of a batch of keywords in one round trip, a prepared statement. */
export function keywordDetailsReader(em: EntityManager): (keywords: string[]) => Promise<KeywordDetails[]> {
  const read = preparedQuery<KeywordDetails & { latest: JoinedRow[] }, string[]>(
    () => em.getKnex(),
    'keyword-details',
    keywordDetailsQuery,
  );
  return async (keywords) => (await read(keywords)).map((d) => ({ ...d, latest: d.latest.map(withClusterLabel) }));
}

/**
 * `keywords` stands for the array parameter. The result is two json columns whatever the tables hold, so a
 * migration re-plans the prepared statement, never breaks it.
 */
function keywordDetailsQuery(k: Knex, keywords: string) {
  // per platform the newest row only, through the (platform, keyword, day) index: 3 rows read, not the whole history
  const newest = k('processed_keywords as x')
    .select('x.*')
    .where('x.platform', k.ref('pl.platform'))
    .andWhere('x.keyword', k.ref('q.keyword'))
    .orderBy('x.day', 'desc')
    .limit(1);
  const latest = withSource(
    k
      .from(k.raw('unnest(?::varchar[]) as pl(platform)', [[...PLATFORMS]]))
      .crossJoin(k.raw('lateral (?) as p', [newest]))
      .leftJoin('keyword_clusters as c', (j) => j.on('c.day', 'p.day').andOn('c.cluster_id', 'p.cluster_id'))
      .select(COLUMNS)
      .select(k.raw(`p.day::text as day_text`)),
    k,
  );
  const days = k('observations as o')
    .select('o.platform', k.raw(`o.day::text as day`), 'o.search_volume', 'o.competition', 'o.cpc', 'o.trend_score')
    .where('o.keyword', k.ref('q.keyword'))
    .orderBy([{ column: 'o.day' }, { column: 'o.platform' }])
    .limit(3 * 366);
  return k
    .select('q.keyword', {
      latest: k.raw(`coalesce((select json_agg(l order by l.platform) from (?) l), '[]')`, [latest]),
      history: k.raw(`coalesce((select json_agg(h order by h.day, h.platform) from (?) h), '[]')`, [days]),
    })
    .from(k.raw('unnest(?::varchar[]) as q(keyword)', [keywords]));
}
