// A keyword pipeline's progress for GET /workflows/:id: its own count of finished chunks, plus what its running
// collectKeywords children report, so a one-chunk list moves from 0 to done keyword by keyword rather than at once.
import type { Client, WorkflowHandle } from '@temporalio/client';
import { collectProgressQuery } from '../workflows/types/collect-keywords';
import { pipelineProgressQuery, type KeywordPipelineResult, type PipelineProgress } from '../workflows/types/pipeline';
import { withTimeout } from './timeout';

export type PipelineProgressView = Omit<PipelineProgress, 'step'> & { step: PipelineProgress['step'] | 'done' };

/** Null when no worker answers within the timeout. */
export async function pipelineProgressOf(client: Client, handle: WorkflowHandle, timeoutMs: number): Promise<PipelineProgressView | null> {
  try {
    const own = await withTimeout(handle.query(pipelineProgressQuery), timeoutMs);
    const children = await Promise.all(
      own.running.map((id) =>
        withTimeout(client.workflow.getHandle(id).query(collectProgressQuery), timeoutMs)
          .then((p) => p.done)
          .catch(() => 0),
      ),
    );
    return { ...own, done: Math.min(own.total, own.done + children.reduce((sum, n) => sum + n, 0)) };
  } catch {
    return null;
  }
}

export function pipelineProgressFromResult(result: KeywordPipelineResult): PipelineProgressView {
  const pairs = result.collect?.platforms.reduce((sum, p) => sum + p.requested, 0) ?? 0;
  const chunks = result.collect?.chunks ?? 0;
  return { step: 'done', day: result.day, total: pairs, done: pairs, chunks, chunksDone: chunks, running: [] };
}
