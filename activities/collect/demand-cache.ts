// A demand source is asked once per keyword and day, whatever the number of platforms: the first batch to need a
// keyword's demand asks for the batch's keywords under a per-day advisory lock and stores the answers in
// keyword_demand; the other platforms' batches (on any worker) wait on the lock and read them.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemandSource } from '../collectors/demand-source';
import type { DemandEntry } from './demand-fill';

interface DemandRow {
  keyword: string;
  label: string;
  demand: DemandEntry['demand'] | string | null;
  failure: string | null;
}

export async function demandFor(
  em: EntityManager,
  source: DemandSource,
  keywords: string[],
  day: string,
  signal?: AbortSignal,
): Promise<Map<string, DemandEntry>> {
  const knex = em.getKnex();
  const rows = await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`keyword_demand:${source.name}:${day}`]);
    const stored = (await trx('keyword_demand')
      .select('keyword', 'label', 'demand', 'failure')
      .where({ source: source.name, day })
      .whereIn('keyword', keywords)) as DemandRow[];
    const have = new Set(stored.map((r) => r.keyword));
    const missing = [...new Set(keywords)].filter((k) => !have.has(k));
    if (missing.length === 0) return stored;
    const lookup = await source.historicalMetrics(missing, signal);
    const label = lookup.simulated ? `${source.name}:simulator` : source.name;
    const fetchedAt = new Date();
    const fresh: DemandRow[] = [
      ...lookup.demand.map((d) => ({ keyword: d.keyword, label, demand: d, failure: null })),
      ...lookup.failures.map((f) => ({ keyword: f.keyword, label, demand: null, failure: f.reason })),
    ];
    if (fresh.length > 0) {
      await trx('keyword_demand')
        .insert(
          fresh.map((r) => ({
            source: source.name,
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
    }
    return [...stored, ...fresh];
  });
  return new Map(
    rows.map((r) => [
      r.keyword,
      {
        label: r.label,
        demand: typeof r.demand === 'string' ? (JSON.parse(r.demand) as DemandEntry['demand']) : r.demand,
        failure: r.failure,
      },
    ]),
  );
}
