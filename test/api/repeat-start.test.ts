// A repeated start of processing, trend analysis or training while the first run is going: 409 naming that run, never a 500.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHttpError } from '../../api/errors';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { post, testApp, workflowsOnQueue, type App, type Json } from './test-app';

let stack: TestStack;
let app: App;
let taskQueue: string;

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-24' });
  // no worker on this queue: a started run stays running
  taskQueue = `api-repeat-${uid()}`;
  app = testApp(stack, taskQueue);
});
afterAll(() => stack?.close());

const terminate = (workflowId: string) => stack.client.workflow.getHandle(workflowId).terminate('test done');

describe('a repeated start', () => {
  it.each([
    ['/process/keywords', { clusters: 1, day: '2026-11-24' }],
    ['/analyze/trends', { days: 7, to: '2026-11-24' }],
    ['/models/train', { days: 14, to: '2026-11-24' }],
  ])('%s twice: 202, then 409 with the running run; another body starts its own run', async (path, body) => {
    const first = await post(app, path, body);
    expect(first.status).toBe(202);
    const started = (await first.json()) as Json;
    const again = await post(app, path, body);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'conflict',
      message: expect.stringMatching(/is already running$/),
      workflowId: started.workflowId,
      runId: started.runId,
      statusUrl: `/workflows/${started.workflowId}`,
    });
    const other = await post(app, path, { ...body, days: 30, ...(path === '/process/keywords' ? { days: undefined, clusters: 2 } : {}) });
    expect(other.status).toBe(202);
    const otherRun = (await other.json()) as Json;
    expect(otherRun.workflowId).not.toBe(started.workflowId);
    expect(await workflowsOnQueue(stack.client, taskQueue)).toBeGreaterThanOrEqual(2);
    await terminate(started.workflowId);
    await terminate(otherRun.workflowId);
    // once the first run has ended, the same request runs again
    const later = await post(app, path, body);
    expect(later.status).toBe(202);
    const rerun = (await later.json()) as Json;
    expect(rerun).toMatchObject({ workflowId: started.workflowId, runId: expect.not.stringMatching(started.runId) });
    await terminate(rerun.workflowId);
  });

  it('any other colliding start maps to 409, not 500', () => {
    const http = toHttpError(new WorkflowExecutionAlreadyStartedError('already started', 'some-run', 'processKeywords'));
    expect(http).toMatchObject({ status: 409, code: 'conflict', extra: { workflowId: 'some-run' } });
  });
});
