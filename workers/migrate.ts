// `npm run migrate`: applies the committed migrations to DATABASE_URL (the compose stack's one-shot job).
import { loadConfig, loadDotEnv } from './config/config';
import { createOrm, migrate } from '../activities/db/orm';

loadDotEnv();
const { databaseUrl } = loadConfig();
if (!databaseUrl) {
  console.error('Invalid configuration: DATABASE_URL is required to apply migrations');
  process.exit(1);
}
const orm = await createOrm(databaseUrl);
try {
  const applied = await migrate(orm);
  console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
} finally {
  await orm.close();
}
