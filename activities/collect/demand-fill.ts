// Demand filling (DEMAND_SOURCE=google-ads): a platform row whose own source publishes no search volume takes the
// keyword's Google demand, and its competition, CPC and trend where the platform has none, each labelled with
// where it came from (metricSources). A number the platform gave is never overwritten.
import type { KeywordDemand, MonthlySearches } from '../collectors/demand-source';
import type { KeywordMetrics, MetricSources, Provenance } from '../collectors/types';
import { growthScale } from '../ml/success';

/** A demand source's answer for one keyword and day, as kept in keyword_demand. */
export interface DemandEntry {
  /** 'google-ads', or 'google-ads:simulator' when the simulated API answered. */
  label: string;
  /** Null: the source has nothing for the keyword (see failure). */
  demand: KeywordDemand | null;
  /** Why there is no demand, e.g. the source refused the keyword. */
  failure: string | null;
}

export const demandLabels = (label: string) => ({
  search_volume: `${label}: average monthly Google searches`,
  trend_score: `${label}: trend of the last 12 months of Google searches`,
  competition: `${label}: competition index / 100`,
  cpc: `${label}: average CPC on Google Search`,
});

/** Months compared: the latest quarter against the months before it. */
const RECENT_MONTHS = 3;
const MIN_EARLIER_MONTHS = 3;

/**
 * 0.5 + 0.5 · log2((mean of the last 3 months + 1) / (mean of the months before + 1)), clamped to 0–1, 3 decimals:
 * flat = 0.5, doubled = 1, halved = 0 (the success score's growth scale). Null with fewer than 6 known months.
 */
export function trendFromMonthly(monthly: readonly MonthlySearches[]): number | null {
  const known = monthly.filter((m) => m.searches !== null).map((m) => m.searches!);
  if (known.length < RECENT_MONTHS + MIN_EARLIER_MONTHS) return null;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.round(growthScale(mean(known.slice(-RECENT_MONTHS)), mean(known.slice(0, -RECENT_MONTHS))) * 1000) / 1000;
}

/** The row with the demand filled in, or the row unchanged when it has a search volume of its own. */
export function withDemand(m: KeywordMetrics, entry: DemandEntry | string | undefined): KeywordMetrics {
  if (m.searchVolume !== null) return m;
  if (entry === undefined) return m;
  if (typeof entry === 'string') return { ...m, degraded: [...m.degraded, { call: 'demand', reason: entry }] };
  const d = entry.demand;
  const details = { ...m.details, demand: describe(entry) };
  if (d?.avgMonthlySearches === null || d?.avgMonthlySearches === undefined) return { ...m, details };
  const labels = demandLabels(entry.label);
  const sources: MetricSources = { ...m.metricSources, search_volume: labels.search_volume };
  const provenance: Provenance = { ...m.provenance, search_volume: 'measured' };
  const out: KeywordMetrics = { ...m, searchVolume: d.avgMonthlySearches, details };
  const trend = m.trendScore === null ? trendFromMonthly(d.monthlySearches) : null;
  if (trend !== null) {
    out.trendScore = trend;
    provenance.trend_score = 'derived';
    sources.trend_score = labels.trend_score;
  }
  if (m.competition === null && d.competitionIndex !== null) {
    out.competition = d.competitionIndex / 100;
    provenance.competition = 'measured';
    sources.competition = labels.competition;
  }
  // Google's average CPC, else the middle of its top-of-page bid range
  const cpc =
    d.averageCpc ??
    (d.lowTopOfPageBid !== null && d.highTopOfPageBid !== null ? Math.round((d.lowTopOfPageBid + d.highTopOfPageBid) * 50) / 100 : null);
  if (m.cpc === null && cpc !== null) {
    out.cpc = cpc;
    provenance.cpc = d.averageCpc !== null ? 'measured' : 'derived';
    sources.cpc = labels.cpc;
  }
  return { ...out, provenance, metricSources: sources };
}

function describe(entry: DemandEntry) {
  const d = entry.demand;
  if (!d) return { source: entry.label, reason: entry.failure ?? 'no data for this keyword' };
  return {
    source: entry.label,
    query: d.text,
    avg_monthly_searches: d.avgMonthlySearches,
    monthly_searches: d.monthlySearches,
    competition: d.competition,
    competition_index: d.competitionIndex,
    low_top_of_page_bid: d.lowTopOfPageBid,
    high_top_of_page_bid: d.highTopOfPageBid,
    average_cpc: d.averageCpc,
    ...(d.avgMonthlySearches === null ? { reason: 'Google reports no searches for this keyword' } : {}),
  };
}
