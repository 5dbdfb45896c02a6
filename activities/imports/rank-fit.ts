// The rank→volume curve of the Search Terms import: a power law log(volume) = a + b·log(rank), least squares, fitted
// on the terms of one period that have both a search frequency rank and the seller's own SQP volume. Every 5th term
// (by rank) is held out of the fit and the curve's error is measured on those: the error the label publishes.

/** Fewer overlapping terms than this: no curve, the ranks are stored and the volume stays unknown. */
export const MIN_FIT_TERMS = 8;
/** Terms 5, 10, 15... in rank order are held out. */
const HOLD_OUT_EVERY = 5;

export interface RankPoint {
  keyword: string;
  rank: number;
  volume: number;
}

export interface PowerLawFit {
  /** Terms in both reports. */
  overlap: number;
  trainedOn: number;
  a: number;
  b: number;
  heldOut: number;
  /** Median of |estimate − volume| / volume over the held-out terms, 0–1 (null if none had a volume > 0). */
  heldOutMedianApe: number | null;
}

/** The fit, or null when fewer than MIN_FIT_TERMS points (or every point on one rank) allow none. */
export function fitPowerLaw(points: readonly RankPoint[]): PowerLawFit | null {
  // log(0) has no place on the curve: a zero-volume term says only "fewer searches than counted"
  const usable = points.filter((p) => p.volume > 0 && p.rank >= 1).sort((x, y) => x.rank - y.rank || x.keyword.localeCompare(y.keyword));
  if (usable.length < MIN_FIT_TERMS) return null;
  const train = usable.filter((_, i) => i % HOLD_OUT_EVERY !== HOLD_OUT_EVERY - 1);
  const test = usable.filter((_, i) => i % HOLD_OUT_EVERY === HOLD_OUT_EVERY - 1);
  const xs = train.map((p) => Math.log(p.rank));
  const ys = train.map((p) => Math.log(p.volume));
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  // rounded first: the curve reported is the curve used
  const b = round(xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / sxx, 6);
  const a = round(my - b * mx, 6);
  const errors = test.map((p) => Math.abs(volumeAt({ a, b }, p.rank) - p.volume) / p.volume).sort((x, y) => x - y);
  return {
    overlap: points.length,
    trainedOn: train.length,
    a,
    b,
    heldOut: test.length,
    heldOutMedianApe: errors.length === 0 ? null : round(median(errors), 4),
  };
}

/** The curve's monthly volume at a rank, rounded to a whole search. */
export function volumeAt(fit: { a: number; b: number }, rank: number): number {
  return Math.round(Math.exp(fit.a + fit.b * Math.log(rank)));
}

const median = (sorted: number[]) => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
