// A worker process for an existing Temporal server and PostgreSQL (production, compose, the crash test).
import { pathToFileURL } from 'node:url';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { configuredPlatforms, createConfiguredAdapters, hasCredentials } from '../activities/collectors';
import { createGoogleAdsSource } from '../activities/collectors/google-ads/adapter';
import { sharedLimits } from '../activities/collectors/deployment-limiter';
import { providerLimitsStore } from '../activities/db/repositories/provider-limits';
import { PLATFORMS } from '../workflows/types/platforms';
import { GOOGLE_ADS_CREDENTIALS } from './config/demand-env';
import { CREDENTIALS } from './config/official-env';
import { loadDotEnv, loadConfig } from './config/config';
import { createOrm } from '../activities/db/orm';
import { Closers } from './temporal/closers';
import { createKeywordWorker } from './temporal/create-worker';
import { installQuietRuntime } from './temporal/runtime';
import { applyConfiguredSchedules } from './temporal/schedules';
import { ensureSearchAttributes } from './temporal/search-attributes';
import { demandSettings, withSimulatorFallback } from './dev-stack/simulator-fallback';

export async function runWorker(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env === process.env) loadDotEnv();
  const config = loadConfig(env);
  if (!config.temporal.address) throw new Error('Invalid configuration: TEMPORAL_ADDRESS is required for a standalone worker');
  if (!config.databaseUrl) throw new Error('Invalid configuration: DATABASE_URL is required for a standalone worker');
  installQuietRuntime({ metricsPort: config.workerMetricsPort });
  const providers = withSimulatorFallback(config.providers, config.simulator);
  // an official adapter or demand source without credentials is an error here, unless SIMULATOR_URL serves it
  for (const p of PLATFORMS) {
    const adapter = providers[p].adapter ?? 'seed';
    if (adapter !== 'seed' && !hasCredentials(providers[p])) {
      throw new Error(
        `Invalid configuration: ${CREDENTIALS[adapter].join(', ')} are required when ${p.toUpperCase()}_ADAPTER is ${adapter} (or SIMULATOR_URL for simulated data)`,
      );
    }
  }
  const demandConfig = demandSettings(config.demand, config.simulator);
  if (config.demand && !demandConfig) {
    throw new Error(
      `Invalid configuration: ${GOOGLE_ADS_CREDENTIALS.join(', ')} are required when DEMAND_SOURCE is google-ads (or SIMULATOR_URL for simulated data)`,
    );
  }
  const platforms = configuredPlatforms(providers);
  if (platforms.length === 0) {
    throw new Error(
      'Invalid configuration: no provider: set *_PROVIDER_URL or *_ADAPTER for a platform, or SIMULATOR_URL for simulated data',
    );
  }
  // each close attempted even if another fails, and whatever was opened before a failure is closed
  const closers = new Closers();
  const demand = demandConfig && createGoogleAdsSource(demandConfig);
  if (demand) closers.add('demand source client', () => demand.close());
  try {
    const orm = await createOrm(config.databaseUrl);
    closers.add('database', () => orm.close());
    // *_RATE_PER_SECOND and *_DAILY_QUOTA hold for the deployment: every worker claims its request slots in PostgreSQL
    const adapters = createConfiguredAdapters(
      providers,
      sharedLimits((provider) => providerLimitsStore(orm, provider)),
    );
    closers.add('provider clients', () => Promise.all(Object.values(adapters).map((a) => a?.close())));
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    closers.add('Temporal connection', () => connection.close());
    await ensureSearchAttributes(connection, config.temporal.namespace, console.log);
    const worker = await createKeywordWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      deps: { orm, adapters, demand, allowPrivateWebhooks: config.allowPrivateWebhooks },
    });
    console.log(`worker polling task queue '${config.temporal.taskQueue}' on ${config.temporal.address} for ${platforms.join(', ')}`);
    if (config.workerMetricsPort) console.log(`worker metrics:  http://localhost:${config.workerMetricsPort}/metrics`);
    await applyConfiguredSchedules(new Client({ connection, namespace: config.temporal.namespace }), config, console.log);
    // Worker.run() returns after SIGINT/SIGTERM, once in-flight tasks are drained
    await worker.run();
  } finally {
    await closers.closeAll(console.log);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runWorker().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
