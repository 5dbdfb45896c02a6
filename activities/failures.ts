// What an activity's unexpected error becomes in Temporal: a short typed failure, never SQL text or row data
// (those stay in the worker's log). Data and programming errors are final; an unreachable database is retried.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { TemporalFailure } from '@temporalio/common';
import { FailureType } from '../workflows/types/failures';
import { isUnreachableCode } from './db/unreachable';

// SQLSTATE classes of values or statements PostgreSQL refuses (22 data exception, 23 integrity, 42 syntax or
// access): the same call fails the same way every time
const DATA_CLASSES = new Set(['22', '23', '42']);
const PROGRAMMING = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

/** The error's code, if it or one of its causes has one: the SQLSTATE of a driver error, a socket error's name. */
function codeOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Temporal's own failures (a cancellation) as they are; anything else typed and shortened, its details logged here. */
export function toActivityFailure(err: unknown, details: unknown[] = []): unknown {
  if (err instanceof TemporalFailure || Context.current().cancellationSignal.aborted) return err;
  const code = codeOf(err);
  const name = err instanceof Error ? err.name : typeof err;
  const activity = Context.current().info.activityType;
  Context.current().log.error(`${activity} failed`, { error: err as Error, code });
  if ((code && isUnreachableCode(code)) || name === 'KnexTimeoutError') {
    return ApplicationFailure.create({
      message: `${activity}: the database is unreachable (${code ?? name})`,
      type: FailureType.DatabaseUnavailable,
      details,
    });
  }
  if (code && /^[0-9A-Z]{5}$/.test(code) && DATA_CLASSES.has(code.slice(0, 2))) {
    return ApplicationFailure.create({
      message: `${activity}: the database refused the data (SQLSTATE ${code}); details in the worker log`,
      type: FailureType.DataError,
      nonRetryable: true,
      details,
    });
  }
  if (PROGRAMMING.has(name)) {
    return ApplicationFailure.create({
      message: `${activity}: ${name}, a bug; details in the worker log`,
      type: FailureType.InternalError,
      nonRetryable: true,
      details,
    });
  }
  return ApplicationFailure.create({
    message: `${activity}: ${name}${code ? ` (${code})` : ''}; details in the worker log`,
    type: FailureType.ActivityError,
    details,
  });
}

/** An activity whose unexpected errors become such failures. */
export const guarded =
  <I extends unknown[], O>(fn: (...input: I) => Promise<O>) =>
  async (...input: I): Promise<O> => {
    try {
      return await fn(...input);
    } catch (err) {
      throw toActivityFailure(err);
    }
  };
