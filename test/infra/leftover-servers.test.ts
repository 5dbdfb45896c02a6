// The embedded servers after a run that died without stopping them: a leftover PostgreSQL or Temporal dev server
// is stopped and the next run starts; servers a live run still uses are refused with a message naming it.
import { fork, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../workers/config/config';
import { startEmbeddedPostgres } from '../../workers/dev-stack/embedded-postgres';
import { postmasterPid as lockFilePid } from '../../workers/dev-stack/postmaster';
import { createOrm } from '../../activities/db/orm';
import { alive, commandLine, processesNamed } from '../../workers/dev-stack/processes';
import { freePort } from '../../workers/dev-stack/ports';
import { resolveTemporalCli } from '../../workers/dev-stack/temporal-cli';
import { startTemporalDevServer } from '../../workers/dev-stack/temporal-dev-server';

const CHILD = fileURLToPath(new URL('../helpers/server-owner-child.ts', import.meta.url));
let tmp: string;

/** A run that starts a server and holds it. */
async function owner(args: string[]): Promise<ChildProcess> {
  const child = fork(CHILD, args, { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the owning run exited (${code})`)));
  });
  return child;
}

async function killed(run: ChildProcess): Promise<void> {
  run.kill('SIGKILL');
  await new Promise((resolve) => run.once('exit', resolve));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kw-leftovers-'));
  // as root, PostgreSQL runs as the 'postgres' user, which must be able to enter this folder
  await chmod(tmp, 0o755);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('leftover servers', () => {
  it('PostgreSQL: refused while a live run uses the cluster, stopped and restarted once that run was killed', async () => {
    const dir = path.join(tmp, 'postgres');
    const port = await freePort();
    const postmasterPid = () => lockFilePid(path.join(dir, 'cluster'));
    const run = await owner(['postgres', dir, String(port)]);
    const leftover = postmasterPid()!;
    await expect(startEmbeddedPostgres({ dir, port })).rejects.toThrow(
      `the PostgreSQL cluster in ${path.join(dir, 'cluster')} is in use by another run (process ${run.pid}): stop it first, or give this one another DATA_DIR`,
    );

    // the run dies without stopping PostgreSQL: its postmaster lives on, holding the lock file and the port
    await killed(run);
    expect(alive(leftover)).toBe(true);

    const lines: string[] = [];
    const again = await startEmbeddedPostgres({ dir, port, log: (line) => lines.push(line) });
    try {
      expect(lines).toContain(`stopping the PostgreSQL an earlier run left running (pid ${leftover})`);
      expect(alive(leftover)).toBe(false);
      const orm = await createOrm(again.url, { poolMax: 1 });
      const rows = await orm.em
        .getConnection()
        .execute('select pg_backend_pid() > 0 as up')
        .finally(() => orm.close());
      expect(rows).toEqual([{ up: true }]);
      expect(postmasterPid()).not.toBe(leftover);
    } finally {
      await again.stop();
    }
  });

  it('Temporal dev server: refused while a live run uses it, stopped and restarted once that run was killed', async () => {
    const config = loadConfig();
    const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log: () => undefined });
    const dbFile = path.join(tmp, 'temporal', 'temporal.db');
    const port = await freePort();
    const serverOn = () => processesNamed('temporal').filter((pid) => commandLine(pid).includes(dbFile));
    const run = await owner(['temporal', cli.path, dbFile, String(port)]);
    const [leftover] = serverOn();
    expect(leftover).toBeGreaterThan(0);
    const start = (log: (line: string) => void = () => undefined) =>
      startTemporalDevServer({ cliPath: cli.path, dbFile, port, namespace: 'default', log });
    await expect(start()).rejects.toThrow(`A Temporal server is already running on 127.0.0.1:${port}`);

    await killed(run);
    expect(alive(leftover!)).toBe(true);

    const lines: string[] = [];
    const again = await start((line) => lines.push(line));
    try {
      expect(lines[0]).toBe(`stopping the Temporal dev server an earlier run left running (pid ${leftover})`);
      expect(alive(leftover!)).toBe(false);
      const connection = await Connection.connect({ address: again.address });
      const info = await connection.workflowService.describeNamespace({ namespace: 'default' }).finally(() => connection.close());
      expect(info.namespaceInfo?.name).toBe('default');
      expect(serverOn()).toHaveLength(1);
      expect(serverOn()).not.toContain(leftover);
    } finally {
      await again.stop();
    }
  });
});
