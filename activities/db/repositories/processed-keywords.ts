// processed_keywords: every statement on the table. Bulk writes stay set-based (CHUNK rows per statement);
// the API's hot read runs as a prepared statement (../prepared.ts).
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { preparedQuery } from '../prepared';
import { PLATFORMS } from '../../../workflows/types/platforms';
import type { ProcessedKeyword } from '../entities';
import { KEYWORD_SORTS, type KeywordSort } from './keyword-sorts';

const CHUNK = 1_000;

/** A processed keyword to write; the time and the run are the call's. */
export type NewProcessedKeyword = Omit<ProcessedKeyword, 'id' | 'processedAt' | 'workflowId' | 'category'> & { category?: string | null };

/** Upserts processed rows keyed by (platform, keyword, day), CHUNK rows per statement, in the em's transaction. */
export async function upsertProcessedKeywords(
  em: EntityManager, keywords: readonly NewProcessedKeyword[], workflowId: string, onChunk: (written: number) => void = () => undefined,
): Promise<void> {
  const knex = em.getKnex();
  const trx = em.getTransactionContext<Knex.Transaction>();
  const processedAt = new Date();
  for (let i = 0; i < keywords.length; i += CHUNK) {
    const chunk = keywords.slice(i, i + CHUNK).map((k) => ({
      platform: k.platform, keyword: k.keyword, day: k.day, search_volume: k.searchVolume, competition: k.competition,
      cpc: k.cpc, trend_score: k.trendScore, difficulty_score: k.difficultyScore, opportunity_score: k.opportunityScore,
      related_keywords: JSON.stringify(k.relatedKeywords), category: k.category ?? null, cluster_id: k.clusterId,
      processed_at: processedAt, workflow_id: workflowId,
    }));
    const insert = knex('processed_keywords').insert(chunk).onConflict(['platform', 'keyword', 'day']).merge();
    await (trx ? insert.transacting(trx) : insert);
    onChunk(Math.min(i + CHUNK, keywords.length));
  }
}

export type ScoredRow = Pick<ProcessedKeyword, 'keyword' | 'platform' | 'day' | 'searchVolume' | 'competition' | 'cpc' | 'trendScore'
  | 'difficultyScore' | 'opportunityScore' | 'clusterId'>;

/**
 * A day's processed keywords with a known opportunity and volume (the keyword trends of a trend analysis): plain
 * rows straight from knex, as a day may hold a million of them.
 */
export async function scoredKeywordsOf(em: EntityManager, day: string, platform?: string): Promise<ScoredRow[]> {
  const knex = em.getKnex();
  const rows = await knex('processed_keywords')
    .select('keyword', 'platform', knex.raw('day::text as day'), 'search_volume as searchVolume', 'competition', 'cpc', 'trend_score as trendScore',
      'difficulty_score as difficultyScore', 'opportunity_score as opportunityScore', 'cluster_id as clusterId')
    .where({ day, ...(platform ? { platform } : {}) }).whereNotNull('opportunity_score').whereNotNull('search_volume');
  return rows as ScoredRow[];
}

/** Where a day's search volume came from, by the row's observation `o` (same platform, keyword and day). */
export const VOLUME_SOURCES = ['simulated', 'measured', 'estimated', 'imported'] as const;
export type VolumeSource = (typeof VOLUME_SOURCES)[number];
const VOLUME_SOURCE_SQL = `case when p.search_volume is null or o.source is null then null
  when o.source like 'dataset:%' then 'imported' when o.source = 'simulator' or o.source like '%:simulator' then 'simulated'
  when o.provenance->>'search_volume' = 'derived' then 'estimated' when o.provenance->>'search_volume' = 'measured' then 'measured' end`;

/** A processed row with its cluster's label and its volume's source, as the API and the CLI show it. */
export type ProcessedKeywordWithCluster = Omit<ProcessedKeyword, 'processedAt' | 'workflowId'>
  & { clusterLabel: string | null; volumeSource: VolumeSource | null };

const COLUMNS = ['p.id', 'p.keyword', 'p.platform', 'p.search_volume', 'p.competition', 'p.cpc', 'p.trend_score',
  'p.difficulty_score', 'p.opportunity_score', 'p.cluster_id', 'c.label as cluster_label', 'p.related_keywords', 'p.category'];

/** A row of COLUMNS (from knex or json_agg: snake_case, the day as day_text). */
type JoinedRow = Record<string, unknown>;

const withClusterLabel = (r: JoinedRow): ProcessedKeywordWithCluster => ({
  id: String(r.id), keyword: r.keyword, platform: r.platform, day: r.day_text, searchVolume: r.search_volume, competition: r.competition,
  cpc: r.cpc, trendScore: r.trend_score, difficultyScore: r.difficulty_score, opportunityScore: r.opportunity_score,
  relatedKeywords: r.related_keywords, category: r.category, clusterId: r.cluster_id, clusterLabel: r.cluster_label ?? null,
  volumeSource: r.volume_source ?? null,
} as ProcessedKeywordWithCluster);

/** processed_keywords rows with their cluster label and volume source; dates as text (pg would make local-midnight Dates). */
function withCluster(knex: Knex) {
  return withSource(knex('processed_keywords as p')
    .leftJoin('keyword_clusters as c', (j) => j.on('c.day', 'p.day').andOn('c.cluster_id', 'p.cluster_id'))
    .select(COLUMNS).select(knex.raw(`p.day::text as day_text`)), knex);
}

