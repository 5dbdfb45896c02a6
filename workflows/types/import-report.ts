// importReport (workflows/import-report.ts) and its activities: a staged file in report_uploads, validated, then written.
import { defineQuery } from '@temporalio/workflow';

/**
 * observations: the project's own JSON lines (npm run generate); keyword-planner-csv: Google Ads "Keyword Stats" download;
 * amazon-sqp: Brand Analytics Search Query Performance report (weekly, JSON); amazon-search-terms: Brand Analytics
 * Search Terms report (JSON); amazon-sp-search-terms: Amazon Ads v3 Sponsored Products search-term report (JSON).
 */
export const IMPORT_FORMATS = [
  'observations',
  'keyword-planner-csv',
  'amazon-sqp',
  'amazon-search-terms',
  'amazon-sp-search-terms',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Larger files are refused before they are staged (HTTP 413, or the CLI's error). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportReportInput {
  /** report_uploads.id: the file stays in PostgreSQL, never in the workflow's history. */
  uploadId: string;
}

export interface ValidateUploadResult {
  format: ImportFormat;
  sha256: string;
  lines: number;
  /** Records the write would store (observations, or keywords of a demand report). */
  records: number;
  /** Set when these bytes were imported before: the workflow stops there, writing nothing. */
  importedBy: string | null;
}

export interface ImportReportResult {
  uploadId: string;
  format: ImportFormat;
  sha256: string;
  /** imported: written now; already-imported: the same bytes were imported by `importedBy`, nothing was written. */
  status: 'imported' | 'already-imported';
  importedBy: string;
  lines: number;
  records: number;
  /** Rows written by this run, by what: observations, or reported_demand and the observation values it filled ({} when already imported). */
  written: Record<string, number>;
  /** amazon-search-terms and amazon-sqp: the rank→volume fit of each period that has ranks (absent for other formats). */
  fits?: RankVolumeFit[];
  message: string;
}

/** One period's power-law fit of SQP volume on search frequency rank (activities/imports/rank-fit.ts). */
export interface RankVolumeFit {
  periodFrom: string;
  periodTo: string;
  /** Terms with both a rank and an SQP volume in the period. */
  overlap: number;
  /** log(volume) = a + b·log(rank), fitted on `trainedOn` terms; null when too few terms: ranks stored, volume unknown. */
  fit: { trainedOn: number; a: number; b: number; heldOut: number; heldOutMedianApe: number | null } | null;
  /** Ranks given an estimated volume, and the Amazon observation rows that took it. */
  estimated: number;
  filled: number;
  /** Why there is no fit. */
  reason?: string;
}

export type ImportPhase = 'validating' | 'writing' | 'done';

/** What the importProgress query answers; line-level progress is in the running activity's heartbeat details. */
export interface ImportProgress {
  phase: ImportPhase;
  uploadId: string;
  lines: number | null;
  records: number | null;
}

/** Heartbeat details of validateUpload and writeUpload: lines parsed of the file's total. */
export interface ImportLineProgress {
  step: 'validate' | 'write';
  line: number;
  totalLines: number;
}

export const importProgressQuery = defineQuery<ImportProgress>('importProgress');
