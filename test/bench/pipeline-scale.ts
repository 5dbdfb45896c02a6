// keywordPipeline at scale: N keywords (default 100,000) × 3 platforms on a fresh Temporal dev server and
// PostgreSQL started here in a temporary folder, against the provider simulator. The last line printed is
// { keywords, wallSeconds, runs, children, maxEventsPerRun, maxHistoryBytes, perRun, result }: how large the
// biggest history got, next to Temporal's warning thresholds (10,240 events, 10 MB).
//
//   npx tsx test/bench/pipeline-scale.ts [--keywords 100000] [--steps collect,process,analyze,train]
//                                        [--chunk-size 10000] [--concurrency 2] [--chunks-per-run 4]
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import { startSimulator } from '../../workers/simulator/server';
import { saveKeywordList } from '../../activities/db/repositories/keyword-list-items';
import type { keywordPipeline } from '../../workflows/pipeline';
import type { PipelineStep } from '../../workflows/types/pipeline';
import { PLATFORMS } from '../../workflows/types/platforms';
import { startBenchStack } from './bench-stack';
import { onStop, runBench } from './bench-teardown';

const { values: args } = parseArgs({
  options: {
    keywords: { type: 'string', default: '100000' },
    steps: { type: 'string', default: 'collect,process,analyze,train' },
    'chunk-size': { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '2' },
    'chunks-per-run': { type: 'string', default: '4' },
  },
});
const N = Number(args.keywords);
const log = (line: string) => console.error(`[bench] ${line}`);

// realistic lengths (about 30 characters), all distinct
const MODS = ['printable', 'editable', 'boho', 'minimalist', 'vintage', 'modern', 'kids', 'aesthetic'];
const PRODUCTS = [
  'wedding planner',
  'svg bundle',
  'budget spreadsheet',
  'notion template',
  'lightroom preset',
  'resume template',
  'wall art',
];
const keywords = Array.from(
  { length: N },
  (_, i) => `${MODS[i % MODS.length]} ${PRODUCTS[Math.floor(i / MODS.length) % PRODUCTS.length]} ${i}`,
);

async function main() {
  const key = 'bench-key';
  const sim = await startSimulator({ apiKeys: { amazon: key, etsy: key, ebay: key }, port: 0 });
  onStop(() => sim.close());
  const { orm, client, taskQueue } = await startBenchStack({ log, baseUrls: sim.baseUrls, apiKey: key, ratePerSecond: 5_000 });

  const { list } = await saveKeywordList(orm.em.fork(), keywords);
  const id = `pipeline-bench-${N}`;
  const began = performance.now();
  const handle = await client.workflow.start<typeof keywordPipeline>('keywordPipeline', {
    taskQueue,
    workflowId: id,
    args: [
      {
        keywordList: list,
        platforms: [...PLATFORMS],
        steps: args.steps.split(',') as PipelineStep[],
        chunkSize: Number(args['chunk-size']),
        concurrency: Number(args.concurrency),
        chunksPerRun: Number(args['chunks-per-run']),
      },
    ],
  });
  const ticker = setInterval(() => {
    void orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from observations')
      .then(
        (r) => log(`${Math.round((performance.now() - began) / 1000)} s: ${r[0]!.n} observations`),
        () => undefined,
      );
  }, 30_000);
  const result = await handle.result().finally(() => clearInterval(ticker));
  const wallSeconds = Math.round(performance.now() - began) / 1000;

  // every run of the pipeline (continue-as-new chain), then every child it started
  const perRun: { workflowId: string; runId: string; events: number; bytes: number }[] = [];
  const children: string[] = [];
  for (let runId: string | null | undefined = handle.firstExecutionRunId; runId;) {
    const history = await client.workflow.getHandle(id, runId).fetchHistory();
    perRun.push(await sizeOf(client, id, runId));
    for (const e of history.events ?? []) {
      const child = e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      if (child) children.push(child);
    }
    runId = history.events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  const runs = perRun.length;
  for (const child of children) perRun.push(await sizeOf(client, child));
  console.log(
    JSON.stringify({
      keywords: N,
      platforms: PLATFORMS.length,
      steps: args.steps,
      wallSeconds,
      runs,
      children: children.length,
      maxEventsPerRun: Math.max(...perRun.map((r) => r.events)),
      maxHistoryBytes: Math.max(...perRun.map((r) => r.bytes)),
      perRun,
      result: {
        ...result,
        collect: result.collect && { ...result.collect, platforms: result.collect.platforms.map(({ failureSamples: _, ...p }) => p) },
      },
    }),
  );
}

async function sizeOf(client: Client, workflowId: string, runId?: string) {
  const d = await client.workflow.getHandle(workflowId, runId).describe();
  return { workflowId, runId: d.runId, events: d.historyLength, bytes: d.historySize ?? 0 };
}

runBench(main);
