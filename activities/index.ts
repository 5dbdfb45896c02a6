// createActivities(deps): every activity closes over one ORM and one adapter (HTTP pool) per provider.
import type { CollectBatchInput, CollectBatchResult } from '../workflows/types';
import { collectBatch, type CollectDeps } from './collect/collect-batch';

export type ActivityDeps = CollectDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    collectBatch: (input: CollectBatchInput): Promise<CollectBatchResult> => collectBatch(deps, input),
  };
}

export type Activities = ReturnType<typeof createActivities>;
