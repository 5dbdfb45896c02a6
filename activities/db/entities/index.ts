// One entity per table: its interface is the table's row type everywhere (repositories, activities, API).
import { AlertDeliverySchema } from './alert-delivery';
import { AlertRuleSchema } from './alert-rule';
import { KeywordClusterSchema } from './keyword-cluster';
import { KeywordDemandEntrySchema } from './keyword-demand';
import { KeywordListSchema } from './keyword-list';
import { KeywordListItemSchema } from './keyword-list-item';
import { ModelVersionSchema } from './model-version';
import { ObservationSchema } from './observation';
import { ProcessedKeywordSchema } from './processed-keyword';
import { ProviderLimitSchema } from './provider-limit';
import { ReportUploadSchema } from './report-upload';
import { ReportedDemandSchema } from './reported-demand';
import { SearchTermRankSchema } from './search-term-rank';
import { ClusterModelSchema } from './cluster-model';
import { TrendAnalysisSchema } from './trend-analysis';

export { AlertDeliverySchema, type AlertDelivery, type DeliveryStatus } from './alert-delivery';
export { AlertRuleSchema, type AlertRule } from './alert-rule';
export { KeywordClusterSchema, type KeywordCluster } from './keyword-cluster';
export { KeywordDemandEntrySchema, type KeywordDemandEntry } from './keyword-demand';
export { KeywordListSchema, type KeywordList } from './keyword-list';
export { KeywordListItemSchema, type KeywordListItem } from './keyword-list-item';
export { ModelVersionSchema, type ModelVersion } from './model-version';
export { ObservationSchema, type NewObservation, type Observation } from './observation';
export { ProcessedKeywordSchema, type ProcessedKeyword } from './processed-keyword';
export { ProviderLimitSchema, type ProviderLimit } from './provider-limit';
export { ReportUploadSchema, type ReportUpload } from './report-upload';
export { ReportedDemandSchema, type ReportedDemand } from './reported-demand';
export { SearchTermRankSchema, type SearchTermRank } from './search-term-rank';
export { ClusterModelSchema, type ClusterModelRow } from './cluster-model';
export { TrendAnalysisSchema, type TrendAnalysis } from './trend-analysis';

export const entities = [
  ObservationSchema,
  ProcessedKeywordSchema,
  KeywordClusterSchema,
  TrendAnalysisSchema,
  ModelVersionSchema,
  KeywordListSchema,
  KeywordListItemSchema,
  AlertRuleSchema,
  AlertDeliverySchema,
  ProviderLimitSchema,
  KeywordDemandEntrySchema,
  ReportUploadSchema,
  ReportedDemandSchema,
  SearchTermRankSchema,
  ClusterModelSchema,
];
