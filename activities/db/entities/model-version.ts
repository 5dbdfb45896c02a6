// model_versions: one trained success model per version (migration ..._insights).
import { EntitySchema } from '@mikro-orm/core';
import type { ModelMetrics, VolumeSourceCounts } from '../../../workflows/types/insights';
import type { SerializedForest } from '../../ml/forest';
import type { PermutationImportance } from '../../ml/permutation-importance';
import type { TrainedSuccessModel } from '../../ml/success';

export interface ModelVersion {
  version: number;
  createdAt: Date;
  algorithm: string;
  target: string;
  features: string[];
  horizonDays: number;
  trainingFrom: string | null;
  trainingTo: string | null;
  /** volumeSources: the training rows by volume source (absent on versions trained before they were counted). */
  metrics: ModelMetrics & { volumeSources?: VolumeSourceCounts };
  featureRanges: TrainedSuccessModel['featureRanges'];
  forest: SerializedForest;
  /** Null: trained before importances were recorded (migration ..._feature_importance), or not computable. */
  featureImportance: PermutationImportance | null;
  workflowId: string;
}

export const ModelVersionSchema = new EntitySchema<ModelVersion>({
  name: 'ModelVersion',
  tableName: 'model_versions',
  properties: {
    version: { type: 'integer', primary: true, autoincrement: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    algorithm: { type: 'string', length: 100 },
    target: { type: 'string', length: 100 },
    features: { type: 'json' },
    horizonDays: { type: 'integer' },
    trainingFrom: { type: 'string', columnType: 'date', nullable: true },
    trainingTo: { type: 'string', columnType: 'date', nullable: true },
    metrics: { type: 'json' },
    featureRanges: { type: 'json' },
    // loaded only to predict: lazy keeps GET /models light
    forest: { type: 'json', lazy: true },
    featureImportance: { type: 'json', nullable: true },
    workflowId: { type: 'string', length: 200 },
  },
});
