// GET /keywords/:keyword's read: each keyword's latest processed row per platform with where its numbers came from,
// and its observations, for a batch of keywords in one round trip, as a prepared statement (../prepared.ts).
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { PLATFORMS } from '../../../workflows/types/platforms';
import type { MetricSources, Provenance } from '../../collectors/types';
import { preparedQuery } from '../prepared';
import { COLUMNS, withClusterLabel, withSource, type JoinedRow, type ProcessedKeywordWithCluster } from './processed-keyword-rows';

/** Where a processed row's numbers came from: its observation (null when none is stored) and when it was processed. */
export interface NumberOrigins {
  observation: {
    source: string;
    provenance: Partial<Provenance>;
    metricSources: MetricSources;
    /** ISO time, UTC. */
    collectedAt: string;
  } | null;
  /** ISO time, UTC. */
  processedAt: string;
}

/** A keyword's latest processed row per platform (with its numbers' origins) and its observations' metrics, day by day. */
export interface KeywordDetails {
  keyword: string;
  latest: (ProcessedKeywordWithCluster & NumberOrigins)[];
  history: {
    platform: string;
    day: string;
    search_volume: number | null;
    competition: number | null;
    cpc: number | null;
    trend_score: number | null;
    source: string;
    provenance: Partial<Provenance>;
    metric_sources: MetricSources;
  }[];
}

/** GET /keywords/:keyword's read: the details of a batch of keywords in one round trip, a prepared statement. */
export function keywordDetailsReader(em: EntityManager): (keywords: string[]) => Promise<KeywordDetails[]> {
  const read = preparedQuery<KeywordDetails & { latest: JoinedRow[] }, string[]>(
    () => em.getKnex(),
    'keyword-details',
    keywordDetailsQuery,
  );
  return async (keywords) => (await read(keywords)).map((d) => ({ ...d, latest: d.latest.map(withOrigins) }));
}

const withOrigins = (r: JoinedRow): ProcessedKeywordWithCluster & NumberOrigins => ({
  ...withClusterLabel(r),
  observation:
    r.source === null
      ? null
      : {
          source: r.source as string,
          provenance: (r.provenance ?? {}) as Partial<Provenance>,
          metricSources: (r.metric_sources ?? {}) as MetricSources,
          collectedAt: r.collected_at_text as string,
        },
  processedAt: r.processed_at_text as string,
});

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

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
      .select('o.source', 'o.provenance', 'o.metric_sources')
      .select(k.raw(`p.day::text as day_text`))
      .select(k.raw(`to_char(o.collected_at at time zone 'UTC', ${ISO_UTC}) as collected_at_text`))
      .select(k.raw(`to_char(p.processed_at at time zone 'UTC', ${ISO_UTC}) as processed_at_text`)),
    k,
  );
  const days = k('observations as o')
    .select('o.platform', k.raw(`o.day::text as day`), 'o.search_volume', 'o.competition', 'o.cpc', 'o.trend_score')
    .select('o.source', 'o.provenance', 'o.metric_sources')
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
