// One entity per table: its interface is the table's row type everywhere (repositories, activities, API).
import { KeywordClusterSchema } from './keyword-cluster';
import { ModelVersionSchema } from './model-version';
import { ObservationSchema } from './observation';
import { ProcessedKeywordSchema } from './processed-keyword';
import { SearchTermRankSchema } from './search-term-rank';
import { TrendAnalysisSchema } from './trend-analysis';

export { KeywordClusterSchema, type KeywordCluster } from './keyword-cluster';
export { ModelVersionSchema, type ModelVersion } from './model-version';
export { ObservationSchema, type NewObservation, type Observation } from './observation';
export { ProcessedKeywordSchema, type ProcessedKeyword } from './processed-keyword';
export { SearchTermRankSchema, type SearchTermRank } from './search-term-rank';
export { TrendAnalysisSchema, type TrendAnalysis } from './trend-analysis';

export const entities = [
  ObservationSchema,
  ProcessedKeywordSchema,
  KeywordClusterSchema,
  TrendAnalysisSchema,
  ModelVersionSchema,
  SearchTermRankSchema,
];
