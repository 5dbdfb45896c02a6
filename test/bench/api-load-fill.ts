// Fills the bench database in SQL (generate_series): processed keywords, their clusters, and the raw observations.
import type { Orm } from '../../activities/db/orm';

export interface FillPlan {
  /** processed_keywords rows (and as many observations). */
  rows: number;
  /** spread over this many days, ending at `lastDay` (GET /keywords reads the newest). */
  days: number;
  lastDay: string;
}

const PLATFORMS = `(array['amazon','etsy','ebay'])[1 + g % 3]`;
export const benchKeyword = (i: number) => `bench keyword ${i}`;

export async function fillBenchData(orm: Orm, plan: FillPlan): Promise<void> {
  const knex = orm.em.getKnex();
  const perDay = Math.ceil(plan.rows / plan.days);
  // one grid of (day, g): keyword g / 3 on platform g % 3, so (platform, keyword, day) stays unique
  const grid = `from generate_series(0, ${plan.days - 1}) d, generate_series(0, ${perDay - 1}) g order by d desc, g limit ${plan.rows}`;
  await knex.transaction(async (trx) => {
    await trx.raw('select setseed(0.42)');
    await trx.raw(
      `
      insert into processed_keywords (platform, keyword, day, search_volume, competition, cpc, trend_score,
        difficulty_score, opportunity_score, related_keywords, category, cluster_id, processed_at, workflow_id)
      select ${PLATFORMS}, 'bench keyword ' || (g / 3), ?::date - d, (random() * 20000)::int, random(), round((random() * 5)::numeric, 2),
        random(), round(random()::numeric, 3), round(random()::numeric, 3), '["wedding planner printable", "svg bundle"]', 'templates',
        g % 10, now(), 'bench' ${grid}`,
      [plan.lastDay],
    );
    await trx.raw(
      `
      insert into keyword_clusters (day, cluster_id, label, top_terms, size, workflow_id, created_at)
      select ?::date - d, c, 'cluster ' || c, '["bench", "keyword"]', ${Math.ceil(perDay / 10)}, 'bench', now()
      from generate_series(0, ${plan.days - 1}) d, generate_series(0, 9) c`,
      [plan.lastDay],
    );
    await trx.raw(
      `
      insert into observations (platform, keyword, day, search_volume, competition, cpc, trend_score, source, collected_at, workflow_id)
      select ${PLATFORMS}, 'bench keyword ' || (g / 3), ?::date - d, (random() * 20000)::int, random(), round((random() * 5)::numeric, 2),
        random(), 'bench', now(), 'bench' ${grid}`,
      [plan.lastDay],
    );
  });
  // fresh statistics and visibility map: the plans and index-only scans production would have
  await knex.raw('vacuum analyze processed_keywords, keyword_clusters, observations');
}
