// The rank→volume power law: recovers a known curve, holds every 5th term out and measures its error there, and
// refuses to fit on fewer than 8 terms.
import { describe, expect, it } from 'vitest';
import { fitPowerLaw, MIN_FIT_TERMS, volumeAt } from '../../activities/imports/rank-fit';

const curve = (rank: number) => Math.exp(12 - 0.8 * Math.log(rank));

describe('fitPowerLaw', () => {
  it('recovers an exact power law; the held-out error is only that of rounding estimates to whole searches', () => {
    const points = [100, 300, 900, 2_000, 5_000, 9_000, 20_000, 40_000, 80_000, 150_000].map((rank) => ({
      keyword: `k${rank}`,
      rank,
      volume: curve(rank),
    }));
    const fit = fitPowerLaw(points)!;
    expect(fit).toEqual({ overlap: 10, trainedOn: 8, a: 12, b: -0.8, heldOut: 2, heldOutMedianApe: expect.any(Number) });
    // held out: ranks 5,000 (178.8 searches) and 150,000 (11.77): 0.1% and 2.0% off once rounded to 179 and 12
    expect(fit.heldOutMedianApe).toBeLessThan(0.011);
    expect(volumeAt(fit, 1_000)).toBe(Math.round(curve(1_000)));
  });

  it('measures the error on terms 5 and 10 by rank only, which the curve was not fitted on', () => {
    // ranks 5 and 10 are held out: doubling their volumes leaves the curve and makes the error exactly 50%
    const points = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((rank) => ({ keyword: `k${rank}`, rank, volume: curve(rank) * (rank % 5 ? 1 : 2) }));
    const fit = fitPowerLaw(points)!;
    expect([fit.a, fit.b, fit.heldOut, fit.heldOutMedianApe]).toEqual([12, -0.8, 2, 0.5]);
  });

  it(`gives no curve below ${MIN_FIT_TERMS} terms with a volume, or when every term has one rank`, () => {
    const seven = [1, 2, 3, 4, 5, 6, 7].map((rank) => ({ keyword: `k${rank}`, rank, volume: curve(rank) }));
    expect(fitPowerLaw(seven)).toBeNull();
    expect(fitPowerLaw([...seven, { keyword: 'zero', rank: 8, volume: 0 }])).toBeNull();
    expect(fitPowerLaw([...Array(9).keys()].map((i) => ({ keyword: `k${i}`, rank: 50, volume: 100 + i })))).toBeNull();
  });
});
