// What collecting through Temporal costs beside a plain loop: N keywords × 3 platforms collected by the
// collectKeywords workflow (worker in this process, PostgreSQL, Temporal dev server), and, in the same run, the
// same adapters called by a plain loop at the same concurrency against the same simulator (a separate process),
// storing nothing. The last line printed is one JSON object: both wall times, their ratio, and the CPU per
// observation of this process (worker or loop), the Temporal server, PostgreSQL and the simulator, with the load.
//
//   npm run bench:collection -- [--keywords 2000] [--batch-size 50] [--concurrency 4] [--rounds 2]
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createAdapters } from '../../activities/collectors';
import { createOrm, migrate } from '../../activities/db/orm';
import { loadConfig } from '../../workers/config/config';
import { startEmbeddedPostgres } from '../../workers/dev-stack/embedded-postgres';
import { freePort } from '../../workers/dev-stack/ports';
import { resolveTemporalCli } from '../../workers/dev-stack/temporal-cli';
import { startTemporalDevServer } from '../../workers/dev-stack/temporal-dev-server';
import { createKeywordWorker } from '../../workers/temporal/create-worker';
import { installQuietRuntime } from '../../workers/temporal/runtime';
import { collectKeywords } from '../../workflows/collect-keywords';
import { PLATFORMS } from '../../workflows/types/platforms';
import { measure, type Meters } from './collection-meters';
import { plainLoop } from './plain-loop';

const { values: args } = parseArgs({
  options: {
    keywords: { type: 'string', default: '2000' },
    'batch-size': { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
  },
});
const N = Number(args.keywords);
const BATCH = Number(args['batch-size']);
const CONCURRENCY = Number(args.concurrency);
const log = (line: string) => console.error(`[bench] ${line}`);
const stops: (() => Promise<unknown>)[] = [];
const KEY = 'bench-key';

async function main() {
  installQuietRuntime({ level: 'ERROR' });
  const config = loadConfig();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kw-bench-'));
  await chmod(tmp, 0o755);
  stops.push(() => rm(tmp, { recursive: true, force: true }));
  const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log });
  const temporalPort = await freePort();
  const temporal = await startTemporalDevServer({ cliPath: cli.path, port: temporalPort, namespace: 'default', log });
  stops.push(temporal.stop);
  const pg = await startEmbeddedPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort(), log });
  stops.push(pg.stop);
  const orm = await createOrm(pg.url);
  stops.push(() => orm.close());
  await migrate(orm);
  const sim = await startSimulatorProcess();
  // no limit of ours binds: the comparison is about overhead, not about waiting
  const adapters = createAdapters(
    Object.fromEntries(
      PLATFORMS.map((p) => [
        p,
        {
          platform: p,
          baseUrl: `${sim.url}/${p}`,
          apiKey: KEY,
          ratePerSecond: 100_000,
          timeoutMs: 10_000,
        },
      ]),
    ) as Parameters<typeof createAdapters>[0],
  );
  stops.push(() => Promise.all(Object.values(adapters).map((a) => a.close())));
  const native = await NativeConnection.connect({ address: temporal.address });
  stops.push(() => native.close());
  const worker = await createKeywordWorker({ connection: native, namespace: 'default', taskQueue: 'bench', deps: { orm, adapters } });
  const workerDone = worker.run();
  stops.push(async () => {
    worker.shutdown();
    await workerDone;
  });
  const connection = await Connection.connect({ address: temporal.address });
  stops.push(() => connection.close());
  const client = new Client({ connection });
  const meters: Meters = { pgDir: pg.clusterDir, temporalPort, simulatorPid: sim.pid };

  const rounds = [];
  for (let round = 0; round < Number(args.rounds); round++) {
    // fresh keywords each time: every run collects and stores, none only updates
    const keywords = (tag: string) => Array.from({ length: N }, (_, i) => `${tag} r${round} printable planner ${i}`);
    const loop = await measure(meters, N * PLATFORMS.length, () => plainLoop(adapters, keywords('loop'), CONCURRENCY * PLATFORMS.length));
    log(`round ${round}: plain loop ${loop.wallSeconds} s`);
    const flow = await measure(meters, N * PLATFORMS.length, async () => {
      const result = await client.workflow.execute(collectKeywords, {
        taskQueue: 'bench',
        workflowId: `collection-cost-${round}-${Date.now()}`,
        args: [{ keywords: keywords('flow'), platforms: [...PLATFORMS], batchSize: BATCH, concurrency: CONCURRENCY }],
      });
      const collected = result.platforms.reduce((sum, p) => sum + p.collected, 0);
      if (collected !== N * PLATFORMS.length) throw new Error(`the workflow collected ${collected} of ${N * PLATFORMS.length}`);
    });
    log(`round ${round}: workflow ${flow.wallSeconds} s`);
    rounds.push({ round, loop, workflow: flow, wallRatio: +(flow.wallSeconds / loop.wallSeconds).toFixed(2) });
  }
  const ratios = rounds.map((r) => r.wallRatio).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'collection-cost',
      keywords: N,
      platforms: PLATFORMS.length,
      batchSize: BATCH,
      concurrencyPerPlatform: CONCURRENCY,
      medianWallRatio: ratios[Math.floor(ratios.length / 2)],
      rounds,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
    }),
  );
}

async function startSimulatorProcess(): Promise<{ url: string; pid: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/simulator.ts'], {
    env: { ...process.env, SIMULATOR_API_KEY: KEY, SIMULATOR_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stops.push(async () => child.kill('SIGTERM'));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening on') && resolve());
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid! };
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
