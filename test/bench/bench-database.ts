// The benchmarks' own PostgreSQL: embedded, in a fresh temporary folder, migrated; and a forked server process
// (the API under load) that reports its ports with its first message. Both are stopped by the bench's teardown.
import { fork, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createOrm, migrate, type Orm } from '../../activities/db/orm';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../workers/dev-stack/embedded-postgres';
import { freePort } from '../../workers/dev-stack/ports';
import { onStop } from './bench-teardown';

export async function startBenchDatabase(log: (line: string) => void): Promise<{ pg: EmbeddedPostgresHandle; orm: Orm }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kw-bench-'));
  // as root, PostgreSQL runs as the 'postgres' user, which must be able to enter this folder
  await chmod(tmp, 0o755);
  onStop(() => rm(tmp, { recursive: true, force: true }));
  const pg = await startEmbeddedPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort(), database: 'bench', log });
  onStop(pg.stop);
  const orm = await createOrm(pg.url);
  onStop(() => orm.close());
  await migrate(orm);
  return { pg, orm };
}

/** Forks `file` with `args` and waits for its first message; at the end it is sent 'stop' and awaited. */
export async function forkServer<T>(file: string, args: string[], execArgv: string[] = []): Promise<{ server: ChildProcess; first: T }> {
  const server = fork(file, args, { stdio: 'inherit', execArgv: [...process.execArgv, ...execArgv] });
  onStop(async () => {
    if (server.exitCode !== null) return;
    server.send('stop');
    await new Promise((resolve) => server.once('exit', resolve));
  });
  const first = await new Promise<T>((resolve, reject) => {
    server.once('message', (m) => resolve(m as T));
    server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { server, first };
}
