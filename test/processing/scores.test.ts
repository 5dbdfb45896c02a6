import { describe, expect, it } from 'vitest';
import { difficultyScore, emergingOpportunityScore, opportunityScore, pyRound } from '../../activities/processing/scores';

// Expected values come from the reference pipeline's Python formulas (test/bench/reference/pipeline.py) (python3, round(…, 3)).
describe('reference pipeline scores', () => {
  it('match hand-computed values', () => {
    // 0.5·0.4 + (2/10)·0.3 + (1 − 2000/10000)·0.3 = 0.2 + 0.06 + 0.24
    expect(difficultyScore({ competition: 0.5, cpc: 2, searchVolume: 2000 })).toBe(0.5);
    // (2500/5000)·0.4 + 0.8·0.3 + (1 − 0.2)·0.3 = 0.2 + 0.24 + 0.24
    expect(opportunityScore({ searchVolume: 2500, trendScore: 0.8, competition: 0.2 })).toBe(0.68);
    // (500/5000)·0.6 + (1 − 0.3)·0.4 = 0.06 + 0.28
    expect(emergingOpportunityScore({ searchVolume: 500, competition: 0.3 })).toBe(0.34);
    expect(difficultyScore({ competition: 0.35, cpc: 1.25, searchVolume: 3750 })).toBe(0.365);
    expect(opportunityScore({ searchVolume: 1234, trendScore: 0.456, competition: 0.789 })).toBe(0.299);
    expect(emergingOpportunityScore({ searchVolume: 999, competition: 0.123 })).toBe(0.471);
  });

  it('handle zero volume', () => {
    expect(difficultyScore({ searchVolume: 0, competition: 0, cpc: 0 })).toBe(0.3);
    expect(opportunityScore({ searchVolume: 0, competition: 0, trendScore: 0 })).toBe(0.3);
    expect(emergingOpportunityScore({ searchVolume: 0, competition: 0 })).toBe(0.4);
  });

  it('cap competition above 1', () => {
    expect(difficultyScore({ competition: 1.7, cpc: 3, searchVolume: 500 })).toBe(0.775);
    expect(opportunityScore({ competition: 1.7, trendScore: 0.5, searchVolume: 500 })).toBe(0.19);
    expect(emergingOpportunityScore({ competition: 1.7, searchVolume: 500 })).toBe(0.06);
  });

  it('cap a huge cpc and a huge volume', () => {
    expect(difficultyScore({ competition: 0.2, cpc: 1e9, searchVolume: 100 })).toBe(0.677);
    expect(opportunityScore({ searchVolume: 1e12, trendScore: 1, competition: 0 })).toBe(1);
    expect(difficultyScore({ competition: 0, cpc: Infinity, searchVolume: Infinity })).toBe(0.3);
  });

  it('clamp the trend score to 0–1 in opportunity, and keep the reference formula as is elsewhere', () => {
    expect(opportunityScore({ searchVolume: 100, trendScore: -0.5, competition: 0.4 })).toBe(0.188);
    expect(opportunityScore({ searchVolume: 100, trendScore: 1.5, competition: 0.4 })).toBe(0.488);
    // the reference pipeline only caps from above: negative inputs pass through
    expect(difficultyScore({ competition: -0.5, cpc: -1, searchVolume: 20000 })).toBe(-0.23);
  });

  it('read missing, null and NaN metrics as 0 (the reference pipeline’s dict.get defaults)', () => {
    expect(difficultyScore({})).toBe(0.3);
    expect(opportunityScore({ searchVolume: null, trendScore: NaN })).toBe(0.3);
  });
});

describe('pyRound', () => {
  it('rounds like Python, exact ties to even', () => {
    expect(pyRound(0.0625, 3)).toBe(0.062);
    expect(pyRound(0.1875, 3)).toBe(0.188);
    expect(pyRound(0.3125, 3)).toBe(0.312);
    expect(pyRound(-0.0625, 3)).toBe(-0.062);
    expect(pyRound(2.675, 2)).toBe(2.67); // 2.675 is stored just below 2.675
    expect(pyRound(1.0005, 3)).toBe(1); // and 1.0005 just below 1.0005
    expect(pyRound(0.5, 0)).toBe(0);
    expect(pyRound(2.5, 0)).toBe(2);
    expect(pyRound(1.5, 0)).toBe(2);
    expect(Object.is(pyRound(-0.0001, 3), 0)).toBe(true);
  });
});
