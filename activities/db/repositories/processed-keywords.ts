// processed_keywords: its writes (set-based, CHUNK rows per statement) and its listing reads; the joined row shape is
// processed-keyword-rows.ts, the per-keyword details read keyword-details.ts.
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { ProcessedKeyword } from '../entities';
import { KEYWORD_SORTS, type KeywordSort } from './keyword-sorts';
import {
  VOLUME_SOURCE_SQL,
  withCluster,
  withClusterLabel,
  type JoinedRow,
  type ProcessedKeywordWithCluster,
} from './processed-keyword-rows';
import type { VolumeSource } from './volume-sources';

const CHUNK = 1_000;

/** A processed keyword to write; the time and the run are the call's. */
export type NewProcessedKeyword = Omit<ProcessedKeyword, 'id' | 'processedAt' | 'workflowId' | 'category'> & { category?: string | null };

/** Upserts processed rows keyed by (platform, keyword, day), CHUNK rows per statement, in the em's transaction. */
export async function upsertProcessedKeywords(
  em: EntityManager,
  keywords: readonly NewProcessedKeyword[],
  workflowId: string,
  onChunk: (written: number) => void = () => undefined,
): Promise<void> {
  const knex = em.getKnex();
  const trx = em.getTransactionContext<Knex.Transaction>();
  const processedAt = new Date();
  for (let i = 0; i < keywords.length; i += CHUNK) {
    const chunk = keywords.slice(i, i + CHUNK).map((k) => ({
      platform: k.platform,
      keyword: k.keyword,
      day: k.day,
      search_volume: k.searchVolume,
      competition: k.competition,
      cpc: k.cpc,
      trend_score: k.trendScore,
      difficulty_score: k.difficultyScore,
      opportunity_score: k.opportunityScore,
      related_keywords: JSON.stringify(k.relatedKeywords),
      category: k.category ?? null,
      cluster_id: k.clusterId,
      processed_at: processedAt,
      workflow_id: workflowId,
    }));
    const insert = knex('processed_keywords').insert(chunk).onConflict(['platform', 'keyword', 'day']).merge();
    await (trx ? insert.transacting(trx) : insert);
    onChunk(Math.min(i + CHUNK, keywords.length));
  }
}

export type ScoredRow = Pick<
  ProcessedKeyword,
  | 'keyword'
  | 'platform'
  | 'day'
  | 'searchVolume'
  | 'competition'
  | 'cpc'
  | 'trendScore'
  | 'difficultyScore'
  | 'opportunityScore'
  | 'clusterId'
>;

/**
 * A day's processed keywords with a known opportunity and volume (the keyword trends of a trend analysis): plain
 * rows straight from knex, as a day may hold a million of them.
 */
export async function scoredKeywordsOf(em: EntityManager, day: string, platform?: string): Promise<ScoredRow[]> {
  const knex = em.getKnex();
  const rows = await knex('processed_keywords')
    .select(
      'keyword',
      'platform',
      knex.raw('day::text as day'),
      'search_volume as searchVolume',
      'competition',
      'cpc',
      'trend_score as trendScore',
      'difficulty_score as difficultyScore',
      'opportunity_score as opportunityScore',
      'cluster_id as clusterId',
    )
    .where({ day, ...(platform ? { platform } : {}) })
    .whereNotNull('opportunity_score')
    .whereNotNull('search_volume');
  return rows as ScoredRow[];
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
  /** Only the keywords of this stored list (activities/db/repositories/keyword-lists.ts). */
  list?: string;
  /** The keyset of the previous page's last row: its sort expression's value and id. */
  after?: { value: number; id: string };
}

/** One page of a day's processed keywords in a sort order, unknown scores last; limit + 1 rows tell whether more follow. */
export async function keywordPage(em: EntityManager, q: KeywordPageQuery): Promise<ProcessedKeywordWithCluster[]> {
  const { direction, sql } = KEYWORD_SORTS[q.sort];
  const query = withCluster(em.getKnex())
    .where('p.day', q.day)
    .orderByRaw(`${sql} ${direction}, p.id ${direction}`)
    .limit(q.limit + 1);
  if (q.platform) query.where('p.platform', q.platform);
  if (q.cluster !== undefined) query.where('p.cluster_id', q.cluster);
  if (q.minVolume !== undefined) query.where('p.search_volume', '>=', q.minVolume);
  if (q.text) query.whereRaw('position(? in p.keyword) > 0', [q.text]);
  if (q.source) query.whereRaw(`(${VOLUME_SOURCE_SQL}) = ?`, [q.source]);
  if (q.list) {
    const knex = em.getKnex();
    query.whereExists(
      knex('keyword_lists as l')
        .join('keyword_list_items as i', 'i.list', 'l.items')
        .where('l.id', q.list)
        .andWhere('i.keyword', knex.ref('p.keyword')),
    );
  }
  if (q.after) query.whereRaw(`(${sql}, p.id) ${direction === 'desc' ? '<' : '>'} (?, ?)`, [q.after.value, q.after.id]);
  return ((await query) as JoinedRow[]).map(withClusterLabel);
}

/** The CLI's summary: a day's best opportunities among some keywords, with their cluster labels. */
export async function topOpportunities(
  em: EntityManager,
  day: string,
  keywords: readonly string[],
  limit: number,
): Promise<ProcessedKeywordWithCluster[]> {
  const rows = await withCluster(em.getKnex())
    .where('p.day', day)
    .whereIn('p.keyword', [...keywords])
    .orderBy([{ column: 'p.opportunity_score', order: 'desc' }, { column: 'p.keyword' }])
    .limit(limit);
  return (rows as JoinedRow[]).map(withClusterLabel);
}
