// collectBatch: one platform, one batch of keywords, resumable from its heartbeat checkpoint.
import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import type { CollectBatchCheckpoint, CollectBatchInput, CollectBatchResult } from '../../workflows/types/collect-keywords';
import { FailureType } from '../../workflows/types/failures';
import type { DemandSource } from '../collectors/demand-source';
import { ProviderError } from '../collectors/errors';
import type { ProviderAdapter } from '../collectors/types';
import type { Orm } from '../db/orm';
import { callMetrics } from '../collectors/call-metrics';
import type { NewObservation } from '../db/entities';
import { upsertObservations } from '../db/repositories/observations';
import { toObservation } from './to-observation';
import { demandFor } from './demand-cache';
import { withDemand, type DemandEntry } from './demand-fill';
import { toActivityFailure } from '../failures';
import { earlierCounts, needsHistory, withDerivedTrend } from './derived-trend';
import { KEYWORD_TRANSIENT_BUDGET, platformStopFailure, retryableFailure, withInlineRetry } from './retry';

export interface CollectDeps {
  orm: Orm;
  adapters: Record<string, ProviderAdapter | undefined>;
  /** DEMAND_SOURCE: fills the search volume (and what else is missing) of rows whose platform publishes none. */
  demand?: DemandSource;
}

/** Rows are written every FLUSH_EVERY keywords; the checkpoint only moves past written rows. */
const FLUSH_EVERY = 10;
const HEARTBEAT_EVERY_MS = 2_000;

export async function collectBatch(deps: CollectDeps, input: CollectBatchInput): Promise<CollectBatchResult> {
  const ctx = Context.current();
  const adapter = deps.adapters[input.platform];
  if (!adapter) {
    throw ApplicationFailure.create({
      message: `${input.platform}: no provider configured on this worker (${input.platform.toUpperCase()}_PROVIDER_URL)`,
      type: FailureType.ProviderNotConfigured,
      nonRetryable: true,
    });
  }
  const resumed = ctx.info.heartbeatDetails as CollectBatchCheckpoint | undefined;
  const saved: CollectBatchCheckpoint = resumed ?? { next: 0, collected: 0, failures: [], transientTries: 0 };
  let pending: NewObservation[] = [];
  const working = { ...saved, failures: [...saved.failures] };
  if (resumed) ctx.log.info('collectBatch resumes from checkpoint', { next: resumed.next, of: input.keywords.length });

  const flush = async () => {
    await upsertObservations(deps.orm.em.fork(), pending);
    callMetrics().observationsStored(input.platform, pending.length);
    pending = [];
    Object.assign(saved, { ...working, failures: [...working.failures] });
    ctx.heartbeat(saved);
  };
  // a timer keeps heartbeats (and so cancellation delivery) going while a request is slow
  const ticker = setInterval(() => ctx.heartbeat(saved), HEARTBEAT_EVERY_MS);
  // read only when a trend can be derived (no trend, a result count): batches from sources that publish a trend never query it
  let history: Promise<Map<string, number[]>> | undefined;
  const earlier = () => (history ??= earlierCounts(deps.orm.em.fork(), input.platform, input.keywords, input.day));
  // asked only when a row lacks a volume; a failing demand source leaves the volume unknown, never the platform stopped
  let demand: Promise<Map<string, DemandEntry> | string> | undefined;
  const demandOf = (source: DemandSource) =>
    (demand ??= withInlineRetry(
      () => demandFor(deps.orm.em.fork(), source, input.keywords.slice(working.next), input.day, ctx.cancellationSignal),
      ctx.cancellationSignal,
    ).catch((err: unknown) => {
      if (!(err instanceof ProviderError) || ctx.cancellationSignal.aborted) throw err;
      ctx.log.warn('demand source failed: rows keep an unknown search volume', { error: err.message });
      return err.message;
    }));
  try {
    while (working.next < input.keywords.length) {
      const keyword = input.keywords[working.next]!;
      try {
        const metrics = await withInlineRetry(() => adapter.collect(keyword, { signal: ctx.cancellationSignal }), ctx.cancellationSignal);
        const answer = deps.demand && metrics.searchVolume === null ? await demandOf(deps.demand) : undefined;
        const filled = withDemand(metrics, typeof answer === 'string' ? answer : answer?.get(keyword));
        const derived = needsHistory(filled) ? withDerivedTrend(filled, (await earlier()).get(keyword)) : filled;
        pending.push(toObservation(derived, input.day, input.workflowId, new Date()));
        working.collected++;
      } catch (err) {
        if (!(err instanceof ProviderError)) {
          // a bug or a refused value at this keyword: what came before is stored, the checkpoint names this one
          await flush();
          throw toActivityFailure(err, [saved]);
        }
        if (err.kind === 'auth' || err.kind === 'quota') {
          await flush();
          throw platformStopFailure(err, saved);
        }
        if (err.retryable && working.transientTries + 1 < KEYWORD_TRANSIENT_BUDGET) {
          working.transientTries++;
          await flush();
          throw retryableFailure(err, saved);
        }
        const reason = err.retryable ? `gave up after ${KEYWORD_TRANSIENT_BUDGET} tries: ${err.message}` : err.message;
        working.failures.push({ keyword, reason });
      }
      working.next++;
      working.transientTries = 0;
      if (pending.length >= FLUSH_EVERY) await flush();
    }
    await flush();
    return { collected: working.collected, failures: working.failures };
  } catch (err) {
    // cancelled (the run was): the checkpoint tells the workflow what this batch stored before it stopped
    if (ctx.cancellationSignal.aborted) throw new CancelledFailure('collectBatch cancelled', [saved]);
    // what is stored so far (the checkpoint), for the workflow's accounting if this attempt is the last
    throw toActivityFailure(err, [saved]);
  } finally {
    clearInterval(ticker);
  }
}
