// CPU time spent by the bench's server process and by PostgreSQL during a measurement: throughput on shared cores
// depends on who else runs, CPU per request does much less (Linux /proc; null elsewhere).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

/** utime + stime (+ cutime + cstime with `children`) of a process, in microseconds; undefined if it is gone. */
function processCpuUs(pid: number, children = false): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces) start at field 3
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    return (f[11]! + f[12]! + (children ? f[13]! + f[14]! : 0)) * TICK_US;
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL's CPU so far: the postmaster, its live backends, and the backends that already exited (counted in
 * the postmaster's children times). `clusterDir` holds postmaster.pid.
 */
export function postgresCpuUs(clusterDir: string): number | null {
  try {
    const postmaster = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let total = processCpuUs(postmaster, true);
    if (total === undefined) return null;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === postmaster) total += processCpuUs(Number(entry)) ?? 0;
      } catch {
        // the process ended while we looked
      }
    }
    return total;
  } catch {
    return null;
  }
}
