// Bulk reads and writes for processing: observations paged by id, processed rows upserted in chunks.
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { ObservationRow, ProcessedKeyword } from '../processing/types';

const PAGE = 10_000;
const CHUNK = 1_000;

type Metric = 'searchVolume' | 'competition' | 'cpc' | 'trendScore';
/** An observation as stored: an official API may not publish a metric, which is then unknown (null). */
export type StoredObservation = Omit<ObservationRow, Metric> & { [K in Metric]: number | null };

export const isComplete = (row: StoredObservation): row is ObservationRow =>
  row.searchVolume !== null && row.competition !== null && row.cpc !== null && row.trendScore !== null;

export interface ObservationFilter {
  /** Inclusive day range (YYYY-MM-DD). */
  from: string;
  to: string;
  platform?: string;
}

export async function newestObservedDay(em: EntityManager): Promise<string | null> {
  const [row] = await em.getConnection().execute<{ day: string | null }[]>('select max("day")::text as "day" from "observations"');
  return row?.day ?? null;
}

/** Pages through observations by id (a keyset, so each page is an index range scan). */
export async function loadObservations(
  em: EntityManager, filter: ObservationFilter, onPage: (loaded: number) => void = () => undefined,
): Promise<StoredObservation[]> {
  const rows: StoredObservation[] = [];
  let after = '0';
  for (;;) {
    const page = await em.getConnection().execute<RawObservation[]>(
      `select "id", "platform", "keyword", "day"::text as "day", "search_volume", "competition", "cpc", "trend_score",
              "related_keywords", "category_data"->>'top_category' as "category"
         from "observations"
        where "day" between ? and ? ${filter.platform ? 'and "platform" = ?' : ''} and "id" > ?
        order by "id" limit ${PAGE}`,
      [filter.from, filter.to, ...(filter.platform ? [filter.platform] : []), after],
    );
    for (const r of page) {
      rows.push({
        keyword: r.keyword, platform: r.platform, day: r.day, searchVolume: r.search_volume, competition: r.competition,
        cpc: r.cpc, trendScore: r.trend_score, relatedKeywords: r.related_keywords ?? [], category: r.category,
      });
    }
    onPage(rows.length);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]!.id;
  }
}

interface RawObservation {
  id: string;
  platform: string;
  keyword: string;
  day: string;
  search_volume: number | null;
  competition: number | null;
  cpc: number | null;
  trend_score: number | null;
  related_keywords: string[] | null;
  category: string | null;
}

/** A processed row as stored: scores are unknown (null) where an input metric is unknown. */
export type StoredProcessed = Omit<ProcessedKeyword, Metric | 'difficultyScore' | 'opportunityScore'>
  & { [K in Metric | 'difficultyScore' | 'opportunityScore']: number | null };

/** Upserts processed rows keyed by (platform, keyword, day), CHUNK rows per statement. */
export async function upsertProcessed(
  em: EntityManager, keywords: readonly StoredProcessed[], workflowId: string, trx: Knex.Transaction | undefined,
  onChunk: (written: number) => void = () => undefined,
): Promise<void> {
  const knex = em.getKnex();
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
