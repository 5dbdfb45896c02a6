// cleanupOldData: deletes rows dated before the retention window, table by table, in bounded batches.
import { patched, proxyActivities, setCurrentDetails, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { KEYWORD_DEMAND_RETENTION_PATCH, RETENTION_TABLES, type CleanupOldDataInput, type CleanupOldDataResult } from './types/cleanup';
import { asInvalidInput, intIn } from './validation';
import { workflowDay } from './workflow-day';

const DAY_MS = 86_400_000;
/** Batches per activity call: one call deletes at most maxBatches × batchSize rows, then reports back. */
const MAX_BATCHES_PER_CALL = 200;

const { deleteExpiredRows } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  // heartbeats come after every batch; a batch far slower than this means a stuck statement or a dead worker
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 10 },
});

export async function cleanupOldData(input: CleanupOldDataInput = {}): Promise<CleanupOldDataResult> {
  const { retentionDays, batchSize, asOf } = validate(input);
  // histories recorded before keyword_demand existed replay without it
  const tables = patched(KEYWORD_DEMAND_RETENTION_PATCH) ? RETENTION_TABLES : RETENTION_TABLES.filter((t) => t.table !== 'keyword_demand');
  const cutoff = new Date(Date.parse(`${asOf}T00:00:00Z`) - retentionDays * DAY_MS).toISOString().slice(0, 10);
  const deleted: Record<string, number> = {};
  const show = (current?: string) =>
    setCurrentDetails(
      `Deleting rows dated before **${cutoff}** (${retentionDays} days up to ${asOf})\n\n` +
        tables.map(({ table }) => `${table}: ${deleted[table] ?? 0} deleted${table === current ? ' …' : ''}`).join('\n\n'),
    );
  for (const { table } of tables) {
    deleted[table] = 0;
    for (let done = false; !done;) {
      show(table);
      const out = await deleteExpiredRows({ table, cutoff, batchSize, maxBatches: MAX_BATCHES_PER_CALL });
      deleted[table] += out.deleted;
      done = out.done;
    }
  }
  show();
  return { asOf, retentionDays, cutoff, deleted };
}

function validate(input: CleanupOldDataInput) {
  return asInvalidInput(() => ({
    retentionDays: intIn('retentionDays', input.retentionDays, 90, 1, 36_500),
    batchSize: intIn('batchSize', input.batchSize, 5_000, 1, 100_000),
    asOf: input.asOf === undefined ? workflowInfo().startTime.toISOString().slice(0, 10) : workflowDay(input.asOf, 'asOf'),
  }));
}
