// keywordPipeline at scale: N keywords (default 100,000) × 3 platforms on a fresh Temporal dev server and
// PostgreSQL started here in a temporary folder, against the provider simulator. The last line printed is
// { keywords, wallSeconds, runs, children, maxEventsPerRun, maxHistoryBytes, perRun, result }: how large the
// biggest history got, next to Temporal's warning thresholds (10,240 events, 10 MB).
//
//   npx tsx test/bench/pipeline-scale.ts [--keywords 100000] [--steps collect,process,analyze,train]
//                                        [--chunk-size 10000] [--concurrency 2] [--chunks-per-run 4]
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createAdapters } from '../../activities/collectors';
import { startSimulator } from '../../workers/simulator/server';
import { loadConfig } from '../../workers/config/config';
import { startEmbeddedPostgres } from '../../workers/dev-stack/embedded-postgres';
import { saveKeywordList } from '../../activities/db/repositories/keyword-list-items';
import { createOrm, migrate } from '../../activities/db/orm';
import type { keywordPipeline } from '../../workflows/pipeline';
import type { PipelineStep } from '../../workflows/types/pipeline';
import { PLATFORMS } from '../../workflows/types/platforms';
import { createKeywordWorker } from '../../workers/temporal/create-worker';
import { freePort } from '../../workers/dev-stack/ports';
import { installQuietRuntime } from '../../workers/temporal/runtime';
import { resolveTemporalCli } from '../../workers/dev-stack/temporal-cli';
import { startTemporalDevServer } from '../../workers/dev-stack/temporal-dev-server';

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
const stops: (() => Promise<unknown>)[] = [];

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
  installQuietRuntime({ level: 'ERROR' });
  const config = loadConfig();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kw-bench-'));
  await chmod(tmp, 0o755);
  stops.push(() => rm(tmp, { recursive: true, force: true }));
  const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log });
  const temporal = await startTemporalDevServer({ cliPath: cli.path, port: await freePort(), namespace: 'default', log });
  stops.push(temporal.stop);
  const pg = await startEmbeddedPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort(), log });
  stops.push(pg.stop);
  const orm = await createOrm(pg.url);
  stops.push(() => orm.close());
  await migrate(orm);
  const key = 'bench-key';
  const sim = await startSimulator({ apiKeys: { amazon: key, etsy: key, ebay: key }, port: 0 });
  stops.push(() => sim.close());
  const adapters = createAdapters(
    Object.fromEntries(
      PLATFORMS.map((p) => [
        p,
        {
          platform: p,
          baseUrl: sim.baseUrls[p],
          apiKey: key,
          ratePerSecond: 5_000,
          timeoutMs: 10_000,
        },
      ]),
    ) as Parameters<typeof createAdapters>[0],
  );
  stops.push(() => Promise.all(Object.values(adapters).map((a) => a.close())));
  const native = await NativeConnection.connect({ address: temporal.address });
  stops.push(() => native.close());
  const taskQueue = 'bench';
  const worker = await createKeywordWorker({ connection: native, namespace: 'default', taskQueue, deps: { orm, adapters } });
  const workerDone = worker.run();
  stops.push(async () => {
    worker.shutdown();
    await workerDone;
  });
  const connection = await Connection.connect({ address: temporal.address });
  stops.push(() => connection.close());
  const client = new Client({ connection });

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

main().then(
  async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  },
  async (err: unknown) => {
    console.error(err);
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(1);
  },
);
