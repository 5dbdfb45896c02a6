// The Temporal server an entry point of the local stack talks to: TEMPORAL_ADDRESS when set; otherwise the dev
// server on the stack's own data (DATA_DIR/temporal.db), started here. `npm run import` may also join the one a
// running `npm start` serves, so that an import works with the stack up or down.
import path from 'node:path';
import type { AppConfig } from '../config/config';
import type { Closers } from '../temporal/closers';
import { isPortInUse } from './ports';
import type { Supervisor } from './supervise';
import { resolveTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';

export interface LocalTemporalOptions {
  log: (line: string) => void;
  /** Watches the dev server started here (npm start). */
  supervisor?: Supervisor;
  /** Use the dev server already listening on TEMPORAL_DEV_PORT instead of refusing to start a second one. */
  joinRunning?: boolean;
}

export async function localTemporal(
  config: AppConfig,
  closers: Closers,
  o: LocalTemporalOptions,
): Promise<{ address: string; uiUrl: string }> {
  if (config.temporal.address) {
    o.log(`Temporal: ${config.temporal.address} (TEMPORAL_ADDRESS)`);
    return { address: config.temporal.address, uiUrl: config.temporal.uiUrl };
  }
  if (o.joinRunning && (await isPortInUse(config.temporal.devPort))) {
    const address = `127.0.0.1:${config.temporal.devPort}`;
    o.log(`Temporal: the local stack's dev server on ${address}`);
    return { address, uiUrl: config.temporal.uiUrl };
  }
  const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log: o.log });
  const dev = await startTemporalDevServer({
    cliPath: cli.path,
    dbFile: path.resolve(config.dataDir, 'temporal.db'),
    port: config.temporal.devPort,
    uiPort: config.temporal.uiPort,
    namespace: config.temporal.namespace,
    log: o.log,
  });
  closers.add('Temporal dev server', () => dev.stop());
  o.supervisor?.watch({ name: 'Temporal dev server', pid: () => dev.pid });
  return { address: dev.address, uiUrl: dev.uiUrl ?? config.temporal.uiUrl };
}
