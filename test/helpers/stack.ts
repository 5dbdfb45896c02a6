// What workflow and API tests share: the run's Temporal server and PostgreSQL, a simulator, a worker factory.
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createConfiguredAdapters } from '../../activities/collectors';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/server';
import type { DemandSource } from '../../activities/collectors/demand-source';
import type { ProviderConfig } from '../../activities/collectors/provider-config';
import { createOrm, type Orm } from '../../activities/db/orm';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { bundleWorkflows, createKeywordWorker } from '../../workers/temporal/create-worker';
import { installQuietRuntime } from '../../workers/temporal/runtime';
import { provided } from './env';

export const uid = () => randomBytes(4).toString('hex');

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow bundle, built once per test file. */
export const workflowBundle = () => (bundle ??= bundleWorkflows());

export interface TestStack {
  orm: Orm;
  client: Client;
  sim: RunningSimulator;
  keys: Record<Platform, string>;
  providers: Record<Platform, ProviderConfig>;
  temporalAddress: string;
  databaseUrl: string;
  /** Runs a worker (on a fresh task queue unless one is given) while `fn` runs. */
  withWorker<T>(fn: (taskQueue: string) => Promise<T>, options?: WorkerOptions): Promise<T>;
  close(): Promise<void>;
}

export interface WorkerOptions {
  providers?: Record<Platform, ProviderConfig>;
  /** DEMAND_SOURCE's adapter, when the test fills demand. */
  demand?: DemandSource;
  taskQueue?: string;
  /** ALERT_WEBHOOK_ALLOW_PRIVATE: tests that deliver to a receiver on 127.0.0.1 set it. */
  allowPrivateWebhooks?: boolean;
}

export async function startTestStack(options: { day: string; ratePerSecond?: number; timeoutMs?: number }): Promise<TestStack> {
  // expected failures (faults under test) would otherwise fill the output with worker warnings
  installQuietRuntime({ level: 'ERROR' });
  const temporalAddress = provided('temporalAddress');
  const databaseUrl = provided('databaseUrl');
  const orm = await createOrm(databaseUrl);
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const keys = Object.fromEntries(PLATFORMS.map((p) => [p, `test-key-${p}-${uid()}`])) as Record<Platform, string>;
  const sim = await startSimulator({ apiKeys: keys, port: 0, day: () => options.day });
  const providers = Object.fromEntries(
    PLATFORMS.map((p) => [
      p,
      {
        platform: p,
        baseUrl: sim.baseUrls[p],
        apiKey: keys[p],
        ratePerSecond: options.ratePerSecond ?? 500,
        timeoutMs: options.timeoutMs ?? 2_000,
      },
    ]),
  ) as Record<Platform, ProviderConfig>;

  return {
    orm,
    client,
    sim,
    keys,
    providers,
    temporalAddress,
    databaseUrl,
    async withWorker(fn, { providers: withProviders = providers, taskQueue = `test-${uid()}`, demand, allowPrivateWebhooks } = {}) {
      const adapters = createConfiguredAdapters(withProviders);
      const worker = await createKeywordWorker({
        connection: nativeConnection,
        namespace: 'default',
        taskQueue,
        deps: { orm, adapters, demand, allowPrivateWebhooks },
        workflowBundle: await workflowBundle(),
      });
      try {
        return await worker.runUntil(fn(taskQueue));
      } finally {
        await Promise.all(Object.values(adapters).map((a) => a?.close()));
      }
    },
    async close() {
      await sim.close();
      await nativeConnection.close();
      await connection.close();
      await orm.close();
    },
  };
}
