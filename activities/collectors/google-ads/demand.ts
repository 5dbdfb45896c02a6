// What the collection keeps of a keyword's Google Ads historical metrics (KeywordPlanHistoricalMetrics), in
// plain numbers: micros become currency units, months become 1–12, missing values stay null.
import type { KeywordMetricsBody } from './responses';

export const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

export interface MonthlySearches {
  year: number;
  /** 1–12. */
  month: number;
  /** Null: Google has no count for that month. */
  searches: number | null;
}

export interface KeywordDemand {
  /** The keyword as asked. */
  keyword: string;
  /** The query Google reports it under: close variants ("car", "cars") are merged into one. */
  text: string;
  /** Null: Google has no data for the keyword (too few searches, or not a query it knows). */
  avgMonthlySearches: number | null;
  /** Oldest first. */
  monthlySearches: MonthlySearches[];
  /** LOW (index 0–33), MEDIUM (34–66), HIGH (67–100). */
  competition: 'LOW' | 'MEDIUM' | 'HIGH' | null;
  /** Filled ad slots over available ones, 0–100. */
  competitionIndex: number | null;
  /** 20th and 80th percentile of top-of-page bids, in the account's currency. */
  lowTopOfPageBid: number | null;
  highTopOfPageBid: number | null;
  averageCpc: number | null;
}

const currency = (micros: number | undefined) => (micros === undefined ? null : Math.round(micros / 10_000) / 100);
const LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;

export function toDemand(keyword: string, text: string, m: KeywordMetricsBody | undefined): KeywordDemand {
  const monthly = (m?.monthlySearchVolumes ?? [])
    .map((v) => ({ year: v.year, month: MONTHS.indexOf(v.month as (typeof MONTHS)[number]) + 1, searches: v.monthlySearches ?? null }))
    .filter((v) => v.month > 0)
    .sort((a, b) => a.year - b.year || a.month - b.month);
  const level = LEVELS.find((l) => l === m?.competition) ?? null;
  return {
    keyword,
    text,
    avgMonthlySearches: m?.avgMonthlySearches ?? null,
    monthlySearches: monthly,
    competition: level,
    competitionIndex: m?.competitionIndex ?? null,
    lowTopOfPageBid: currency(m?.lowTopOfPageBidMicros),
    highTopOfPageBid: currency(m?.highTopOfPageBidMicros),
    averageCpc: currency(m?.averageCpcMicros),
  };
}
