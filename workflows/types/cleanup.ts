// cleanupOldData (workflows/cleanup.ts) and its deleteExpiredRows activity.
/** Tables the retention deletes from, by a date column; one line per table. Model versions are kept. */
export const RETENTION_TABLES: readonly RetentionTable[] = [
  { table: 'observations', column: 'day', type: 'date' },
  { table: 'processed_keywords', column: 'day', type: 'date' },
  { table: 'keyword_clusters', column: 'day', type: 'date' },
  { table: 'trend_analyses', column: 'created_at', type: 'timestamptz' },
  // a demand source's answers per keyword and day (DEMAND_SOURCE); runs started before it was retained skip it
  { table: 'keyword_demand', column: 'day', type: 'date' },
];

/** The patch id under which cleanupOldData also empties keyword_demand (workflows/cleanup.ts). */
export const KEYWORD_DEMAND_RETENTION_PATCH = 'keyword-demand-retention';

export interface RetentionTable {
  table: string;
  column: string;
  type: 'date' | 'timestamptz';
}

export interface CleanupOldDataInput {
  /** Days kept, counting back from asOf (default 90). */
  retentionDays?: number;
  /** Rows per DELETE statement (default 5,000). */
  batchSize?: number;
  /** YYYY-MM-DD the window ends at; defaults to the run's start day (UTC). */
  asOf?: string;
}

export interface CleanupOldDataResult {
  asOf: string;
  retentionDays: number;
  /** Rows dated before this day were deleted; this day and later were not touched. */
  cutoff: string;
  deleted: Record<string, number>;
}

export interface DeleteExpiredRowsInput {
  table: string;
  cutoff: string;
  batchSize: number;
  /** Batches before the activity returns, so one call stays short. */
  maxBatches: number;
}

export interface DeleteExpiredRowsResult {
  deleted: number;
  /** False when maxBatches was reached and older rows may remain. */
  done: boolean;
}

/** What deleteExpiredRows heartbeats: the progress a pending activity shows in the Web UI. */
export interface DeleteExpiredRowsProgress {
  table: string;
  cutoff: string;
  batches: number;
  deleted: number;
}
