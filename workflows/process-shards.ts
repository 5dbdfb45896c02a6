// processKeywords in shards (workflows/insights.ts): the clusters are fitted once on a sample and stored
// (fitKeywordClusters); the day's observations are split by keyword hash into shards of about SHARD_ROWS rows,
// each an activity any worker can pick up (processKeywordShard, at most SHARD_CONCURRENCY at once), reading its
// rows page by page; finishKeywordClusters writes the day's clusters with the shards' counts.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { processProgressQuery, type ProcessKeywordsResult, type ProcessProgress } from './types/insights';

/** Rows per shard: a shard's activity holds one page at a time, so this sets only how work is spread. */
const SHARD_ROWS = 100_000;
const SHARD_CONCURRENCY = 4;

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export async function processInShards(
  day: string | undefined,
  clusters: number | undefined,
  workflowId: string,
): Promise<ProcessKeywordsResult> {
  const progress: ProcessProgress = { day: day ?? null, shards: 0, shardsDone: 0, processed: 0 };
  setHandler(processProgressQuery, () => progress);
  const fit = await acts.fitKeywordClusters({ day, clusters, workflowId });
  progress.day = fit.day;
  if (!fit.day || !fit.clusterModelId) return { day: fit.day, processed: 0, clusters: 0, volumeSources: fit.volumeSources };
  const { clusterModelId } = fit;
  const shards = Math.max(1, Math.ceil(fit.observations / SHARD_ROWS));
  progress.shards = shards;
  const sizes = new Array<number>(fit.clusters).fill(0);
  let next = 0;
  const runShards = async (): Promise<void> => {
    while (next < shards) {
      const shard = next++;
      const result = await acts.processKeywordShard({ day: fit.day!, shard, shards, clusterModelId, workflowId });
      result.clusterSizes.forEach((n, id) => (sizes[id]! += n));
      progress.shardsDone += 1;
      progress.processed += result.processed;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SHARD_CONCURRENCY, shards) }, runShards));
  const written = await acts.finishKeywordClusters({ day: fit.day, clusterModelId, clusterSizes: sizes, workflowId });
  return { day: fit.day, processed: progress.processed, clusters: written.clusters, volumeSources: fit.volumeSources };
}
