// deleteExpiredRows: one retention table, bounded DELETE batches, progress heartbeated after each batch.
import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  RETENTION_TABLES,
  type DeleteExpiredRowsInput,
  type DeleteExpiredRowsProgress,
  type DeleteExpiredRowsResult,
} from '../../workflows/types/cleanup';
import { FailureType } from '../../workflows/types/failures';
import type { Orm } from '../db/orm';
import { deleteExpiredBatch } from '../db/repositories/retention';

export async function deleteExpiredRows(orm: Orm, input: DeleteExpiredRowsInput): Promise<DeleteExpiredRowsResult> {
  const ctx = Context.current();
  // the table is one of the fixed list, never the caller's identifier
  const target = RETENTION_TABLES.find((t) => t.table === input.table);
  if (!target) throw ApplicationFailure.nonRetryable(`table: ${input.table} is not a retention table`, FailureType.InvalidInput);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.cutoff))
    throw ApplicationFailure.nonRetryable('cutoff: must be YYYY-MM-DD', FailureType.InvalidInput);
  const resumed = ctx.info.heartbeatDetails as DeleteExpiredRowsProgress | undefined;
  const progress: DeleteExpiredRowsProgress = resumed ?? { table: target.table, cutoff: input.cutoff, batches: 0, deleted: 0 };
  const em = orm.em.fork();
  let batchesNow = 0;
  while (batchesNow < input.maxBatches) {
    if (ctx.cancellationSignal.aborted) throw ctx.cancellationSignal.reason;
    const deleted = await deleteExpiredBatch(em, target, input.cutoff, input.batchSize);
    batchesNow++;
    progress.batches++;
    progress.deleted += deleted;
    ctx.heartbeat(progress);
    if (deleted < input.batchSize) return { deleted: progress.deleted, done: true };
  }
  return { deleted: progress.deleted, done: false };
}
