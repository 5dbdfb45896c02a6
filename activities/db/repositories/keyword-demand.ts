// keyword_demand: every statement on the table. A demand source's answers are stored once per keyword and day:
// the reads and writes of one (source, day) run in a transaction holding that pair's advisory lock, so the first
// caller asks the source and the others (the other platforms' batches, on any worker) wait and read its answers.
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { KeywordDemandEntry } from '../entities';

/** One keyword's answer, as the demand filling uses it. */
export type DemandAnswer = Pick<KeywordDemandEntry, 'keyword' | 'label' | 'demand' | 'failure'>;

/** The stored answers of one source and day, reached while its lock is held. */
export interface DemandDay {
  /** The answers already stored for these keywords. */
  stored(keywords: readonly string[]): Promise<DemandAnswer[]>;
  /** Stores new answers; an answer stored meanwhile stays as it is. */
  store(answers: readonly DemandAnswer[], fetchedAt: Date): Promise<void>;
}

/** Runs `work` in a transaction that holds the advisory lock of (source, day) until it commits. */
export async function lockedDemandDay<T>(em: EntityManager, source: string, day: string, work: (d: DemandDay) => Promise<T>): Promise<T> {
  return em.getKnex().transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`keyword_demand:${source}:${day}`]);
    return work(demandDay(trx, source, day));
  });
}

function demandDay(trx: Knex.Transaction, source: string, day: string): DemandDay {
  return {
    stored: async (keywords) => {
      const rows = (await trx('keyword_demand')
        .select('keyword', 'label', 'demand', 'failure')
        .where({ source, day })
        .whereIn('keyword', [...keywords])) as (Omit<DemandAnswer, 'demand'> & { demand: DemandAnswer['demand'] | string })[];
      return rows.map((r) => ({
        ...r,
        demand: typeof r.demand === 'string' ? (JSON.parse(r.demand) as DemandAnswer['demand']) : r.demand,
      }));
    },
    store: async (answers, fetchedAt) => {
      if (answers.length === 0) return;
      await trx('keyword_demand')
        .insert(
          answers.map((r) => ({
            source,
            day,
            keyword: r.keyword,
            label: r.label,
            demand: r.demand === null ? null : JSON.stringify(r.demand),
            failure: r.failure,
            fetched_at: fetchedAt,
          })),
        )
        .onConflict(['source', 'keyword', 'day'])
        .ignore();
    },
  };
}
