// Sharded processKeywords (workflows/insights.ts): fitKeywordClusters fits the clusters once on a sample of the
// day's keywords and stores them (cluster_models); processKeywordShard scores and assigns one shard of the day's
// observations, page by page, with that stored model; finishKeywordClusters writes the day's clusters with the
// shards' counts. Any worker can run any shard; a shard run again rewrites the same rows (upserts).
import { Context } from '@temporalio/activity';
import type { Orm } from '../db/orm';
import { insertClusterModel, loadClusterModel } from '../db/repositories/cluster-models';
import { replaceClusters } from '../db/repositories/keyword-clusters';
import { newestObservedDay } from '../db/repositories/observations';
import { sampleDayKeywords, shardPage, type ShardPosition } from '../db/repositories/observation-shards';
import { upsertProcessedKeywords } from '../db/repositories/processed-keywords';
import { assignClusters, fitClusterModel } from '../processing/cluster-model';
import { scoreRow } from './score-rows';
import { countVolumeSources } from '../db/repositories/volume-sources';
import { noVolumeSources, type VolumeSourceCounts } from '../../workflows/types/insights';

/** Distinct keywords the vocabulary, idf and labels are taken from (the centroids from 1,000 of them, as unsharded). */
const CLUSTER_SAMPLE = 20_000;
/** Observations per page of a shard: the activity's memory is one page and its scored rows. */
const SHARD_PAGE = 5_000;

export interface FitKeywordClustersResult {
  day: string | null;
  observations: number;
  clusterModelId: string | null;
  clusters: number;
  /** The day's observations by volume source: what the run reports as used. */
  volumeSources: VolumeSourceCounts;
}

export async function fitKeywordClusters(
  orm: Orm,
  input: { day?: string; clusters?: number; workflowId: string },
): Promise<FitKeywordClustersResult> {
  const em = orm.em.fork();
  const day = input.day ?? (await newestObservedDay(em));
  if (!day) return { day: null, observations: 0, clusterModelId: null, clusters: 0, volumeSources: noVolumeSources() };
  // one pass over the day counts its rows and their volume sources
  const volumeSources = await countVolumeSources(em, { from: day, to: day });
  const observations = Object.values(volumeSources).reduce((sum, n) => sum + n, 0);
  if (observations === 0) return { day, observations, clusterModelId: null, clusters: 0, volumeSources };
  const sample = await sampleDayKeywords(em, day, CLUSTER_SAMPLE);
  Context.current().heartbeat({ stage: 'fit clusters', day, sample: sample.length });
  // as unsharded processing: a single observation is not clustered
  const model = fitClusterModel(observations < 2 ? [] : sample, { k: input.clusters ?? 10 });
  const clusterModelId = await insertClusterModel(em, { day, sampleSize: sample.length, model, workflowId: input.workflowId });
  return { day, observations, clusterModelId, clusters: model.k, volumeSources };
}

export interface KeywordShardInput {
  day: string;
  shard: number;
  shards: number;
  clusterModelId: string;
  workflowId: string;
}

export interface KeywordShardResult {
  processed: number;
  /** Distinct keywords per cluster id in this shard. */
  clusterSizes: number[];
}

export async function processKeywordShard(orm: Orm, input: KeywordShardInput): Promise<KeywordShardResult> {
  const ctx = Context.current();
  const em = orm.em.fork();
  const model = await loadClusterModel(em, input.clusterModelId);
  if (!model) throw new Error(`cluster model ${input.clusterModelId} not found`);
  const clusterSizes = new Array<number>(model.k).fill(0);
  let after: ShardPosition | null = null;
  let processed = 0;
  for (;;) {
    const page = await shardPage(em, { day: input.day, shard: input.shard, shards: input.shards, after, limit: SHARD_PAGE });
    if (page.length === 0) break;
    const keywords = [...new Set(page.map((r) => r.keyword))];
    const ids = assignClusters(model, keywords);
    const idOf = new Map(keywords.map((k, i) => [k, ids[i]!]));
    // a keyword whose rows span two pages was counted on the first: pages are in keyword order
    keywords.forEach((k, i) => {
      if (k !== after?.keyword && ids[i]! >= 0) clusterSizes[ids[i]!]! += 1;
    });
    const rows = page.map((r) => scoreRow(r, model.k === 0 ? null : idOf.get(r.keyword)!));
    await upsertProcessedKeywords(em, rows, input.workflowId);
    processed += rows.length;
    const last = page[page.length - 1]!;
    after = { keyword: last.keyword, platform: last.platform };
    ctx.heartbeat({ shard: input.shard, processed });
    if (page.length < SHARD_PAGE) break;
  }
  return { processed, clusterSizes };
}

/** The day's clusters from the fitted model, each with the distinct keywords the shards assigned to it. */
export async function finishKeywordClusters(
  orm: Orm,
  input: { day: string; clusterModelId: string; clusterSizes: number[]; workflowId: string },
): Promise<{ clusters: number }> {
  const em = orm.em.fork();
  const model = await loadClusterModel(em, input.clusterModelId);
  if (!model) throw new Error(`cluster model ${input.clusterModelId} not found`);
  const clusters = model.clusters.map((c) => ({
    clusterId: c.id,
    label: c.label,
    topTerms: c.topTerms,
    size: input.clusterSizes[c.id] ?? 0,
  }));
  await replaceClusters(em, input.day, clusters, input.workflowId);
  return { clusters: clusters.length };
}
