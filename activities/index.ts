// createActivities(deps): every activity closes over one ORM and one adapter (HTTP pool) per provider.
import type { DeleteExpiredRowsInput, DeleteExpiredRowsResult } from '../workflows/types/cleanup';
import type { CollectBatchInput, CollectBatchResult } from '../workflows/types/collect-keywords';
import type { AnalyzeTrendsResult, ProcessKeywordsResult, TrainModelResult } from '../workflows/types/insights';
import type { CollectSegment, DailyKeywordUnionInput, KeywordListChunkInput, KeywordListSizeInput } from '../workflows/types/pipeline';
import type { CollectionFailedInput, EvaluateAlertsInput, EvaluateAlertsResult } from '../workflows/types/alerts';
import { alertFailed, deliverAlert, evaluateAlerts, pendingAlerts, raiseCollectionFailed } from './alerts/deliver';
import { collectBatch, type CollectDeps } from './collect/collect-batch';
import { dailyKeywordUnion } from './collect/daily-union';
import { countKeywordList, readKeywordList } from './db/repositories/keyword-list-items';
import { deleteExpiredRows } from './cleanup/delete-expired-rows';
import { validateUpload, writeUpload } from './imports/import-activities';
import { guarded } from './failures';
import { analyzeTrends, type AnalyzeTrendsActivityInput } from './insights/analyze-trends';
import { processKeywords, type ProcessKeywordsActivityInput } from './insights/process-keywords';
import { finishKeywordClusters, fitKeywordClusters, processKeywordShard, type KeywordShardInput } from './insights/process-shard';
import { trainModel, type TrainModelActivityInput } from './insights/train-model';

export type ActivityDeps = CollectDeps & {
  /** ALERT_WEBHOOK_ALLOW_PRIVATE: alert webhooks may reach private, loopback and metadata addresses (default false). */
  allowPrivateWebhooks?: boolean;
};

export function createActivities(deps: ActivityDeps) {
  return {
    // guarded: an unexpected error reaches Temporal as a short typed failure (activities/failures.ts)
    collectBatch: guarded((input: CollectBatchInput): Promise<CollectBatchResult> => collectBatch(deps, input)),
    processKeywords: guarded((input: ProcessKeywordsActivityInput): Promise<ProcessKeywordsResult> => processKeywords(deps.orm, input)),
    fitKeywordClusters: guarded((input: { day?: string; clusters?: number; workflowId: string }) => fitKeywordClusters(deps.orm, input)),
    processKeywordShard: guarded((input: KeywordShardInput) => processKeywordShard(deps.orm, input)),
    finishKeywordClusters: guarded((input: { day: string; clusterModelId: string; clusterSizes: number[]; workflowId: string }) =>
      finishKeywordClusters(deps.orm, input),
    ),
    analyzeTrends: guarded((input: AnalyzeTrendsActivityInput): Promise<AnalyzeTrendsResult> => analyzeTrends(deps.orm, input)),
    trainModel: guarded((input: TrainModelActivityInput): Promise<TrainModelResult> => trainModel(deps.orm, input)),
    keywordListSize: guarded(async (input: KeywordListSizeInput): Promise<{ size: number }> => ({
      size: await countKeywordList(deps.orm.em.fork(), input.list),
    })),
    keywordListChunk: guarded(async (input: KeywordListChunkInput): Promise<{ keywords: string[] }> => ({
      keywords: await readKeywordList(deps.orm.em.fork(), input.list, input.offset, input.limit),
    })),
    dailyKeywordUnion: guarded((input: DailyKeywordUnionInput): Promise<{ segments: CollectSegment[] }> =>
      dailyKeywordUnion(deps.orm.em.fork(), input),
    ),
    evaluateAlerts: guarded((input: EvaluateAlertsInput): Promise<EvaluateAlertsResult> => evaluateAlerts(deps.orm.em.fork(), input)),
    raiseCollectionFailed: guarded((input: CollectionFailedInput): Promise<EvaluateAlertsResult> =>
      raiseCollectionFailed(deps.orm.em.fork(), input),
    ),
    pendingAlerts: guarded((input: { limit: number }) => pendingAlerts(deps.orm.em.fork(), input)),
    deliverAlert: guarded((input: { eventId: string }) => deliverAlert(() => deps.orm.em.fork(), input, deps.allowPrivateWebhooks)),
    alertFailed: guarded((input: { eventId: string; reason: string }) => alertFailed(deps.orm.em.fork(), input)),
    deleteExpiredRows: guarded((input: DeleteExpiredRowsInput): Promise<DeleteExpiredRowsResult> => deleteExpiredRows(deps.orm, input)),
    validateUpload: guarded((input: { uploadId: string }) => validateUpload(deps.orm, input)),
    writeUpload: guarded((input: { uploadId: string; workflowId: string }) => writeUpload(deps.orm, input)),
  };
}

export type Activities = ReturnType<typeof createActivities>;
