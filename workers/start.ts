// `npm start`: the whole system on embedded defaults (or on what the environment points at), in one process.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { listenApi } from '../api/listen';
import { createAdapters } from '../activities/collectors';
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
import { unconfiguredPlatforms, withSimulatorFallback } from './dev-stack/simulator-fallback';
import { resolveTemporalCli } from './dev-stack/temporal-cli';
import { startTemporalDevServer } from './dev-stack/temporal-dev-server';
import { supervise, type Supervisor } from './dev-stack/supervise';

const log = (line: string) => console.log(`[start] ${line}`);

async function main(argv: string[]): Promise<number> {
  const once = argv.includes('--once');
  loadDotEnv();
  const config = loadConfig();
  installQuietRuntime();
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

    const temporal = await temporalServer(config, closers, supervisor);
    const providers = await providersOrSimulator(config, closers);
    const adapters = createAdapters(providers);
    closers.add('provider clients', () => Promise.all(Object.values(adapters).map((a) => a.close())));

    const nativeConnection = await NativeConnection.connect({ address: temporal.address });
    closers.add('worker connection', () => nativeConnection.close());
    const { namespace, taskQueue } = config.temporal;
    await ensureSearchAttributes(nativeConnection, namespace, log);
    const worker = await createKeywordWorker({ connection: nativeConnection, namespace, taskQueue, deps: { orm, adapters } });
    const workerDone = worker.run();
    closers.add('worker', async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerDone;
    });
    const connection = await Connection.connect({ address: temporal.address });
    closers.add('client connection', () => connection.close());
    const client = new Client({ connection, namespace });
    log(`worker polling task queue '${taskQueue}'`);

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
    if (!config.api.apiKey) log(`API key for this run: ${apiKey}  (send it as X-API-Key on POST routes; set API_KEY to choose your own)`);
    const api = listenApi({ client, orm, temporal: { namespace, taskQueue, uiUrl: temporal.uiUrl } }, { ...config.api, apiKey }, config.port);
    closers.add('API', () => api.close());
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

async function temporalServer(config: AppConfig, closers: Closers, supervisor: Supervisor): Promise<{ address: string; uiUrl: string }> {
  if (config.temporal.address) {
    log(`Temporal: ${config.temporal.address} (TEMPORAL_ADDRESS)`);
    return { address: config.temporal.address, uiUrl: config.temporal.uiUrl };
  }
  const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log });
  const dev = await startTemporalDevServer({
    cliPath: cli.path,
    dbFile: path.resolve(config.dataDir, 'temporal.db'),
    port: config.temporal.devPort,
    uiPort: config.temporal.uiPort,
    namespace: config.temporal.namespace,
    log,
  });
  closers.add('Temporal dev server', () => dev.stop());
  supervisor.watch({ name: 'Temporal dev server', pid: () => dev.pid });
  return { address: dev.address, uiUrl: dev.uiUrl ?? config.temporal.uiUrl };
}

/** Platforms without a configured provider are served by the simulator, with a key made for this run. */
async function providersOrSimulator(config: AppConfig, closers: Closers): Promise<AppConfig['providers']> {
  const missing = unconfiguredPlatforms(config.providers);
  if (missing.length === 0) return config.providers;
  const apiKey = randomBytes(24).toString('base64url');
  const sim = await startSimulator({ apiKeys: { amazon: apiKey, etsy: apiKey, ebay: apiKey }, port: 0 });
  closers.add('provider simulator', () => sim.close());
  log(`SIMULATED DATA for ${missing.join(', ')}: provider simulator on ${sim.url} (set *_PROVIDER_URL, or *_ADAPTER for an official API, for real data)`);
  return withSimulatorFallback(config.providers, { url: sim.url, apiKey });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
