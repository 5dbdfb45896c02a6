// cluster_models: the clusters a sharded processKeywords run fitted once (activities/processing/cluster-model.ts).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClusterModel } from '../../processing/cluster-model';

export interface NewClusterModel {
  day: string;
  sampleSize: number;
  model: ClusterModel;
  workflowId: string;
}

export async function insertClusterModel(em: EntityManager, row: NewClusterModel): Promise<string> {
  const [inserted] = await em
    .getConnection()
    .execute<{ id: string }[]>(
      `insert into "cluster_models" ("day", "sample_size", "model", "workflow_id", "created_at") values (?, ?, ?, ?, now()) returning "id"`,
      [row.day, row.sampleSize, JSON.stringify(row.model), row.workflowId],
    );
  return String(inserted!.id);
}

export async function loadClusterModel(em: EntityManager, id: string): Promise<ClusterModel | null> {
  const [row] = await em.getConnection().execute<{ model: ClusterModel }[]>(`select "model" from "cluster_models" where "id" = ?`, [id]);
  return row?.model ?? null;
}
