// The write of a parsed report inside the import's transaction: observation upserts (the one upsert path of
// activities/db/repositories/observations.ts), or demand filling weaker values.
import type { EntityManager } from '@mikro-orm/postgresql';
import { upsertObservations } from '../db/repositories/observations';
import { fillFromDemand, insertReportedDemand } from '../db/repositories/reported-demand';
import { importedObservation, type ObservationLine } from './formats/observation-line';
import type { ParsedReport } from './formats/types';

export interface Written {
  written: Record<string, number>;
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
  return { written: { reported_demand: report.rows.length, ...filled } };
}
