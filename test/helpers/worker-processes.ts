// Standalone worker processes (workers/worker.ts) for tests: spawned against the test's Temporal server, PostgreSQL
// and simulator, killed without warning when a test says so, and always stopped at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestStack } from './stack';

export interface WorkerProcesses {
  readonly children: ChildProcess[];
  /** Resolves once every worker polls its task queue; rejects if one exits first. */
  readonly ready: Promise<void>;
  /** SIGKILL: no drain, no goodbye; resolves once the process is gone. */
  kill(child: ChildProcess): Promise<void>;
  stopAll(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/**
 * Spawns `count` workers on `taskQueue` with `env` added. Returned at once, so a test's afterAll can stop them
 * even when waiting for `ready` timed out.
 */
export function spawnWorkerProcesses(stack: TestStack, taskQueue: string, count: number, env: Record<string, string>): WorkerProcesses {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', 'workers/worker.ts'], {
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: stack.temporalAddress,
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        DATABASE_URL: stack.databaseUrl,
        AMAZON_PROVIDER_URL: stack.providers.amazon.baseUrl!,
        AMAZON_API_KEY: stack.keys.amazon,
        ETSY_PROVIDER_URL: stack.providers.etsy.baseUrl!,
        ETSY_API_KEY: stack.keys.etsy,
        EBAY_PROVIDER_URL: stack.providers.ebay.baseUrl!,
        EBAY_API_KEY: stack.keys.ebay,
        // the shared test server keeps no real schedules
        APPLY_SCHEDULES: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const ready = Promise.all(
    children.map((child) => {
      child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker ${child.pid}] ${d.toString()}`));
      return new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('worker polling')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker ${child.pid} exited (${code}) before polling: ${out}`)));
      });
    }),
  ).then(() => undefined);
  const kill = async (child: ChildProcess) => {
    child.kill('SIGKILL');
    await exited(child);
  };
  return { children, ready, kill, stopAll: () => Promise.all(children.map(kill)).then(() => undefined) };
}