/** The row's observation (unique on platform, keyword, day) says where its volume came from. */
function withSource(query: Knex.QueryBuilder, knex: Knex) {
  return query.leftJoin('observations as o', (j) => j.on('o.platform', 'p.platform').andOn('o.keyword', 'p.keyword').andOn('o.day', 'p.day'))
    .select(knex.raw(`${VOLUME_SOURCE_SQL} as volume_source`));
}

export async function newestProcessedDay(em: EntityManager): Promise<string | null> {
  const knex = em.getKnex();
  return ((await knex('processed_keywords').first(knex.raw('max(day)::text as day'))) as { day: string | null } | undefined)?.day ?? null;
}

export interface KeywordPageQuery {
  day: string;
  sort: KeywordSort;
  limit: number;
  platform?: string;
  cluster?: number;
  minVolume?: number;
  /** Keywords containing this text. */
  text?: string;
  source?: VolumeSource;
  /** Only the keywords of this stored list (activities/db/keyword-lists.ts). */
  list?: string;
  /** The keyset of the previous page's last row: its sort expression's value and id. */
  after?: { value: number; id: string };
}

/** One page of a day's processed keywords in a sort order, unknown scores last; limit + 1 rows tell whether more follow. */
export async function keywordPage(em: EntityManager, q: KeywordPageQuery): Promise<ProcessedKeywordWithCluster[]> {
  const { direction, sql } = KEYWORD_SORTS[q.sort];
  const query = withCluster(em.getKnex()).where('p.day', q.day).orderByRaw(`${sql} ${direction}, p.id ${direction}`).limit(q.limit + 1);
  if (q.platform) query.where('p.platform', q.platform);
  if (q.cluster !== undefined) query.where('p.cluster_id', q.cluster);
  if (q.minVolume !== undefined) query.where('p.search_volume', '>=', q.minVolume);
  if (q.text) query.whereRaw('position(? in p.keyword) > 0', [q.text]);
  if (q.source) query.whereRaw(`(${VOLUME_SOURCE_SQL}) = ?`, [q.source]);
  if (q.list) {
    const knex = em.getKnex();
    query.whereExists(knex('keyword_lists as l').join('keyword_list_items as i', 'i.list', 'l.items').where('l.id', q.list).andWhere('i.keyword', knex.ref('p.keyword')));
  }
  if (q.after) query.whereRaw(`(${sql}, p.id) ${direction === 'desc' ? '<' : '>'} (?, ?)`, [q.after.value, q.after.id]);
  return ((await query) as JoinedRow[]).map(withClusterLabel);
}

/** A keyword's latest processed row per platform and its observations' metrics, day by day. */
export interface KeywordDetails {
  keyword: string;
  latest: ProcessedKeywordWithCluster[];
  history: { platform: string; day: string; search_volume: number | null; competition: number | null; cpc: number | null; trend_score: number | null }[];
}

/** GET /keywords/:keyword's read: the details of a batch of keywords in one round trip, a prepared statement. */
export function keywordDetailsReader(em: EntityManager): (keywords: string[]) => Promise<KeywordDetails[]> {
  const read = preparedQuery<KeywordDetails & { latest: JoinedRow[] }, string[]>(() => em.getKnex(), 'keyword-details', keywordDetailsQuery);
  return async (keywords) => (await read(keywords)).map((d) => ({ ...d, latest: d.latest.map(withClusterLabel) }));
}

/**
 * `keywords` stands for the array parameter. The result is two json columns whatever the tables hold, so a
 * migration re-plans the prepared statement, never breaks it.
 */
function keywordDetailsQuery(k: Knex, keywords: string) {
  // per platform the newest row only, through the (platform, keyword, day) index: 3 rows read, not the whole history
  const newest = k('processed_keywords as x').select('x.*').where('x.platform', k.ref('pl.platform')).andWhere('x.keyword', k.ref('q.keyword'))
    .orderBy('x.day', 'desc').limit(1);
  const latest = withSource(k.from(k.raw('unnest(?::varchar[]) as pl(platform)', [[...PLATFORMS]]))
    .crossJoin(k.raw('lateral (?) as p', [newest]))
    .leftJoin('keyword_clusters as c', (j) => j.on('c.day', 'p.day').andOn('c.cluster_id', 'p.cluster_id'))
    .select(COLUMNS).select(k.raw(`p.day::text as day_text`)), k);
  const days = k('observations as o').select('o.platform', k.raw(`o.day::text as day`), 'o.search_volume', 'o.competition', 'o.cpc', 'o.trend_score')
    .where('o.keyword', k.ref('q.keyword')).orderBy([{ column: 'o.day' }, { column: 'o.platform' }]).limit(3 * 366);
  return k.select('q.keyword', {
    latest: k.raw(`coalesce((select json_agg(l order by l.platform) from (?) l), '[]')`, [latest]),
    history: k.raw(`coalesce((select json_agg(h order by h.day, h.platform) from (?) h), '[]')`, [days]),
  }).from(k.raw('unnest(?::varchar[]) as q(keyword)', [keywords]));
}

/** The CLI's summary: a day's best opportunities among some keywords, with their cluster labels. */
export async function topOpportunities(em: EntityManager, day: string, keywords: readonly string[], limit: number): Promise<ProcessedKeywordWithCluster[]> {
  const rows = await withCluster(em.getKnex()).where('p.day', day).whereIn('p.keyword', [...keywords])
    .orderBy([{ column: 'p.opportunity_score', order: 'desc' }, { column: 'p.keyword' }]).limit(limit);
  return (rows as JoinedRow[]).map(withClusterLabel);
}
