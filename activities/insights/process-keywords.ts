// processKeywords' activity: score, clean and cluster one day's observations, and store them.
import { Context } from '@temporalio/activity';
import { noVolumeSources, type ProcessKeywordsResult } from '../../workflows/types/insights';
import type { Orm } from '../db/orm';
import { processObservations } from '../processing/process';
import { loadObservations, newestObservedDay } from '../db/repositories/observations';
import { replaceClusters } from '../db/repositories/keyword-clusters';
import { upsertProcessedKeywords, type NewProcessedKeyword } from '../db/repositories/processed-keywords';
import type { ClusterSummary, ObservationInput } from '../processing/types';
import { countVolumeSources } from '../db/repositories/volume-sources';

export interface ProcessKeywordsActivityInput {
  day?: string;
  clusters?: number;
  workflowId: string;
}

export async function processKeywords(orm: Orm, input: ProcessKeywordsActivityInput): Promise<ProcessKeywordsResult> {
  const ctx = Context.current();
  const em = orm.em.fork();
  const day = input.day ?? (await newestObservedDay(em));
  if (!day) return { day: null, processed: 0, clusters: 0, volumeSources: noVolumeSources() };
  const loaded = await loadObservations(em, { from: day, to: day }, (n) => ctx.heartbeat({ stage: 'load', day, loaded: n }));
  // k-means fits on a sample drawn by position: a stable order gives the same clusters on every rerun
  const rows = loaded.sort((a, b) => (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : a.platform < b.platform ? -1 : 1));
  if (rows.length === 0) return { day, processed: 0, clusters: 0, volumeSources: noVolumeSources() };
  ctx.heartbeat({ stage: 'score and cluster', day, rows: rows.length });
  const { keywords, clusters } = scoreAndCluster(rows, input.clusters ?? 10);
  // one transaction: the day's processed rows and its clusters change together or not at all
  await em.transactional(async (tx) => {
    await upsertProcessedKeywords(tx, keywords, input.workflowId, (written) =>
      ctx.heartbeat({ stage: 'write', day, written, of: keywords.length }),
    );
    await replaceClusters(
      tx,
      day,
      clusters.map((c) => ({ clusterId: c.id, label: c.label, topTerms: c.topTerms, size: c.size })),
      input.workflowId,
    );
  });
  const volumeSources = await countVolumeSources(em, { from: day, to: day });
  return { day, processed: keywords.length, clusters: clusters.length, volumeSources };
}

/**
 * The pure scorer takes numbers; an unknown metric (an official API publishes no search volume, say)
 * goes in as 0 only so that the keyword is still clustered, and every score that depends on it comes
 * out unknown: difficulty needs competition, cpc and volume; opportunity needs volume, trend, competition.
 */
function scoreAndCluster(rows: ObservationInput[], k: number): { keywords: NewProcessedKeyword[]; clusters: ClusterSummary[] } {
  const filled = rows.map((r) => ({
    ...r,
    searchVolume: r.searchVolume ?? 0,
    competition: r.competition ?? 0,
    cpc: r.cpc ?? 0,
    trendScore: r.trendScore ?? 0,
  }));
  const { keywords, clusters } = processObservations(filled, { k });
  return {
    clusters,
    keywords: keywords.map((p, i) => {
      const r = rows[i]!;
      const volumeKnown = r.searchVolume !== null && r.competition !== null;
      return {
        ...p,
        searchVolume: r.searchVolume,
        competition: r.competition,
        cpc: r.cpc,
        trendScore: r.trendScore,
        difficultyScore: volumeKnown && r.cpc !== null ? p.difficultyScore : null,
        opportunityScore: volumeKnown && r.trendScore !== null ? p.opportunityScore : null,
      };
    }),
  };
}
