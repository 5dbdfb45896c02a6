// The reference pipeline's keyword scores (KeywordProcessor and TrendAnalyzer in test/bench/reference/pipeline.py),
// formula for formula, so a score here equals the reference pipeline's to the last digit.

/** The metrics the scores read; a missing or NaN value counts as 0, as the reference's dict.get(…, 0). */
export interface ScoreInput {
  searchVolume?: number | null;
  competition?: number | null;
  cpc?: number | null;
  trendScore?: number | null;
}

const num = (value: number | null | undefined): number => (value === null || value === undefined || Number.isNaN(value) ? 0 : value);

/**
 * Python's round(x, digits): the double nearest to x rounded to `digits` decimals, exact ties to
 * even. The scaled product is only trusted away from a half; near one, toFixed rounds the exact
 * binary value, and a true tie (x·2^(digits+1) an odd integer) goes to the even neighbour.
 */
export function pyRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  const scale = 10 ** digits;
  const scaled = x * scale;
  const fraction = scaled - Math.floor(scaled);
  if (Math.abs(fraction - 0.5) > 1e-6) return Math.round(scaled) / scale + 0;
  const twice = x * 2 ** (digits + 1);
  if (Number.isInteger(twice) && twice % 2 !== 0) {
    const down = Math.floor(scaled);
    return (down % 2 === 0 ? down : down + 1) / scale + 0;
  }
  return Number(x.toFixed(digits)) + 0;
}

/** The metrics each stored score is computed from (below): a score is unknown when one of them is. */
export const SCORE_INPUTS = {
  difficulty_score: ['competition', 'cpc', 'search_volume'],
  opportunity_score: ['search_volume', 'trend_score', 'competition'],
} as const;

/** Difficulty: 0.4 competition + 0.3 cpc/10 + 0.3 (1 − volume/10,000), each capped at 1. */
export function difficultyScore(input: ScoreInput): number {
  const competitionScore = Math.min(num(input.competition), 1.0);
  const cpcScore = Math.min(num(input.cpc) / 10.0, 1.0);
  const volumeScore = 1.0 - Math.min(num(input.searchVolume) / 10000, 1.0);
  return pyRound(competitionScore * 0.4 + cpcScore * 0.3 + volumeScore * 0.3, 3);
}

/** Opportunity: 0.4 volume/5,000 + 0.3 trend (clamped to 0–1) + 0.3 (1 − competition). */
export function opportunityScore(input: ScoreInput): number {
  const volumeScore = Math.min(num(input.searchVolume) / 5000, 1.0);
  const trend = Math.max(0, Math.min(num(input.trendScore), 1.0));
  const competitionScore = 1.0 - Math.min(num(input.competition), 1.0);
  return pyRound(volumeScore * 0.4 + trend * 0.3 + competitionScore * 0.3, 3);
}

/** TrendAnalyzer's opportunity for emerging keywords: 0.6 volume/5,000 + 0.4 (1 − competition). */
export function emergingOpportunityScore(input: ScoreInput): number {
  const volumeScore = Math.min(num(input.searchVolume) / 5000, 1.0);
  const competitionScore = 1.0 - Math.min(num(input.competition), 1.0);
  return pyRound(volumeScore * 0.6 + competitionScore * 0.4, 3);
}
