import { describe, expect, it } from 'vitest';
import { loadSuccessModel, predictSuccess, recommend } from '../../activities/ml/prediction';
import { buildTrainingSet, successScore, trainSuccessModel, type TrainingSet } from '../../activities/ml/success';
import { mulberry32 } from '../../activities/processing/random';
import type { CompleteObservation } from '../../activities/processing/types';

const obs = (day: number, searchVolume: number, more: Partial<CompleteObservation> = {}): CompleteObservation => ({
  keyword: 'wedding planner',
  platform: 'etsy',
  day: `2026-10-${String(day).padStart(2, '0')}`,
  searchVolume,
  competition: 0.2,
  cpc: 1,
  trendScore: 0.5,
  relatedKeywords: [],
  ...more,
});

describe('successScore', () => {
  it('is the reference pipeline’s opportunity recomputed from the following days (hand-computed)', () => {
    // reach min(2000/5000, 1) = 0.4; growth 0.5 + 0.5·log2(2001/1001); openness 1 − 0.2
    const expected = 0.4 * 0.4 + 0.3 * (0.5 + 0.5 * Math.log2(2001 / 1001)) + 0.3 * 0.8;
    expect(
      successScore(
        obs(1, 1000),
        [2, 3, 4, 5].map((d) => obs(d, 2000)),
      ),
    ).toBeCloseTo(expected, 12);
    // flat at 5,000 with competition 0.5: 0.4 + 0.15 + 0.15
    expect(successScore(obs(1, 5000), [obs(2, 5000, { competition: 0.5 })])).toBeCloseTo(0.7, 12);
  });

  it('stays within 0–1 at the extremes', () => {
    expect(successScore(obs(1, 0), [obs(2, 1e9, { competition: 0 })])).toBe(1);
    expect(successScore(obs(1, 1e9), [obs(2, 0, { competition: 3 })])).toBe(0);
    expect(() => successScore(obs(1, 10), [])).toThrow(/no later/);
  });
});

describe('buildTrainingSet', () => {
  it('uses the day’s features and the next 7 days as the outcome, when 4+ of them exist', () => {
    const history = Array.from({ length: 10 }, (_, i) => obs(i + 1, 100 * (i + 1), { trendScore: i / 10 }));
    const set = buildTrainingSet([...history, obs(1, 7, { platform: 'amazon' })]);
    // days 1…6 have 4 or more later days within 7 (day 6: days 7–10); days 7–10 do not
    expect(set.targets).toHaveLength(6);
    expect(set.window).toEqual({ from: '2026-10-01', to: '2026-10-10' });
    expect(Array.from(set.columns[0]!)).toEqual([100, 200, 300, 400, 500, 600]);
    expect(set.columns[3]![2]).toBe(0.2);
    expect(set.targets[0]).toBeCloseTo(successScore(history[0]!, history.slice(1, 8)), 12);
    expect(set.targets[5]).toBeCloseTo(successScore(history[5]!, history.slice(6, 10)), 12);
  });

  it('gives an empty set and no window without enough history', () => {
    const set = buildTrainingSet([obs(1, 10), obs(2, 10)]);
    expect(set.targets).toHaveLength(0);
    expect(set.window).toBeNull();
  });
});

/** Features drawn like the collected data; the target is a known function of them. */
function knownFunction(n: number): TrainingSet {
  const rand = mulberry32(11);
  const rows = Array.from({ length: n }, () => [Math.round(10 ** (1 + 3 * rand())), rand(), 5 * rand(), rand()]);
  const target = ([v, c, , t]: number[]) => 0.4 * Math.min(v! / 5000, 1) + 0.3 * t! + 0.3 * (1 - c!);
  return {
    columns: [0, 1, 2, 3].map((f) => Float64Array.from(rows, (r) => r[f]!)),
    targets: Float64Array.from(rows, (r) => target(r) + 0.01 * (rand() - 0.5)),
    window: { from: '2026-10-01', to: '2026-10-31' },
    horizonDays: 7,
  };
}

describe('trainSuccessModel and predictSuccess', () => {
  const trained = trainSuccessModel(knownFunction(2000), { nTrees: 40 });
  const model = loadSuccessModel('model-7', JSON.parse(JSON.stringify(trained)));

  it('learns a known function (R² ≥ 0.9) with the reference pipeline’s 80/20 split', () => {
    expect(trained.metrics.r2).toBeGreaterThanOrEqual(0.9);
    expect(trained.metrics).toMatchObject({ trainingSamples: 1600, testSamples: 400 });
    expect(trained.features).toEqual(['search_volume', 'competition', 'cpc', 'trend_score']);
    expect(trained.trainingWindow).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('predicts on the 0–1 scale, names its model version and recommends', () => {
    const good = predictSuccess(model, { searchVolume: 5000, competition: 0.1, cpc: 2, trendScore: 0.9 });
    expect(good.model_version).toBe('model-7');
    expect(good.predicted_success).toBeCloseTo(0.4 + 0.27 + 0.27, 1);
    expect(good.confidence).toBeGreaterThan(0.7);
    expect(good.recommendation).toBe('excellent');
    const poor = predictSuccess(model, { searchVolume: 20, competition: 0.9, cpc: 2, trendScore: 0.1 });
    expect(poor.recommendation).toBe('low');
  });

  it('is less confident far from the training data', () => {
    const near = predictSuccess(model, { searchVolume: 3000, competition: 0.5, cpc: 2, trendScore: 0.5 });
    const far = predictSuccess(model, { searchVolume: 1e9, competition: 5, cpc: 1e6, trendScore: 4 });
    expect(far.confidence).toBeLessThan(near.confidence / 2);
    expect(far.recommendation).toBe('not_enough_data');
  });

  it('refuses to train on fewer than two rows', () => {
    expect(() => trainSuccessModel(buildTrainingSet([]))).toThrow(/need at least 2/);
  });
});

describe('recommend', () => {
  it('applies the recommendation thresholds of docs/architecture.md, low confidence first', () => {
    expect(recommend(0.71, 0.9)).toBe('excellent');
    expect(recommend(0.7, 0.9)).toBe('good');
    expect(recommend(0.5, 0.9)).toBe('moderate');
    expect(recommend(0.3, 0.9)).toBe('low');
    expect(recommend(0.95, 0.49)).toBe('not_enough_data');
    expect(recommend(0.95, 0.5)).toBe('excellent');
  });
});
