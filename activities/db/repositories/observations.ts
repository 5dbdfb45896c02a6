// observations: every statement on the table. Upserts keyed by (platform, keyword, day) make activity retries
// and repeated imports harmless; a row written again is replaced whole (provenance, details and metric sources included).
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Platform } from '../../../workflows/types/platforms';
import type { ObservationInput } from '../../processing/types';
import { ObservationSchema, type NewObservation, type Observation } from '../entities';

/** Rows per statement when loading for processing: each page an index range scan. */
const PAGE = 10_000;
/** 16 columns a row: PostgreSQL binds at most 65,535 parameters in one statement. */
const ROWS_PER_STATEMENT = 4_000;

/**
 * The one write path of collection (collectBatch) and import (workers/import.ts): one set-based statement, no
 * identity map, so an import of a million lines neither fills memory nor pays per-entity bookkeeping.
 */
export async function upsertObservations(em: EntityManager, rows: readonly NewObservation[]): Promise<void> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const insert = em
      .getKnex()('observations')
      .insert(rows.slice(i, i + ROWS_PER_STATEMENT).map(toColumns))
      .onConflict(['platform', 'keyword', 'day'])
      .merge();
    await (trx ? insert.transacting(trx) : insert);
  }
}

/** Every column written, so that a row merged over an earlier one keeps nothing of it (provenance, details and metric sources included). */
const toColumns = (o: NewObservation) => ({
  platform: o.platform,
  keyword: o.keyword,
  day: o.day,
  search_volume: o.searchVolume,
  competition: o.competition,
  cpc: o.cpc,
  trend_score: o.trendScore,
  related_keywords: JSON.stringify(o.relatedKeywords),
  category_data: o.categoryData === null ? null : JSON.stringify(o.categoryData),
  degraded: JSON.stringify(o.degraded),
  source: o.source,
  provenance: JSON.stringify(o.provenance),
  details: o.details === null ? null : JSON.stringify(o.details),
  metric_sources: JSON.stringify(o.metricSources),
  collected_at: o.collectedAt,
  workflow_id: o.workflowId,
});

export interface ObservationQuery {
  keyword: string;
  platform?: Platform;
  limit: number;
}

/** GET /keywords/:keyword/observations: newest day first. */
export async function findObservations(em: EntityManager, q: ObservationQuery): Promise<Observation[]> {
  return em.find(
    ObservationSchema,
    { keyword: q.keyword, ...(q.platform ? { platform: q.platform } : {}) },
    { orderBy: { day: 'desc', platform: 'asc' }, limit: q.limit },
  );
}

export async function newestObservedDay(em: EntityManager): Promise<string | null> {
  const [row] = await em.getConnection().execute<{ day: string | null }[]>('select max("day")::text as "day" from "observations"');
  return row?.day ?? null;
}

export interface ObservationFilter {
  /** Inclusive day range (YYYY-MM-DD). */
  from: string;
  to: string;
  platform?: string;
}

/** What processing reads of a window of observations, paged by id (a keyset, so each page is an index range scan). */
export async function loadObservations(
  em: EntityManager,
  filter: ObservationFilter,
  onPage: (loaded: number) => void = () => undefined,
): Promise<ObservationInput[]> {
  const rows: ObservationInput[] = [];
  let after = '0';
  for (;;) {
    const page = await em.getConnection().execute<(ObservationInput & { id: string })[]>(
      `select "id", "platform", "keyword", "day"::text as "day", "search_volume" as "searchVolume", "competition", "cpc",
              "trend_score" as "trendScore", coalesce("related_keywords", '[]') as "relatedKeywords",
              "category_data"->>'top_category' as "category"
         from "observations"
        where "day" between ? and ? ${filter.platform ? 'and "platform" = ?' : ''} and "id" > ?
        order by "id" limit ${PAGE}`,
      [filter.from, filter.to, ...(filter.platform ? [filter.platform] : []), after],
    );
    for (const { id: _, ...row } of page) rows.push(row);
    onPage(rows.length);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]!.id;
  }
}

/** Result counts (details.result_count) of keywords on one platform in [from, to): the history a derived trend needs. */
export async function resultCounts(
  em: EntityManager,
  platform: string,
  keywords: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, number[]>> {
  const counts = new Map<string, number[]>();
  if (keywords.length === 0) return counts;
  const rows = await em.getConnection().execute<{ keyword: string; count: number }[]>(
    `select "keyword", ("details"->>'result_count')::float8 as "count"
       from "observations"
      where "platform" = ? and "keyword" in (?) and "day" < ? and "day" >= ?
        and jsonb_typeof("details"->'result_count') = 'number'`,
    [platform, [...keywords], to, from],
  );
  for (const r of rows) {
    const list = counts.get(r.keyword);
    if (list) list.push(r.count);
    else counts.set(r.keyword, [r.count]);
  }
  return counts;
}

/** The CLI's table after a run: one day's observations of some keywords on some platforms, by keyword then platform. */
export async function observationsOfDay(
  em: EntityManager,
  day: string,
  keywords: readonly string[],
  platforms: readonly Platform[],
): Promise<Observation[]> {
  return em.find(
    ObservationSchema,
    { day, keyword: { $in: [...keywords] }, platform: { $in: [...platforms] } },
    { orderBy: { keyword: 'asc', platform: 'asc' } },
  );
}
