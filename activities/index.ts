// createActivities(deps): every activity closes over one ORM and one adapter (HTTP pool) per provider.
import type {
  AnalyzeTrendsResult, CollectBatchInput, CollectBatchResult, DeleteExpiredRowsInput, DeleteExpiredRowsResult,
  KeywordListChunkInput, KeywordListSizeInput, ProcessKeywordsResult, TrainModelResult,
} from '../workflows/types';
import { collectBatch, type CollectDeps } from './collect/collect-batch';
import { countKeywordList, readKeywordList } from './db/keyword-lists';
import { deleteExpiredRows } from './db/retention';
import { analyzeWindow, type AnalyzeWindowInput } from './insights/analyze';
import { processDay, type ProcessDayInput } from './insights/process-day';
import { trainVersion, type TrainInput } from './insights/train';

export type ActivityDeps = CollectDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    collectBatch: (input: CollectBatchInput): Promise<CollectBatchResult> => collectBatch(deps, input),
    processDay: (input: ProcessDayInput): Promise<ProcessKeywordsResult> => processDay(deps.orm, input),
    analyzeWindow: (input: AnalyzeWindowInput): Promise<AnalyzeTrendsResult> => analyzeWindow(deps.orm, input),
    trainVersion: (input: TrainInput): Promise<TrainModelResult> => trainVersion(deps.orm, input),
    keywordListSize: async (input: KeywordListSizeInput): Promise<{ size: number }> =>
      ({ size: await countKeywordList(deps.orm.em.fork(), input.list) }),
    keywordListChunk: async (input: KeywordListChunkInput): Promise<{ keywords: string[] }> =>
      ({ keywords: await readKeywordList(deps.orm.em.fork(), input.list, input.offset, input.limit) }),
    deleteExpiredRows: (input: DeleteExpiredRowsInput): Promise<DeleteExpiredRowsResult> => deleteExpiredRows(deps.orm, input),
  };
}

export type Activities = ReturnType<typeof createActivities>;
