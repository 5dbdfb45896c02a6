// The database an entry point uses: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR; migrated.
import path from 'node:path';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { createOrm, migrate, type Orm } from '../../activities/db/orm';
import type { Closers } from '../temporal/closers';
import { postmasterPid } from './postmaster';
import type { Supervisor } from './supervise';

/** `supervisor`: watches the embedded PostgreSQL (the local stack); a DATABASE_URL server is someone else's. */
export async function openDatabase(
  config: AppConfig,
  closers: Closers,
  log: (line: string) => void,
  supervisor?: Supervisor,
): Promise<Orm> {
  let url = config.databaseUrl;
  if (url) {
    log('PostgreSQL: DATABASE_URL');
  } else {
    const dir = path.join(config.dataDir, 'postgres');
    const pg = await startEmbeddedPostgres({ dir, port: config.embeddedPostgresPort, log });
    closers.add('PostgreSQL', () => pg.stop());
    supervisor?.watch({ name: 'embedded PostgreSQL', pid: () => postmasterPid(pg.clusterDir) });
    log(`PostgreSQL: embedded, data in ${dir}, port ${config.embeddedPostgresPort}`);
    url = pg.url;
  }
  const orm = await createOrm(url);
  closers.add('ORM', () => orm.close());
  const applied = await migrate(orm);
  log(`migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  return orm;
}
