// One ORM per process, built by the entry point; schema changes only through committed migrations.
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities';
import { migrationsList } from './migrations';

export type Orm = MikroORM;

/** The options of every ORM of the project, the MikroORM CLI's included (mikro-orm.config.ts). */
export function ormOptions(databaseUrl: string, options: { poolMax?: number } = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    // hand-written migrations (docs/data-layer.md says why), listed in migrations/index.ts
    migrations: {
      migrationsList,
      path: 'activities/db/migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    // date columns stay 'YYYY-MM-DD' strings; timestamps are UTC
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    debug: false,
    allowGlobalContext: false,
  });
}

export async function createOrm(databaseUrl: string, options: { poolMax?: number } = {}): Promise<Orm> {
  return MikroORM.init(ormOptions(databaseUrl, options));
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
