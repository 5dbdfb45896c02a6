// cluster_models: the clusters a sharded processKeywords run fitted once on a sample of the day's keywords (migration
// ..._cluster_models); every shard activity loads the row by id (activities/processing/cluster-model.ts).
import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { ClusterModel } from '../../processing/cluster-model';

export interface ClusterModelRow {
  id: string;
  day: string;
  /** Keywords the model was fitted on. */
  sampleSize: number;
  model: ClusterModel;
  workflowId: string;
  createdAt: Date;
}

export const ClusterModelSchema = new EntitySchema<ClusterModelRow>({
  name: 'ClusterModel',
  tableName: 'cluster_models',
  indexes: [{ name: 'cluster_models_day_index', properties: ['day'] }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    day: { type: 'string', columnType: 'date' },
    sampleSize: { type: 'integer' },
    model: { type: 'json' },
    workflowId: { type: 'string', length: 200 },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
