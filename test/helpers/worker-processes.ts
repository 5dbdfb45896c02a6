// Standalone worker processes (workers/worker.ts) for tests: spawned against the test's Temporal server, PostgreSQL
// and simulator, killed without warning when a test says so, and always stopped at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestStack } from './stack';

export interface WorkerProcesses {
  readonly children: ChildProcess[];
  /** SIGKILL: no drain, no goodbye; resolves once the process is gone. */
  kill(child: ChildProcess): Promise<void>;
  stopAll(): Promise<void>;
}

/** Starts `count` workers on `taskQueue` with `env` added, and resolves once every one polls. */
export async function startWorkerProcesses(stack: TestStack, taskQueue: string, count: number, env: Record<string, string>): Promise<WorkerProcesses> {
  const children: ChildProcess[] = [];
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (child: ChildProcess) => {
    child.kill('SIGKILL');
    await exited(child);
  };
  const processes = { children, kill, stopAll: () => Promise.all(children.map(kill)).then(() => undefined) };
  try {
    await Promise.all(Array.from({ length: count }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'workers/worker.ts'], {
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
      });
      children.push(child);
      child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker ${child.pid}] ${d.toString()}`));
      return new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('worker polling')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker ${child.pid} exited (${code}) before polling: ${out}`)));
      });
    }));
  } catch (err) {
    await processes.stopAll();
    throw err;
  }
  return processes;
}
