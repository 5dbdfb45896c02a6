// `npm start -- --once`: the daily pipeline once (collect → process → analyse → train) for the daily
// keywords, a progress bar while it collects, then the collection table and what the pipeline learnt.
import { SingleBar, Presets } from 'cli-progress';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import type { Orm } from '../../activities/db/orm';
import { observationsOfDay } from '../../activities/db/repositories/observations';
import { topOpportunities } from '../../activities/db/repositories/processed-keywords';
import type { Observation } from '../../activities/db/entities';
import type { keywordPipeline } from '../../workflows/pipeline';
import { pipelineSummary } from '../../workflows/pipeline-input';
import { collectProgressQuery } from '../../workflows/types/collect-keywords';
import type { KeywordPipelineResult, PipelinePlatformSummary } from '../../workflows/types/pipeline';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { SA_KEYWORD_COUNT, SA_PLATFORMS } from '../../workflows/types/search-attributes';
import { fingerprint } from '../../workflows/validation';
import { renderTable } from './table';

export interface OnceOptions {
  client: Client;
  orm: Orm;
  taskQueue: string;
  uiUrl: string;
  namespace: string;
  keywords: string[];
  platforms: Platform[];
  day: string;
}

export async function runOnce(o: OnceOptions): Promise<KeywordPipelineResult> {
  const input = { keywords: o.keywords, platforms: o.platforms, day: o.day };
  const workflowId = `pipeline-${o.day}-once-${fingerprint([...o.keywords].sort().join('\n') + o.platforms.join('.'))}`;
  const handle = await o.client.workflow.start<typeof keywordPipeline>('keywordPipeline', {
    workflowId,
    taskQueue: o.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: pipelineSummary(input),
    typedSearchAttributes: [
      { key: SA_PLATFORMS, value: o.platforms },
      { key: SA_KEYWORD_COUNT, value: o.keywords.length },
    ],
  });
  console.log(`workflow ${workflowId}: ${o.uiUrl}/namespaces/${o.namespace}/workflows/${encodeURIComponent(workflowId)}`);
  const total = o.keywords.length * o.platforms.length;
  // elapsed, not {eta_formatted}: cli-progress formats its 'INF'/'NULL' placeholder ETA as a time ('NFs')
  const bar = new SingleBar(
    {
      format: 'collecting [{bar}] {value}/{total} keyword×platform  {duration_formatted} elapsed',
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  // the collection is the pipeline's first child; until it starts, the query simply fails
  const collect = o.client.workflow.getHandle(`${workflowId}/collect`);
  const poll = setInterval(() => {
    collect.query(collectProgressQuery).then(
      (p) => bar.update(p.done),
      () => undefined,
    );
  }, 250);
  try {
    const result = await handle.result();
    bar.update(total);
    return result;
  } catch (err) {
    // "train step failed: …" says more than "Workflow execution failed"
    if (err instanceof WorkflowFailedError && err.cause) throw new Error(`${workflowId}: ${err.cause.message}`);
    throw err;
  } finally {
    clearInterval(poll);
    bar.stop();
  }
}

export async function printCollection(orm: Orm, day: string, platforms: PipelinePlatformSummary[], keywords: string[]): Promise<void> {
  const rows = await observationsOfDay(
    orm.em.fork(),
    day,
    keywords,
    platforms.map((p) => p.platform),
  );
  const scores = await scoresOf(orm, day, keywords);
  console.log(`\nKeyword metrics for ${day} (${rows.length} observations)\n`);
  console.log(
    renderTable(
      ['keyword', 'platform', 'search volume', 'volume source', 'competition', 'cpc', 'trend score', 'difficulty', 'opportunity'],
      rows.map((r) => {
        const s = scores.get(`${r.platform}\u0000${r.keyword}`);
        return [
          r.keyword,
          r.platform,
          r.searchVolume ?? 'unknown',
          volumeSource(r),
          fixed(r.competition, 3),
          fixed(r.cpc, 2),
          fixed(r.trendScore, 3),
          fixed(s?.difficultyScore ?? null, 3),
          fixed(s?.opportunityScore ?? null, 3),
        ];
      }),
    ),
  );
  console.log('');
  for (const p of platforms) {
    const status = p.errors.length ? `stopped: ${p.errors.join('; ')}` : 'ok';
    console.log(`${p.platform}: ${p.collected}/${p.requested} collected, ${p.failed} failed (${status})`);
    for (const f of p.failureSamples.slice(0, 20)) console.log(`  - ${f.keyword}: ${f.reason}`);
  }
}

/** Where the row's search volume came from: a demand source's label, else the row's own source. */
export function volumeSource(r: Pick<Observation, 'searchVolume' | 'source' | 'metricSources'>): string {
  if (r.searchVolume === null) return '-';
  return r.metricSources?.search_volume ?? r.source;
}

/** The day's difficulty and opportunity per platform and keyword (processKeywords has run by now). */
async function scoresOf(orm: Orm, day: string, keywords: string[]) {
  // every row of these keywords: at most one per keyword and platform
  const rows = await topOpportunities(orm.em.fork(), day, keywords, keywords.length * PLATFORMS.length);
  return new Map(rows.map((r) => [`${r.platform}\u0000${r.keyword}`, r]));
}

// an unknown metric (an official API that does not publish it) is shown as such, never as 0
const fixed = (value: number | null, digits: number) => (value === null ? 'unknown' : value.toFixed(digits));
