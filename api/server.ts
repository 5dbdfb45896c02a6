// The API as its own process, against an existing Temporal server and PostgreSQL (production, compose).
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { loadDotEnv, loadConfig } from '../activities/config';
import { createOrm } from '../activities/db/orm';
import { createApp } from './app';

export async function runApi(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env === process.env) loadDotEnv();
  const config = loadConfig(env);
  if (!config.temporal.address) throw new Error('Invalid configuration: TEMPORAL_ADDRESS is required for a standalone API');
  if (!config.databaseUrl) throw new Error('Invalid configuration: DATABASE_URL is required for a standalone API');
  const orm = await createOrm(config.databaseUrl);
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const app = createApp({ client, orm, temporal: { namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, uiUrl: config.temporal.uiUrl } });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' });
  console.log(`API listening on http://localhost:${config.port}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await connection.close();
  await orm.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runApi().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
