// A PostgreSQL left running by an earlier run that died without stopping it (SIGKILL, out of memory, a closed
// terminal) still holds the cluster's lock file and port: the next start would fail. Linux (/proc) only; elsewhere
// PostgreSQL's own refusal is reported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const STOP_WAIT_MS = 30_000;

/** Stops the cluster's postmaster if it outlived the run that started it; refuses if a live run still owns it. */
export async function stopOrphanedPostmaster(clusterDir: string, log?: (line: string) => void): Promise<void> {
  const pid = postmasterPid(clusterDir);
  // no lock file, or a stale one (PostgreSQL clears it itself), or a reused pid
  if (pid === undefined || !alive(pid) || processName(pid) !== 'postgres') return;
  const owner = parentPid(pid);
  if (owner === undefined) return;
  if (/node/.test(processName(owner) ?? '')) {
    throw new Error(`the PostgreSQL cluster in ${clusterDir} is in use by another run (process ${owner}): stop it first, or give this one another DATA_DIR`);
  }
  log?.(`stopping the PostgreSQL an earlier run left running (pid ${pid})`);
  // a fast shutdown: sessions are closed, transactions rolled back, the data stays consistent
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < STOP_WAIT_MS; waited += 100) {
    if (!alive(pid)) return;
    await sleep(100);
  }
  throw new Error(`the PostgreSQL an earlier run left running (pid ${pid}) did not stop within ${STOP_WAIT_MS / 1000} s`);
}

function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function processName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}
