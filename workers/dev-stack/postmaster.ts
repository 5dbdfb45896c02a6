// A PostgreSQL left running by an earlier run that died without stopping it still holds the cluster's lock file
// and port: the next start would fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { alive, owningRun, processName, stopProcess } from './processes';

const STOP_WAIT_MS = 30_000;

/** Stops the cluster's postmaster if it outlived the run that started it; refuses if a live run still owns it. */
export async function stopOrphanedPostmaster(clusterDir: string, log?: (line: string) => void): Promise<void> {
  const pid = postmasterPid(clusterDir);
  // no lock file, or a stale one (PostgreSQL clears it itself), or a reused pid
  if (pid === undefined || !alive(pid) || processName(pid) !== 'postgres') return;
  const owner = owningRun(pid);
  if (owner !== undefined) {
    throw new Error(
      `the PostgreSQL cluster in ${clusterDir} is in use by another run (process ${owner}): stop it first, or give this one another DATA_DIR`,
    );
  }
  log?.(`stopping the PostgreSQL an earlier run left running (pid ${pid})`);
  // SIGINT is a fast shutdown: sessions are closed, transactions rolled back, the data stays consistent
  if (!(await stopProcess(pid, 'SIGINT', STOP_WAIT_MS))) {
    throw new Error(`the PostgreSQL an earlier run left running (pid ${pid}) did not stop within ${STOP_WAIT_MS / 1000} s`);
  }
}

/** The postmaster's pid from the cluster's lock file; undefined without one. */
export function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
