// A trend for sources that publish none (Etsy Open API, eBay Browse): derived from the keyword's own
// history of result counts, and marked 'derived'. Without earlier counts it stays unknown.
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '../processing/days';
import type { KeywordMetrics } from '../collectors/types';
import { resultCounts } from '../db/repositories/observations';
import { growthScale } from '../ml/success';

/** Earlier days compared with today. */
export const TREND_HISTORY_DAYS = 30;

/**
 * 0.5 + 0.5 · log2((today's count + 1) / (mean earlier count + 1)), clamped to 0–1, 3 decimals:
 * flat = 0.5, doubled = 1, halved = 0 (the success score's growth scale). More listings for a keyword
 * means more sellers moved into it: a rising market.
 */
export function trendFromCounts(today: number, earlier: readonly number[]): number | null {
  if (earlier.length === 0) return null;
  const mean = earlier.reduce((sum, n) => sum + n, 0) / earlier.length;
  return Math.round(growthScale(today, mean) * 1000) / 1000;
}

/** Result counts of the batch's keywords on the TREND_HISTORY_DAYS before `day` (one query for the batch). */
export function earlierCounts(em: EntityManager, platform: string, keywords: string[], day: string): Promise<Map<string, number[]>> {
  return resultCounts(em, platform, keywords, addDays(day, -TREND_HISTORY_DAYS), day);
}

/** A trend can be derived only where the source gives none but does give a result count (not Amazon Ads). */
export function needsHistory(m: KeywordMetrics): boolean {
  return m.trendScore === null && typeof m.details?.result_count === 'number';
}

export function withDerivedTrend(m: KeywordMetrics, earlier: readonly number[] | undefined): KeywordMetrics {
  if (!needsHistory(m) || !earlier?.length) return m;
  return {
    ...m,
    trendScore: trendFromCounts(m.details!.result_count as number, earlier),
    provenance: { ...m.provenance, trend_score: 'derived' },
  };
}
