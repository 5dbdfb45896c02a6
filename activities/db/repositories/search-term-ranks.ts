// search_term_ranks: every statement on the table, and the filling of Amazon rows with volumes estimated from ranks.
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { SearchTermRankSchema, type SearchTermRank } from '../entities';
import { WEAKER_VOLUME } from './reported-demand';

const trxOf = (em: EntityManager) => em.getTransactionContext<Knex.Transaction>();

export async function insertSearchTermRanks(em: EntityManager, rows: readonly Omit<SearchTermRank, 'id'>[]): Promise<void> {
  if (rows.length > 0) await em.insertMany(SearchTermRankSchema, rows as SearchTermRank[]);
}

/** The periods (from, to) among these that have ranks stored. */
export async function periodsWithRanks(em: EntityManager, periods: readonly (readonly [string, string])[]): Promise<[string, string][]> {
  if (periods.length === 0) return [];
  const rows = await em.getConnection().execute<{ from: string; to: string }[]>(
    `select distinct period_from::text as "from", period_to::text as "to" from search_term_ranks
      where (period_from, period_to) in (${periods.map(() => '(?::date, ?::date)').join(', ')}) order by 1, 2`,
    periods.flat(),
    'all',
    trxOf(em),
  );
  return rows.map((r) => [r.from, r.to]);
}

/** Each keyword's newest rank in exactly this period. */
export async function ranksOfPeriod(em: EntityManager, periodFrom: string, periodTo: string): Promise<Map<string, number>> {
  const rows = await em.getConnection().execute<{ keyword: string; rank: number }[]>(
    `select distinct on (keyword) keyword, search_frequency_rank as rank from search_term_ranks
      where period_from = ? and period_to = ? order by keyword, id desc`,
    [periodFrom, periodTo],
    'all',
    trxOf(em),
  );
  return new Map(rows.map((r) => [r.keyword, r.rank]));
}

/**
 * Stores the estimates on the period's ranks, then gives them to the Amazon rows of those keywords within the period
 * whose volume is weaker than an estimate (never a measured or imported one). Returns the rows filled.
 */
export async function fillEstimatedVolumes(
  em: EntityManager,
  period: { from: string; to: string },
  estimates: ReadonlyMap<string, number>,
  label: string,
): Promise<number> {
  if (estimates.size === 0) return 0;
  const json = JSON.stringify([...estimates].map(([keyword, volume]) => ({ keyword, volume })));
  const conn = em.getConnection();
  const trx = trxOf(em);
  const values = `jsonb_to_recordset(?::jsonb) as e(keyword text, volume int)`;
  await conn.execute(
    `update search_term_ranks r set estimated_search_volume = e.volume from ${values}
      where r.keyword = e.keyword and r.period_from = ? and r.period_to = ?`,
    [json, period.from, period.to],
    'run',
    trx,
  );
  const result = await conn.execute<{ affectedRows: number }>(
    `update observations o set search_volume = e.volume, provenance = o.provenance || '{"search_volume":"estimated"}',
      metric_sources = o.metric_sources || jsonb_build_object('search_volume', ?::text)
      from ${values}
      where o.platform = 'amazon' and o.keyword = e.keyword and o.day between ? and ? and ${WEAKER_VOLUME}`,
    [label, json, period.from, period.to],
    'run',
    trx,
  );
  return result.affectedRows;
}
