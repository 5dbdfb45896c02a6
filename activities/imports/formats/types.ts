// What a format's parser returns: observation rows to upsert, per-keyword demand for a period to fill rows with, or
// search frequency ranks of one period (volumes only through a fit: activities/imports/estimate-volumes.ts).
import type { Platform } from '../../../workflows/types/platforms';
import type { ReportedDemand } from '../../db/entities';
import type { ObservationLine } from './observation-line';

/**
 * One keyword's demand from a report, as reported_demand stores it without the upload's own columns; a null number:
 * the report has none for it (never made up). `details`' `observation` object, if any, is merged into the details
 * of every observation row the keyword's numbers reach.
 */
export type DemandRow = Omit<ReportedDemand, 'id' | 'source' | 'uploadId'>;

/** One term's rank in a Search Terms report. */
export interface RankRow {
  keyword: string;
  /** ≥ 1; 1 is the marketplace's most searched term of the period. */
  rank: number;
  details: Record<string, unknown>;
}

export type ParsedReport =
  | { kind: 'observations'; rows: ObservationLine[] }
  | {
      kind: 'demand';
      /** The provenance label every value taken from this report carries. */
      label: { searchVolume: string; competition: string; cpc: string };
      /** The platforms whose rows take these numbers (null: every platform). */
      platforms: Platform[] | null;
      /** Which of a keyword's rows: those dated within the row's period, or from its first day on. */
      days: 'within-period' | 'from-period-start';
      /** Sources whose filled-in volumes this report's own platform number replaces (e.g. Google's on Amazon rows). */
      outranks: string[];
      rows: DemandRow[];
    }
  | {
      kind: 'ranks';
      /** DAY, WEEK, MONTH or QUARTER, and the days it covers. */
      reportPeriod: string;
      periodFrom: string;
      periodTo: string;
      rows: RankRow[];
    };

/** Parses every line or throws a ReportLineError; onLine is called as lines are done (for heartbeats). */
export type ReportParser = (lines: string[], onLine: (line: number) => void) => ParsedReport;
