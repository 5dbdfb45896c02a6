// Wall time and CPU per observation of each process taking part in a measured collection (Linux /proc).
import { postgresCpuUs, processCpuUs, temporalCpuUs } from './cpu-usage';

export interface Meters {
  pgDir: string;
  temporalPort: number;
  simulatorPid: number;
}

interface Reading {
  self: number;
  temporal: number | null;
  postgres: number | null;
  simulator: number | null;
}

function read(m: Meters): Reading {
  const self = process.cpuUsage();
  return {
    self: self.user + self.system,
    temporal: temporalCpuUs(m.temporalPort),
    postgres: postgresCpuUs(m.pgDir),
    simulator: processCpuUs(m.simulatorPid) ?? null,
  };
}

const perObservation = (after: number | null, before: number | null, observations: number) =>
  after === null || before === null ? null : Math.round((after - before) / observations);

/** Runs `work` and reports its wall seconds and the microseconds of CPU per observation of each process. */
export async function measure(m: Meters, observations: number, work: () => Promise<void>) {
  const before = read(m);
  const began = performance.now();
  await work();
  const wallSeconds = Math.round(performance.now() - began) / 1000;
  const after = read(m);
  return {
    wallSeconds,
    cpuUsPerObservation: {
      workerOrLoop: perObservation(after.self, before.self, observations),
      temporal: perObservation(after.temporal, before.temporal, observations),
      postgres: perObservation(after.postgres, before.postgres, observations),
      simulator: perObservation(after.simulator, before.simulator, observations),
    },
  };
}
