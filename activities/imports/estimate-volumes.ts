// Volumes estimated from Search Terms ranks, per period: fitted on the seller's SQP volumes of the same period
// (activities/imports/rank-fit.ts), run after either report is imported so the order of the two imports does not matter.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RankVolumeFit } from '../../workflows/types/import-report';
import { reportedVolumes } from '../db/repositories/reported-demand';
import { fillEstimatedVolumes, periodsWithRanks, ranksOfPeriod } from '../db/repositories/search-term-ranks';
import { fitPowerLaw, MIN_FIT_TERMS, volumeAt } from './rank-fit';

/** The source whose volumes the curve is fitted on: Amazon's own count of Amazon searches. */
const FIT_SOURCE = 'amazon-sqp';

export async function estimateVolumes(em: EntityManager, periods: readonly (readonly [string, string])[]): Promise<RankVolumeFit[]> {
  const fits: RankVolumeFit[] = [];
  for (const [from, to] of await periodsWithRanks(em, periods)) {
    const ranks = await ranksOfPeriod(em, from, to);
    const volumes = await reportedVolumes(em, FIT_SOURCE, from, to);
    const points = [...ranks].flatMap(([keyword, rank]) => {
      const volume = volumes.get(keyword);
      return volume === undefined ? [] : [{ keyword, rank, volume }];
    });
    const fit = fitPowerLaw(points);
    if (!fit) {
      fits.push({
        periodFrom: from,
        periodTo: to,
        overlap: points.length,
        fit: null,
        estimated: 0,
        filled: 0,
        reason: `${points.length} terms have both a rank and an ${FIT_SOURCE} volume for ${from}–${to}; a fit needs ${MIN_FIT_TERMS}`,
      });
      continue;
    }
    const { overlap: _, ...curve } = fit;
    const error = fit.heldOutMedianApe === null ? 'no held-out error' : `held-out median error ${pct(fit.heldOutMedianApe)}%`;
    const label = `amazon-search-terms: estimated from search frequency rank (power-law fit on ${fit.trainedOn} SQP terms, ${error})`;
    const estimates = new Map([...ranks].map(([keyword, rank]) => [keyword, volumeAt(fit, rank)]));
    const filled = await fillEstimatedVolumes(em, { from, to }, estimates, label);
    fits.push({ periodFrom: from, periodTo: to, overlap: fit.overlap, fit: curve, estimated: estimates.size, filled });
  }
  return fits;
}

const pct = (ratio: number) => Math.round(ratio * 1000) / 10;
