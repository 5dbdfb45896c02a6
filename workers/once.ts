// `npm start -- --once`: one collection of the daily keywords, a progress bar, then the table.
import { SingleBar, Presets } from 'cli-progress';
import type { Client } from '@temporalio/client';
import type { Orm } from '../activities/db/orm';
import { ObservationSchema } from '../activities/db/entities';
import type { collectKeywords } from '../workflows/collect-keywords';
import { collectProgressQuery, SA_KEYWORD_COUNT, SA_PLATFORMS, type CollectKeywordsResult, type Platform } from '../workflows/types';
import { collectWorkflowId } from '../workflows/validation';
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

export async function runOnce(o: OnceOptions): Promise<CollectKeywordsResult> {
  const workflowId = collectWorkflowId(o.keywords, o.platforms, o.day);
  const handle = await o.client.workflow.start<typeof collectKeywords>('collectKeywords', {
    workflowId,
    taskQueue: o.taskQueue,
    args: [{ keywords: o.keywords, platforms: o.platforms, day: o.day }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: SA_PLATFORMS, value: o.platforms },
      { key: SA_KEYWORD_COUNT, value: o.keywords.length },
    ],
  });
  console.log(`workflow ${workflowId}: ${o.uiUrl}/namespaces/${o.namespace}/workflows/${encodeURIComponent(workflowId)}`);
  const total = o.keywords.length * o.platforms.length;
  const bar = new SingleBar({ format: 'collecting [{bar}] {value}/{total} keyword×platform  {eta_formatted}', noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic);
  bar.start(total, 0);
  const poll = setInterval(() => {
    handle.query(collectProgressQuery).then((p) => bar.update(p.done), () => undefined);
  }, 250);
  try {
    const result = await handle.result();
    bar.update(total);
    return result;
  } finally {
    clearInterval(poll);
    bar.stop();
  }
}

export async function printCollection(orm: Orm, result: CollectKeywordsResult, keywords: string[]): Promise<void> {
  const rows = await orm.em.fork().find(
    ObservationSchema,
    { day: result.day, keyword: { $in: keywords }, platform: { $in: result.platforms.map((p) => p.platform) } },
    { orderBy: { keyword: 'asc', platform: 'asc' } },
  );
  console.log(`\nKeyword metrics for ${result.day} (${rows.length} observations)\n`);
  console.log(renderTable(
    ['keyword', 'platform', 'search volume', 'competition', 'cpc', 'trend score'],
    rows.map((r) => [r.keyword, r.platform, r.searchVolume, fixed(r.competition, 3), fixed(r.cpc, 2), fixed(r.trendScore, 3)]),
  ));
  console.log('');
  for (const p of result.platforms) {
    const status = p.error ? `stopped: ${p.error}` : 'ok';
    console.log(`${p.platform}: ${p.collected}/${p.requested} collected, ${p.failures.length} failed (${status})`);
    for (const f of p.failures.slice(0, 20)) console.log(`  - ${f.keyword}: ${f.reason}`);
  }
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
