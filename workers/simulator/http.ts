// What every simulated API shares: the request log's entry, constant-time secret checks, hung-call waits.
import { timingSafeEqual } from 'node:crypto';
import type { ProviderName } from '../../workflows/types/platforms';

export interface RequestLogEntry {
  platform: ProviderName;
  /** Last path segment: search, trends, related, categories (or whatever an unknown route asked for). */
  call: string;
  method: string;
  keyword: string | null;
  /** 499 when the client gave up on a hung request. */
  status: number;
  /** Arrival time, epoch milliseconds with sub-millisecond precision. */
  startedAt: number;
}

export type Env = { Variables: { entry: RequestLogEntry } };

/** Compares in constant time, so response timing does not reveal how much of a secret was right. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves when the client goes away: a hung call holds its request until then. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
