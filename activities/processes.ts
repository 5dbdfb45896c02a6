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

/** The run a server belongs to: its parent, when that is a live Node process; undefined once it was orphaned. */
export function owningRun(pid: number): number | undefined {
  const stat = procFile(pid, 'stat');
  if (!stat) return undefined;
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return /node/.test(processName(parent) ?? '') ? parent : undefined;
}

/** Live processes called `name` (as /proc/<pid>/comm says). */
export function processesNamed(name: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((e) => /^\d+$/.test(e)).map(Number).filter((pid) => processName(pid) === name);
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
