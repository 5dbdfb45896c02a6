// deleteExpiredRows: one retention table, bounded DELETE batches, progress heartbeated after each batch.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { RETENTION_TABLES, type DeleteExpiredRowsInput, type DeleteExpiredRowsProgress, type DeleteExpiredRowsResult } from '../../workflows/types/cleanup';
import { FailureType } from '../../workflows/types/failures';
import type { Orm } from './orm';

export async function deleteExpiredRows(orm: Orm, input: DeleteExpiredRowsInput): Promise<DeleteExpiredRowsResult> {
  const ctx = Context.current();
  // identifiers come from the fixed list only, never from the caller
  const target = RETENTION_TABLES.find((t) => t.table === input.table);
  if (!target) throw ApplicationFailure.nonRetryable(`table: ${input.table} is not a retention table`, FailureType.InvalidInput);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.cutoff)) throw ApplicationFailure.nonRetryable('cutoff: must be YYYY-MM-DD', FailureType.InvalidInput);
  const cutoff = target.type === 'date' ? '?::date' : `(?::date)::timestamp at time zone 'UTC'`;
  const older = `"${target.column}" < ${cutoff}`;
  // ctid: batches without assuming a primary key; each statement commits on its own, so locks stay short
  const sql = `delete from "${target.table}" where ctid = any(array(select ctid from "${target.table}" where ${older} limit ?))`;
  const resumed = ctx.info.heartbeatDetails as DeleteExpiredRowsProgress | undefined;
  const progress: DeleteExpiredRowsProgress = resumed ?? { table: target.table, cutoff: input.cutoff, batches: 0, deleted: 0 };
  const connection = orm.em.fork().getConnection();
  let batchesNow = 0;
  while (batchesNow < input.maxBatches) {
    if (ctx.cancellationSignal.aborted) throw ctx.cancellationSignal.reason;
    const res = await connection.execute<{ affectedRows: number }>(sql, [input.cutoff, input.batchSize], 'run');
    batchesNow++;
    progress.batches++;
    progress.deleted += res.affectedRows;
    ctx.heartbeat(progress);
    if (res.affectedRows < input.batchSize) return { deleted: progress.deleted, done: true };
  }
  return { deleted: progress.deleted, done: false };
}
