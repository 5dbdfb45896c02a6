// keyword_clusters: every statement on the table. A day's clusters are replaced together and read largest first.
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

/** The newest day that has clusters; null when none has. */
export async function newestClusterDay(em: EntityManager): Promise<string | null> {
  const knex = em.getKnex();
  return ((await knex('keyword_clusters').first(knex.raw('max(day)::text as day'))) as { day: string | null } | undefined)?.day ?? null;
}

/** A day's clusters, largest first (then by cluster ID). */
export async function clustersOfDay(
  em: EntityManager,
  day: string,
): Promise<Pick<KeywordCluster, 'clusterId' | 'label' | 'topTerms' | 'size'>[]> {
  const rows = await em.find(
    KeywordClusterSchema,
    { day },
    { orderBy: [{ size: 'desc' }, { clusterId: 'asc' }], disableIdentityMap: true },
  );
  return rows.map(({ clusterId, label, topTerms, size }) => ({ clusterId, label, topTerms, size }));
}
