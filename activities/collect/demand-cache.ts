// A demand source is asked once per keyword and day, whatever the number of platforms: the first batch to need a
// keyword's demand asks for the batch's keywords under a per-day lock and stores the answers in keyword_demand
// (activities/db/repositories/keyword-demand.ts); the other platforms' batches (on any worker) wait on the lock and
// read them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { lockedDemandDay, type DemandAnswer } from '../db/repositories/keyword-demand';
import type { DemandSource } from '../collectors/demand-source';
import type { DemandEntry } from './demand-fill';

export async function demandFor(
  em: EntityManager,
  source: DemandSource,
  keywords: string[],
  day: string,
  signal?: AbortSignal,
): Promise<Map<string, DemandEntry>> {
  const rows = await lockedDemandDay(em, source.name, day, async (demandDay) => {
    const stored = await demandDay.stored(keywords);
    const have = new Set(stored.map((r) => r.keyword));
    const missing = [...new Set(keywords)].filter((k) => !have.has(k));
    if (missing.length === 0) return stored;
    const lookup = await source.historicalMetrics(missing, signal);
    const label = lookup.simulated ? `${source.name}:simulator` : source.name;
    const fresh: DemandAnswer[] = [
      ...lookup.demand.map((d) => ({ keyword: d.keyword, label, demand: d, failure: null })),
      ...lookup.failures.map((f) => ({ keyword: f.keyword, label, demand: null, failure: f.reason })),
    ];
    await demandDay.store(fresh, new Date());
    return [...stored, ...fresh];
  });
  return new Map(rows.map((r) => [r.keyword, { label: r.label, demand: r.demand, failure: r.failure }]));
}
