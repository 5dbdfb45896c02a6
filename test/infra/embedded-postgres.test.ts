// The embedded PostgreSQL after a run that died without stopping it: the leftover postmaster is stopped and the
// cluster starts again; a cluster a live run still uses is refused with a message naming that run.
import { fork, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../activities/db/embedded-postgres';
import { createOrm } from '../../activities/db/orm';
import { freePort } from '../../workers/ports';

const CHILD = fileURLToPath(new URL('../helpers/embedded-postgres-child.ts', import.meta.url));
let tmp: string;
let dir: string;
let port: number;

/** A run that starts the cluster and holds it. */
async function owner(): Promise<ChildProcess> {
  const child = fork(CHILD, [dir, String(port)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the owning run exited (${code})`)));
  });
  return child;
}

const postmasterPid = async () => Number((await readFile(path.join(dir, 'cluster', 'postmaster.pid'), 'utf8')).split('\n')[0]);

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kw-embedded-pg-'));
  // as root, PostgreSQL runs as the 'postgres' user, which must be able to enter this folder
  await chmod(tmp, 0o755);
  dir = path.join(tmp, 'postgres');
  port = await freePort();
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  it('refuses a cluster a live run uses, and takes over one whose run was killed', async () => {
    const run = await owner();
    const leftover = await postmasterPid();
    await expect(startEmbeddedPostgres({ dir, port })).rejects.toThrow(
      `the PostgreSQL cluster in ${path.join(dir, 'cluster')} is in use by another run (process ${run.pid}): stop it first, or give this one another DATA_DIR`);

    // the run dies without stopping PostgreSQL: its postmaster lives on, holding the lock file and the port
    run.kill('SIGKILL');
    await new Promise((resolve) => run.once('exit', resolve));
    expect(() => process.kill(leftover, 0)).not.toThrow();

    const lines: string[] = [];
    const again = await startEmbeddedPostgres({ dir, port, log: (line) => lines.push(line) });
    try {
      expect(lines).toContain(`stopping the PostgreSQL an earlier run left running (pid ${leftover})`);
      expect(() => process.kill(leftover, 0)).toThrow();
      const orm = await createOrm(again.url, { poolMax: 1 });
      const rows = await orm.em.getConnection().execute('select pg_backend_pid() > 0 as up').finally(() => orm.close());
      expect(rows).toEqual([{ up: true }]);
      expect(await postmasterPid()).not.toBe(leftover);
    } finally {
      await again.stop();
    }
  });
});
