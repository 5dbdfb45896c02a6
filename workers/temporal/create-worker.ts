// The worker every entry point runs: the workflows bundle plus activities bound to their dependencies.
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities';

const workflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

export interface KeywordWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build it once per file instead of once per worker). */
  workflowBundle?: WorkflowBundleWithSourceMap;
}

export function createKeywordWorker(options: KeywordWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
    activities: createActivities(options.deps),
    // enough in flight to keep every platform's rate limit busy, few enough for two cores
    maxConcurrentActivityTaskExecutions: 24,
  });
}

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
}

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };
