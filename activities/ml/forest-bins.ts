// Pre-binned features for the forest's split search (forest-grow.ts), as LightGBM and scikit-learn's
// HistGradientBoosting do: each feature's values are cut once into at most maxBins quantile bins, every
// row keeps its bin code, and a node's split search scans a histogram of bins instead of sorted rows.
// A feature with at most maxBins distinct values gets one bin per value, so its search is exact CART's.

export interface BinnedFeature {
  /** Per row, its bin (0 … cuts.length). */
  codes: Uint16Array;
  /** cuts[b] separates bin b from bin b + 1: every value of bin b is ≤ cuts[b] < every value of bin b + 1. */
  cuts: Float64Array;
  /** Each bin's lowest and highest value. */
  lows: Float64Array;
  highs: Float64Array;
}

export const MAX_BINS_LIMIT = 65_536;

/** Between two adjacent values: their midpoint like scikit-learn, unless rounding puts it on the upper value. */
export function cutBetween(below: number, above: number): number {
  const mid = (below + above) / 2;
  return mid < above ? mid : below;
}

/** Signed log scale: equal steps on it are equal ratios, so a long tail of large values spreads over bins. */
const logScale = (v: number): number => Math.sign(v) * Math.log1p(Math.abs(v));

/** Bins that close once they hold n/q rows, D/q distinct values or 1/q of the log-scale range (the last takes what is left). */
function greedyUppers(sorted: Float64Array, distinct: number, q: number, maxBins: number): number[] {
  const n = sorted.length;
  const rowShare = n / q,
    valueShare = distinct / q,
    spanShare = (logScale(sorted[n - 1]!) - logScale(sorted[0]!)) / q;
  const uppers: number[] = [];
  let rows = 0,
    values = 0,
    low = logScale(sorted[0]!);
  for (let i = 0; i < n; i++) {
    rows++;
    if (i < n - 1 && sorted[i + 1] === sorted[i]) continue;
    values++;
    // the span the bin would cover if the next value joined it
    const span = i < n - 1 ? logScale(sorted[i + 1]!) - low : 0;
    if (rows >= rowShare || values >= valueShare || span > spanShare || i === n - 1) {
      if (uppers.length === maxBins) return uppers;
      uppers.push(sorted[i]!);
      rows = 0;
      values = 0;
      if (i < n - 1) low = logScale(sorted[i + 1]!);
    }
  }
  return uppers;
}

/**
 * The upper value of each bin: every distinct value when few; else a bin closes once it holds its share of
 * the rows, of the distinct values or of the log-scale range, with the largest share count q that fits
 * maxBins: a long tail of rare large values keeps its resolution instead of falling into one quantile bin.
 */
function binUppers(sorted: Float64Array, maxBins: number): number[] {
  const n = sorted.length;
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct <= maxBins) return greedyUppers(sorted, distinct, distinct, maxBins);
  // at q = maxBins / 3 at most maxBins bins close; search the largest q that still fits
  let lo = Math.max(1, Math.floor(maxBins / 3)),
    hi = maxBins;
  while (lo < hi) {
    const q = Math.ceil((lo + hi) / 2);
    const bins = greedyUppers(sorted, distinct, q, maxBins + 1).length;
    if (bins <= maxBins) lo = q;
    else hi = q - 1;
  }
  return greedyUppers(sorted, distinct, lo, maxBins);
}

/** Bins one feature column into at most maxBins bins (2 ≤ maxBins ≤ 65,536). */
export function binFeature(column: Float64Array, maxBins: number): BinnedFeature {
  if (!(maxBins >= 2 && maxBins <= MAX_BINS_LIMIT)) throw new Error(`binFeature: maxBins ${maxBins} outside 2–${MAX_BINS_LIMIT}`);
  const sorted = Float64Array.from(column).sort();
  const uppers = binUppers(sorted, maxBins);
  const highs = Float64Array.from(uppers);
  const lows = new Float64Array(uppers.length);
  const cuts = new Float64Array(uppers.length - 1);
  lows[0] = sorted[0]!;
  // the lowest value above bin b's upper value is the next bin's first value in sorted order
  for (let b = 0, i = 0; b < cuts.length; b++) {
    while (sorted[i]! <= uppers[b]!) i++;
    lows[b + 1] = sorted[i]!;
    cuts[b] = cutBetween(uppers[b]!, sorted[i]!);
  }
  const codes = new Uint16Array(column.length);
  for (let r = 0; r < column.length; r++) {
    const v = column[r]!;
    let lo = 0,
      hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v <= cuts[mid]!) hi = mid;
      else lo = mid + 1;
    }
    codes[r] = lo;
  }
  return { codes, cuts, lows, highs };
}
