// `npm start`: the whole system on embedded defaults (or on what the environment points at), in one process.
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { listenApi } from '../api/listen';
import { createAdapters } from '../activities/collectors';
import { sharedLimits } from '../activities/collectors/deployment-limiter';
import { providerLimitsStore } from '../activities/db/repositories/provider-limits';
import { createGoogleAdsSource } from '../activities/collectors/google-ads/adapter';
import { startSimulator } from './simulator/server';
import { loadDotEnv, loadConfig, type AppConfig } from './config/config';
import { Closers } from './temporal/closers';
import { createKeywordWorker } from './temporal/create-worker';
import { openDatabase } from './dev-stack/database';
import { printInsights } from './cli/insights-summary';
import { printCollection, runOnce } from './cli/once';
import { installQuietRuntime } from './temporal/runtime';
import { applyConfiguredSchedules } from './temporal/schedules';
import { ensureSearchAttributes } from './temporal/search-attributes';
import { demandSettings, unconfiguredPlatforms, withSimulatorFallback } from './dev-stack/simulator-fallback';
import { GOOGLE_ADS_CREDENTIALS } from './config/demand-env';
import { CREDENTIALS } from './config/official-env';
import { localTemporal } from './dev-stack/local-temporal';
import { supervise } from './dev-stack/supervise';

const log = (line: string) => console.log(`[start] ${line}`);

async function main(argv: string[]): Promise<number> {
  const once = argv.includes('--once');
  loadDotEnv();
  const config = loadConfig();
  installQuietRuntime({ metricsPort: config.workerMetricsPort });
  const closers = new Closers();
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      log('stopping…');
      resolve();
      // a second Ctrl-C while stopping means "now"
      process.once('SIGINT', () => process.exit(130));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // a server this process started that dies ends the stack, naming it (exit 1), rather than leaving it half alive
  const supervisor = supervise();
  try {
    const orm = await openDatabase(config, closers, log, supervisor);

    const temporal = await localTemporal(config, closers, { log, supervisor });
    const { providers, demandSettings } = await providersOrSimulator(config, closers);
    // the same limits as standalone workers sharing this database: the rate and quota hold for all of them
    const adapters = createAdapters(
      providers,
      {},
      sharedLimits((provider) => providerLimitsStore(orm, provider)),
    );
    closers.add('provider clients', () => Promise.all(Object.values(adapters).map((a) => a.close())));
    const demand = demandSettings && createGoogleAdsSource(demandSettings);
    if (demand) closers.add('demand source client', () => demand.close());

    const nativeConnection = await NativeConnection.connect({ address: temporal.address });
    closers.add('worker connection', () => nativeConnection.close());
    const { namespace, taskQueue } = config.temporal;
    await ensureSearchAttributes(nativeConnection, namespace, log);
    const worker = await createKeywordWorker({
      connection: nativeConnection,
      namespace,
      taskQueue,
      deps: { orm, adapters, demand, allowPrivateWebhooks: config.allowPrivateWebhooks },
    });
    const workerDone = worker.run();
    closers.add('worker', async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerDone;
    });
    const connection = await Connection.connect({ address: temporal.address });
    closers.add('client connection', () => connection.close());
    const client = new Client({ connection, namespace });
    log(`worker polling task queue '${taskQueue}'`);
    if (config.workerMetricsPort) log(`worker metrics:  http://localhost:${config.workerMetricsPort}/metrics`);

    if (once) {
      const { keywords, platforms } = config.daily;
      const day = new Date().toISOString().slice(0, 10);
      const result = await runOnce({ client, orm, taskQueue, namespace, uiUrl: temporal.uiUrl, keywords, platforms, day });
      const collected = result.collect?.platforms ?? [];
      await printCollection(orm, result.day, collected, keywords);
      await printInsights(orm, result.day, result.train ?? null, keywords);
      return collected.some((p) => p.errors.length > 0) ? 2 : 0;
    }
    // the full stack only: --once is one run, not a standing system
    await applyConfiguredSchedules(client, config, log);
    // out of the box: without API_KEY, a key made for this run, printed once
    const apiKey = config.api.apiKey ?? randomBytes(24).toString('base64url');
    if (!config.api.apiKey)
      log(
        `API key for this run: ${apiKey}  (sign in to the dashboard with it, send it as X-API-Key on POST routes; set API_KEY to choose your own)`,
      );
    const api = listenApi(
      { client, orm, temporal: { namespace, taskQueue, uiUrl: temporal.uiUrl } },
      { ...config.api, apiKey },
      config.port,
    );
    closers.add('API', () => api.close());
    log(`Dashboard:       http://localhost:${config.port}  (docs/dashboard.md)`);
    log(`API:             http://localhost:${config.port}  (try GET /health; docs at /docs)`);
    log(`Temporal Web UI: ${temporal.uiUrl}`);
    log('ready — Ctrl-C stops everything');
    const ended = await Promise.race([stopped, workerDone, supervisor.died]);
    // a dead server may also have ended the worker first
    const died = typeof ended === 'string' ? ended : supervisor.check();
    if (died) {
      log(`${died}: stopping the stack (npm start starts it again, with the data kept)`);
      // also if a library's exit hook ends the process while the rest is being closed
      process.exitCode = 1;
      return 1;
    }
    return 0;
  } finally {
    // what stops from here on is stopped on purpose
    supervisor.stop();
    await closers.closeAll(log);
    log('stopped');
  }
}

/**
 * Platforms without a provider of their own, official adapters without credentials and a demand source without
 * credentials are served by the simulator, with a key made for this run; real credentials always win.
 */
async function providersOrSimulator(config: AppConfig, closers: Closers) {
  const missing = unconfiguredPlatforms(config.providers);
  const demandSimulated = config.demand !== undefined && config.demand.credentials === undefined;
  if (missing.length === 0 && !demandSimulated)
    return { providers: config.providers, demandSettings: demandSettings(config.demand, undefined) };
  const apiKey = randomBytes(24).toString('base64url');
  const sim = await startSimulator({ apiKeys: { amazon: apiKey, etsy: apiKey, ebay: apiKey }, port: 0 });
  closers.add('provider simulator', () => sim.close());
  const simulator = { url: sim.url, apiKey };
  const providers = withSimulatorFallback(config.providers, simulator);
  for (const p of missing) {
    const adapter = config.providers[p].adapter ?? 'seed';
    const how =
      adapter === 'seed'
        ? `seed contract on ${providers[p].baseUrl} (set ${p.toUpperCase()}_PROVIDER_URL, or ${p.toUpperCase()}_ADAPTER with its credentials, for real data)`
        : `${adapter} without credentials: its simulated API on ${providers[p].baseUrl} (set ${CREDENTIALS[adapter].join(', ')} for real data)`;
    log(`SIMULATED DATA for ${p}: ${how}`);
  }
  const demand = demandSettings(config.demand, simulator);
  if (demandSimulated && demand)
    log(
      `SIMULATED DATA for demand (DEMAND_SOURCE=google-ads without credentials): simulated Google Ads API on ${demand.baseUrl} (set ${GOOGLE_ADS_CREDENTIALS.join(', ')} for real data)`,
    );
  return { providers, demandSettings: demand };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
