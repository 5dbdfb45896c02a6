// Servers left running by a run that died without stopping them (SIGKILL, out of memory, a closed terminal):
// found through Linux's /proc; elsewhere nothing is found and the servers' own refusals are reported.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function processName(pid: number): string | undefined {
  return procFile(pid, 'comm')?.trim();
}

/** The process's arguments, program first. */
export function commandLine(pid: number): string[] {
  return procFile(pid, 'cmdline')?.split('\0').filter(Boolean) ?? [];
}

/**
 * /proc/<pid>/stat from its third field on (state, ppid, …; `man 5 proc` numbers them from 1, so field n is at
 * index n - 3): the command name before them may hold spaces.
 */
export function statFields(pid: number): number[] | undefined {
  const stat = procFile(pid, 'stat');
  return stat === undefined
    ? undefined
    : stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .map(Number);
}

/** The run a server belongs to: its parent, when that is a live Node process; undefined once it was orphaned. */
export function owningRun(pid: number): number | undefined {
  const parent = statFields(pid)?.[1];
  return parent !== undefined && /node/.test(processName(parent) ?? '') ? parent : undefined;
}

/** Live processes called `name` (as /proc/<pid>/comm says). */
export function processesNamed(name: string): number[] {
  return livePids().filter((pid) => processName(pid) === name);
}

/** Live processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  return livePids().filter((child) => statFields(child)?.[1] === pid);
}

function livePids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .map(Number);
  } catch {
    return [];
  }
}

/** Sends `signal`, waits up to `waitMs` for the process to end; false if it is still there. */
export async function stopProcess(pid: number, signal: NodeJS.Signals, waitMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return !alive(pid);
  }
  for (let waited = 0; waited < waitMs; waited += 100) {
    if (!alive(pid)) return true;
    await sleep(100);
  }
  return !alive(pid);
}

function procFile(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}
