// The API as its own process, against an existing Temporal server and PostgreSQL (production, compose).
import { pathToFileURL } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadDotEnv, loadConfig } from './config/config';
import { createOrm } from '../activities/db/orm';
import { listenApi } from '../api/listen';

export async function runApi(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env === process.env) loadDotEnv();
  const config = loadConfig(env);
  if (!config.temporal.address) throw new ConfigError('TEMPORAL_ADDRESS', 'is required for a standalone API');
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'is required for a standalone API');
  // a production API without a key could start nothing: refuse to start instead
  if (!config.api.apiKey) throw new ConfigError('API_KEY', 'is required for a standalone API (at least 16 characters)');
  const orm = await createOrm(config.databaseUrl);
  try {
    const connection = await Connection.connect({ address: config.temporal.address });
    try {
      const client = new Client({ connection, namespace: config.temporal.namespace });
      const { namespace, taskQueue, uiUrl } = config.temporal;
      const api = listenApi({ client, orm, temporal: { namespace, taskQueue, uiUrl } }, config.api, config.port);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await api.close();
    } finally {
      await connection.close();
    }
  } finally {
    await orm.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runApi().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
