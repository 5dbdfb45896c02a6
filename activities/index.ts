// createActivities(deps): every activity closes over one ORM and one adapter (HTTP pool) per provider.
import type { DeleteExpiredRowsInput, DeleteExpiredRowsResult } from '../workflows/types/cleanup';
import type { CollectBatchInput, CollectBatchResult } from '../workflows/types/collect-keywords';
import type { AnalyzeTrendsResult, ProcessKeywordsResult, TrainModelResult } from '../workflows/types/insights';
import type { KeywordListChunkInput, KeywordListSizeInput } from '../workflows/types/pipeline';
import { collectBatch, type CollectDeps } from './collect/collect-batch';
import { countKeywordList, readKeywordList } from './db/keyword-lists';
import { deleteExpiredRows } from './db/retention';
import { guarded } from './failures';
import { analyzeTrends, type AnalyzeTrendsActivityInput } from './insights/analyze-trends';
import { processKeywords, type ProcessKeywordsActivityInput } from './insights/process-keywords';
import { trainModel, type TrainModelActivityInput } from './insights/train-model';

export type ActivityDeps = CollectDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    // guarded: an unexpected error reaches Temporal as a short typed failure (activities/failures.ts)
    collectBatch: guarded((input: CollectBatchInput): Promise<CollectBatchResult> => collectBatch(deps, input)),
    processKeywords: guarded((input: ProcessKeywordsActivityInput): Promise<ProcessKeywordsResult> => processKeywords(deps.orm, input)),
    analyzeTrends: guarded((input: AnalyzeTrendsActivityInput): Promise<AnalyzeTrendsResult> => analyzeTrends(deps.orm, input)),
    trainModel: guarded((input: TrainModelActivityInput): Promise<TrainModelResult> => trainModel(deps.orm, input)),
    keywordListSize: guarded(async (input: KeywordListSizeInput): Promise<{ size: number }> =>
      ({ size: await countKeywordList(deps.orm.em.fork(), input.list) })),
    keywordListChunk: guarded(async (input: KeywordListChunkInput): Promise<{ keywords: string[] }> =>
      ({ keywords: await readKeywordList(deps.orm.em.fork(), input.list, input.offset, input.limit) })),
    deleteExpiredRows: guarded((input: DeleteExpiredRowsInput): Promise<DeleteExpiredRowsResult> => deleteExpiredRows(deps.orm, input)),
  };
}

export type Activities = ReturnType<typeof createActivities>;
