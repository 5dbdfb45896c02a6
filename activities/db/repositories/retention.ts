// The retention tables' one statement: delete a bounded batch of rows older than a cutoff day.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RetentionTable } from '../../../workflows/types/cleanup';

/**
 * Deletes at most `batchSize` rows of `target` older than `cutoff` (YYYY-MM-DD, UTC); returns how many.
 * Identifiers come from RETENTION_TABLES only, never from a caller. ctid: batches without assuming a primary key;
 * each statement commits on its own, so locks stay short.
 */
export async function deleteExpiredBatch(em: EntityManager, target: RetentionTable, cutoff: string, batchSize: number): Promise<number> {
  const before = target.type === 'date' ? '?::date' : `(?::date)::timestamp at time zone 'UTC'`;
  const older = `"${target.column}" < ${before}`;
  const sql = `delete from "${target.table}" where ctid = any(array(select ctid from "${target.table}" where ${older} limit ?))`;
  const res = await em.getConnection().execute<{ affectedRows: number }>(sql, [cutoff, batchSize], 'run');
  return res.affectedRows;
}
