// What the official adapters derive from search results: competition from the result count, price statistics.

/**
 * Result count at which competition is 0.5. A digital-product keyword with a few thousand active listings is
 * contested but not saturated; tens of thousands mean a crowded market.
 */
export const COMPETITION_HALF_AT = { etsy: 5_000, ebay: 5_000 } as const;

/**
 * competition = n / (n + K): 0 with no results, 0.5 at K, towards 1 as results grow (0.91 at 10·K, 0.99 at 99·K).
 * Increasing in n and bounded without a clamp, with no cap above which counts stop mattering (unlike a clamped
 * logarithm). Rounded to 4 decimals: monotone (never decreasing), in [0, 1].
 */
export function competitionFromCount(count: number, halfAt: number): number {
  if (!Number.isFinite(count) || count <= 0) return 0;
  return Math.round((count / (count + halfAt)) * 10_000) / 10_000;
}

export interface Price {
  value: number;
  currency: string;
}

export interface PriceStats {
  min: number;
  median: number;
  max: number;
  currency: string;
  /** Results the statistics are over: those priced in the most common currency. */
  count: number;
}

const cents = (value: number) => Math.round(value * 100) / 100;

/** Min, median and max over the results priced in the most common currency; null without prices. */
export function priceStats(prices: Price[]): PriceStats | null {
  const byCurrency = new Map<string, number[]>();
  for (const p of prices) {
    if (!Number.isFinite(p.value) || p.value < 0) continue;
    const values = byCurrency.get(p.currency) ?? [];
    values.push(p.value);
    byCurrency.set(p.currency, values);
  }
  const [currency, values] = [...byCurrency].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? [];
  if (!currency || !values) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: cents(sorted[0]!), median: cents(median), max: cents(sorted.at(-1)!), currency, count: sorted.length };
}

/** Shares of each key among the items, largest first (ties by key), rounded to 3 decimals. */
export function shares<K extends string | number>(keys: K[]): { key: K; count: number; share: number }[] {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .map(([key, count]) => ({ key, count, share: Math.round((count / keys.length) * 1000) / 1000 }));
}
