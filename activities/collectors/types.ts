// The adapter interface every platform collector implements (the generic provider contract in seed-contract.ts, or
// a platform's official API).
import type { Platform } from '../../workflows/types/platforms';

/** A trend/related/category call that failed and fell back to the contract's default (seed-contract.ts). */
export interface DegradedCall {
  /** demand: the demand source (DEMAND_SOURCE) failed, so the row has no demand filled in. */
  call: 'trend' | 'related' | 'categories' | 'demand';
  reason: string;
}

export const METRIC_FIELDS = ['search_volume', 'competition', 'cpc', 'trend_score', 'related_keywords', 'category_data'] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];
/**
 * measured: the source reports the value; derived: computed here from what the source reports (a documented
 * function); unknown: the source has none (the number is null, or the contract's default after a degraded call).
 */
export type FieldProvenance = 'measured' | 'derived' | 'unknown';
export type Provenance = Record<MetricField, FieldProvenance>;
/** e.g. { search_volume: 'google-ads: average monthly Google searches' }. */
export type MetricSources = Partial<Record<MetricField, string>>;

export interface KeywordMetrics {
  keyword: string;
  platform: Platform;
  /** Null: the source publishes none (no official marketplace API does); never invented. */
  searchVolume: number | null;
  /** 0–1; null when the source gives nothing to base it on. */
  competition: number | null;
  cpc: number | null;
  /** 0–1; null when the source has no trend (derivable later from the keyword's own history). */
  trendScore: number | null;
  relatedKeywords: string[];
  /** Etsy and eBay only (null for Amazon, or when the category call degraded). */
  categoryData: Record<string, unknown> | null;
  degraded: DegradedCall[];
  /** Where the numbers came from, e.g. 'simulator', the provider's host, or 'etsy-v3:openapi.etsy.com'. */
  source: string;
  /** Which fields the source measured, which were derived here, which are unknown. */
  provenance: Provenance;
  /** Fields taken from another source than the row's own (a demand source), each with that source's label. */
  metricSources?: MetricSources;
  /** Source-specific extras: result count, price statistics, digital share, suggested bid range... */
  details?: Record<string, unknown>;
}

export interface CollectOptions {
  /** Aborts requests in flight (activity cancellation). */
  signal?: AbortSignal;
}

export interface ProviderAdapter {
  readonly platform: Platform;
  readonly source: string;
  collect(keyword: string, options?: CollectOptions): Promise<KeywordMetrics>;
  close(): Promise<void>;
}
