// CPU time spent by the bench's server process and by PostgreSQL during a measurement: throughput on shared cores
// depends on who else runs, CPU per request does much less (Linux /proc; null elsewhere).
import { postmasterPid } from '../../workers/dev-stack/postmaster';
import { childrenOf, commandLine, processesNamed, statFields } from '../../workers/dev-stack/processes';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

/** utime + stime (+ cutime + cstime with `children`) of a process, in microseconds; undefined if it is gone. */
export function processCpuUs(pid: number, children = false): number | undefined {
  const f = statFields(pid);
  if (!f) return undefined;
  return (f[11]! + f[12]! + (children ? f[13]! + f[14]! : 0)) * TICK_US;
}

/**
 * PostgreSQL's CPU so far: the postmaster, its live backends, and the backends that already exited (counted in
 * the postmaster's children times). `clusterDir` holds postmaster.pid.
 */
export function postgresCpuUs(clusterDir: string): number | null {
  const postmaster = postmasterPid(clusterDir);
  if (postmaster === undefined) return null;
  const own = processCpuUs(postmaster, true);
  if (own === undefined) return null;
  return childrenOf(postmaster).reduce((total, backend) => total + (processCpuUs(backend) ?? 0), own);
}

/** The Temporal dev server's CPU so far, found by the port it listens on; null when not found. */
export function temporalCpuUs(port: number): number | null {
  const pid = processesNamed('temporal').find((p) => {
    const args = commandLine(p);
    return args.includes('start-dev') && args[args.indexOf('--port') + 1] === String(port);
  });
  return pid === undefined ? null : (processCpuUs(pid, true) ?? null);
}
