// Replays committed histories against today's workflow code: a non-deterministic change fails here.
import { Worker } from '@temporalio/worker';
import { beforeAll, expect, it } from 'vitest';
import { installQuietRuntime } from '../../workers/temporal/runtime';
import { loadHistory } from '../helpers/histories';
import { workflowBundle } from '../helpers/stack';

// the replay worker's state changes are logged at INFO; a failure still surfaces as the rejection below
beforeAll(() => installQuietRuntime({ level: 'WARN' }));

it.each(['collect-keywords', 'keyword-pipeline', 'keyword-pipeline-chunks', 'cleanup-old-data', 'import-report'])(
  'replays the committed %s history',
  async (name) => {
    const history = await loadHistory(name);
    expect(history.events?.length).toBeGreaterThan(10);
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, name)).resolves.toBeUndefined();
  },
);
