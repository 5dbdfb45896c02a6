// The write of a parsed report inside the import's transaction: observation upserts (the one upsert path of
// activities/db/repositories/observations.ts), demand filling weaker values, or ranks and the volumes they allow.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RankVolumeFit } from '../../workflows/types/import-report';
import { upsertObservations } from '../db/repositories/observations';
import { fillFromDemand, insertReportedDemand } from '../db/repositories/reported-demand';
import { insertSearchTermRanks } from '../db/repositories/search-term-ranks';
import { estimateVolumes } from './estimate-volumes';
import { importedObservation, type ObservationLine } from './formats/observation-line';
import type { ParsedReport } from './formats/types';

export interface Written {
  written: Record<string, number>;
  fits?: RankVolumeFit[];
}

export async function writeObservations(em: EntityManager, rows: ObservationLine[], source: string, workflowId: string): Promise<Written> {
  const collectedAt = new Date();
  // keyed by (platform, keyword, day): a repeated line replaces the earlier one, as the upsert would
  const unique = new Map(rows.map((o) => [`${o.platform}\u0000${o.keyword}\u0000${o.day}`, o]));
  await upsertObservations(
    em,
    [...unique.values()].map((o) => importedObservation(o, source, collectedAt, workflowId)),
  );
  return { written: { observations: unique.size } };
}

/** Stores the report's keywords, then fills the keyword's observation rows of the report's platforms and days. */
export async function writeDemand(
  em: EntityManager,
  report: Extract<ParsedReport, { kind: 'demand' }>,
  uploadId: string,
  source: string,
): Promise<Written> {
  await insertReportedDemand(
    em,
    report.rows.map((r) => ({ ...r, source, uploadId })),
  );
  const filled = await fillFromDemand(em, uploadId, report);
  if (source !== 'amazon-sqp') return { written: { reported_demand: report.rows.length, ...filled } };
  // SQP volumes are what a Search Terms rank is fitted on: periods with ranks stored get (better) estimates now
  const periods = [...new Map(report.rows.map((r) => [`${r.periodFrom}/${r.periodTo}`, [r.periodFrom, r.periodTo] as const])).values()];
  const fits = await estimateVolumes(em, periods);
  return { written: { reported_demand: report.rows.length, ...filled, ...estimatedOf(fits) }, ...(fits.length ? { fits } : {}) };
}

/** Stores the period's ranks, then estimates volumes from them if the period's SQP volumes allow a fit. */
export async function writeRanks(em: EntityManager, report: Extract<ParsedReport, { kind: 'ranks' }>, uploadId: string): Promise<Written> {
  await insertSearchTermRanks(
    em,
    report.rows.map((r) => ({
      keyword: r.keyword,
      periodFrom: report.periodFrom,
      periodTo: report.periodTo,
      reportPeriod: report.reportPeriod,
      searchFrequencyRank: r.rank,
      estimatedSearchVolume: null,
      details: r.details,
      uploadId,
    })),
  );
  const fits = await estimateVolumes(em, [[report.periodFrom, report.periodTo]]);
  return { written: { search_term_ranks: report.rows.length, ...estimatedOf(fits) }, fits };
}

const estimatedOf = (fits: RankVolumeFit[]): Record<string, number> => {
  const filled = fits.reduce((n, f) => n + f.filled, 0);
  return filled > 0 ? { estimated_search_volume: filled } : {};
};
