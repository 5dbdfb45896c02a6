// One Temporal dev server and one PostgreSQL for the whole test run, started here once and handed to
// the tests through vitest's provide/inject (read them with test/helpers/env.ts).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../workers/config/config';
import { startEmbeddedPostgres } from '../../workers/dev-stack/embedded-postgres';
import { createOrm, migrate } from '../../activities/db/orm';
import { freePort } from '../../workers/dev-stack/ports';
import { resolveTemporalCli } from '../../workers/dev-stack/temporal-cli';
import { startTemporalDevServer } from '../../workers/dev-stack/temporal-dev-server';

// the namespace tests use (TEST_NAMESPACE in env.ts)
const TEST_NAMESPACE = 'default';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const began = Date.now();
  const log = (line: string) => console.log(`[test stack] ${line}`);
  const config = loadConfig();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kw-test-'));
  // as root, PostgreSQL runs as the 'postgres' user, which must be able to enter this folder
  await chmod(tmp, 0o755);
  const stops: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(`stop failed: ${String(e)}`));
    await rm(tmp, { recursive: true, force: true });
  };

  const startTemporal = async () => {
    const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log });
    const server = await startTemporalDevServer({
      cliPath: cli.path,
      dbFile: path.join(tmp, 'temporal', 'temporal.db'),
      port: await freePort(),
      namespace: TEST_NAMESPACE,
      log,
    });
    stops.push(server.stop);
    return { address: server.address, cliPath: cli.path };
  };
  const startPostgres = async () => {
    const pg = await startEmbeddedPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort(), database: 'keywords_test', log });
    stops.push(pg.stop);
    const orm = await createOrm(pg.url, { poolMax: 2 });
    try {
      await migrate(orm);
    } finally {
      await orm.close(true);
    }
    return pg.url;
  };

  // both start at once; on any failure, whatever did start is stopped before the error surfaces
  const [temporal, postgres] = await Promise.allSettled([startTemporal(), startPostgres()]);
  if (temporal.status === 'rejected' || postgres.status === 'rejected') {
    await teardown();
    throw temporal.status === 'rejected' ? temporal.reason : (postgres as PromiseRejectedResult).reason;
  }
  project.provide('temporalAddress', temporal.value.address);
  project.provide('temporalCliPath', temporal.value.cliPath);
  project.provide('databaseUrl', postgres.value);
  log(`ready in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  return teardown;
}
