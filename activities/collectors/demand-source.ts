// The interface of a demand source (DEMAND_SOURCE): search demand per keyword from outside the platforms, which
// fills what a platform does not publish (activities/collect/demand-fill.ts). Google Ads Keyword Planner today.
import type { DemandSourceName } from '../../workflows/types/platforms';
import type { KeywordDemand } from './google-ads/demand';

export type { KeywordDemand, MonthlySearches } from './google-ads/demand';

export interface DemandLookup {
  /** One entry per keyword asked and not refused (avgMonthlySearches null when the source has no data). */
  demand: KeywordDemand[];
  /** Keywords the source refused as invalid, with its reason. */
  failures: { keyword: string; reason: string }[];
  /** The provider simulator answered: its numbers are labelled as simulated. */
  simulated: boolean;
}

export interface DemandSource {
  readonly name: DemandSourceName;
  /** e.g. 'google-ads:googleads.googleapis.com'. */
  readonly source: string;
  /** Historical demand of the keywords, in as few requests as the source's per-request limit allows. */
  historicalMetrics(keywords: string[], signal?: AbortSignal): Promise<DemandLookup>;
  /** Related keywords the source suggests for up to its limit of seed keywords, with their demand. */
  keywordIdeas(seeds: string[], signal?: AbortSignal): Promise<KeywordDemand[]>;
  close(): Promise<void>;
}
