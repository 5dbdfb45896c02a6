// The adapter interface every platform collector implements (seed contract today, official APIs later).
import type { Platform } from '../../workflows/types';

/** A trend/related/category call that failed and fell back to the seed's default. */
export interface DegradedCall {
  call: 'trend' | 'related' | 'categories';
  reason: string;
}

export interface KeywordMetrics {
  keyword: string;
  platform: Platform;
  searchVolume: number;
  competition: number;
  cpc: number;
  trendScore: number;
  relatedKeywords: string[];
  /** Etsy and eBay only (null for Amazon, or when the category call degraded). */
  categoryData: Record<string, unknown> | null;
  degraded: DegradedCall[];
  /** Where the numbers came from, e.g. 'simulator' or the provider's host. */
  source: string;
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
