// Observation history for processing, trend and model tests: the simulator's numbers, day after day.
import { simulateKeyword } from '../../workers/simulator/data';
import type { NewObservation } from '../../activities/db/entities';
import { upsertObservations } from '../../activities/db/repositories/observations';
import type { Orm } from '../../activities/db/orm';
import { addDays } from '../../activities/processing/days';
import { PLATFORMS } from '../../workflows/types/platforms';

const WORDS = ['wedding planner', 'svg bundle', 'budget spreadsheet', 'notion template', 'lightroom preset', 'teacher worksheet'];
const MODS = ['printable', 'editable', 'boho', 'minimalist', 'kids'];

/** 30 distinct keywords: 6 products × 5 modifiers, plus a token that keeps runs apart. */
export function seedKeywords(token: string): string[] {
  return WORDS.flatMap((w) => MODS.map((m) => `${m} ${w} ${token}`));
}

export async function seedHistory(orm: Orm, keywords: string[], firstDay: string, days: number): Promise<NewObservation[]> {
  const rows: NewObservation[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(firstDay, d);
    for (const platform of PLATFORMS) {
      for (const keyword of keywords) {
        const s = simulateKeyword(platform, keyword, day);
        rows.push({
          platform,
          keyword,
          day,
          searchVolume: s.search_volume,
          competition: s.competition,
          cpc: s.cpc,
          trendScore: s.trend_score,
          relatedKeywords: s.related_keywords,
          categoryData: s.categories as Record<string, unknown> | null,
          degraded: [],
          source: 'simulator',
          provenance: {},
          details: null,
          metricSources: {},
          collectedAt: new Date(),
          workflowId: 'seed',
        });
      }
    }
  }
  await upsertObservations(orm.em.fork(), rows);
  return rows;
}
