// keyword_clusters: the clusters of one day's processed keywords (migration ..._insights), replaced per day.
import { EntitySchema } from '@mikro-orm/core';

export interface KeywordCluster {
  day: string;
  clusterId: number;
  /** Its strongest TF-IDF terms. */
  label: string;
  topTerms: string[];
  /** Distinct keywords in the cluster. */
  size: number;
  workflowId: string;
  createdAt: Date;
}

export const KeywordClusterSchema = new EntitySchema<KeywordCluster>({
  name: 'KeywordCluster',
  tableName: 'keyword_clusters',
  properties: {
    day: { type: 'string', columnType: 'date', primary: true },
    clusterId: { type: 'integer', primary: true },
    label: { type: 'string', length: 200 },
    topTerms: { type: 'json' },
    size: { type: 'integer' },
    workflowId: { type: 'string', length: 200 },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
