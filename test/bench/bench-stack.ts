// The collection benchmarks' stack, started here rather than shared with anything: a Temporal dev server, the bench's
// own PostgreSQL, the generic-contract adapters at the given simulator, and a worker on the 'bench' task queue.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createAdapters } from '../../activities/collectors';
import type { Orm } from '../../activities/db/orm';
import { loadConfig } from '../../workers/config/config';
import type { EmbeddedPostgresHandle } from '../../workers/dev-stack/embedded-postgres';
import { freePort } from '../../workers/dev-stack/ports';
import { resolveTemporalCli } from '../../workers/dev-stack/temporal-cli';
import { startTemporalDevServer } from '../../workers/dev-stack/temporal-dev-server';
import { createKeywordWorker } from '../../workers/temporal/create-worker';
import { installQuietRuntime } from '../../workers/temporal/runtime';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { startBenchDatabase } from './bench-database';
import { onStop } from './bench-teardown';

export interface BenchStack {
  pg: EmbeddedPostgresHandle;
  orm: Orm;
  temporalPort: number;
  client: Client;
  adapters: ReturnType<typeof createAdapters>;
  taskQueue: string;
}

export interface BenchStackOptions {
  log: (line: string) => void;
  /** The simulator's base URL of each platform, and its API key. */
  baseUrls: Record<Platform, string>;
  apiKey: string;
  ratePerSecond: number;
}

export async function startBenchStack({ log, baseUrls, apiKey, ratePerSecond }: BenchStackOptions): Promise<BenchStack> {
  installQuietRuntime({ level: 'ERROR' });
  const config = loadConfig();
  const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log });
  const temporalPort = await freePort();
  const temporal = await startTemporalDevServer({ cliPath: cli.path, port: temporalPort, namespace: 'default', log });
  onStop(temporal.stop);
  const { pg, orm } = await startBenchDatabase(log);
  const providers = Object.fromEntries(
    PLATFORMS.map((p) => [p, { platform: p, baseUrl: baseUrls[p], apiKey, ratePerSecond, timeoutMs: 10_000 }]),
  ) as Parameters<typeof createAdapters>[0];
  const adapters = createAdapters(providers);
  onStop(() => Promise.all(Object.values(adapters).map((a) => a.close())));
  const native = await NativeConnection.connect({ address: temporal.address });
  onStop(() => native.close());
  const taskQueue = 'bench';
  const worker = await createKeywordWorker({ connection: native, namespace: 'default', taskQueue, deps: { orm, adapters } });
  const workerDone = worker.run();
  onStop(async () => {
    worker.shutdown();
    await workerDone;
  });
  const connection = await Connection.connect({ address: temporal.address });
  onStop(() => connection.close());
  return { pg, orm, temporalPort, client: new Client({ connection }), adapters, taskQueue };
}
