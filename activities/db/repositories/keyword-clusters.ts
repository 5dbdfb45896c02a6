// keyword_clusters: every statement on the table. A day's clusters are replaced together.
import type { EntityManager } from '@mikro-orm/postgresql';
import { KeywordClusterSchema, type KeywordCluster } from '../entities';

/** Replaces the day's clusters; in the em's transaction when it has one (processKeywords writes rows and clusters together). */
export async function replaceClusters(
  em: EntityManager,
  day: string,
  clusters: readonly Pick<KeywordCluster, 'clusterId' | 'label' | 'topTerms' | 'size'>[],
  workflowId: string,
): Promise<void> {
  await em.createQueryBuilder(KeywordClusterSchema).delete({ day }).execute('run');
  if (clusters.length === 0) return;
  const createdAt = new Date();
  await em
    .createQueryBuilder(KeywordClusterSchema)
    .insert(clusters.map((c) => ({ ...c, day, workflowId, createdAt })))
    .execute('run');
}
