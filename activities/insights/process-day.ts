// processKeywords' activity: score, clean and cluster one day's observations, and store them.
import { Context } from '@temporalio/activity';
import type { ProcessKeywordsResult } from '../../workflows/types';
import type { Orm } from '../db/orm';
import { processObservations } from '../processing/process';
import { loadObservations, newestObservedDay, upsertProcessed } from './store';

export interface ProcessDayInput {
  day?: string;
  clusters?: number;
  workflowId: string;
}

export async function processDay(orm: Orm, input: ProcessDayInput): Promise<ProcessKeywordsResult> {
  const ctx = Context.current();
  const em = orm.em.fork();
  const day = input.day ?? (await newestObservedDay(em));
  if (!day) return { day: null, processed: 0, clusters: 0 };
  const rows = await loadObservations(em, { from: day, to: day }, (loaded) => ctx.heartbeat({ stage: 'load', day, loaded }));
  if (rows.length === 0) return { day, processed: 0, clusters: 0 };
  ctx.heartbeat({ stage: 'score and cluster', day, rows: rows.length });
  const { keywords, clusters } = processObservations(rows, { k: input.clusters ?? 10 });
  // one transaction: the day's processed rows and its clusters change together or not at all
  await em.transactional(async (tx) => {
    const trx = tx.getTransactionContext();
    await upsertProcessed(tx, keywords, input.workflowId, trx, (written) => ctx.heartbeat({ stage: 'write', day, written, of: keywords.length }));
    const knex = tx.getKnex();
    await knex('keyword_clusters').where({ day }).delete().transacting(trx);
    if (clusters.length > 0) {
      const createdAt = new Date();
      await knex('keyword_clusters').transacting(trx).insert(clusters.map((c) => ({
        day, cluster_id: c.id, label: c.label, top_terms: JSON.stringify(c.topTerms), size: c.size, workflow_id: input.workflowId, created_at: createdAt,
      })));
    }
  });
  return { day, processed: keywords.length, clusters: clusters.length };
}
