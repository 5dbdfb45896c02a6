// The one mapping from HTTP outcomes to ProviderError kinds (docs/data-sources.md lists which are retried).
import type { ProviderName } from '../../workflows/types/platforms';
import { ProviderError } from './errors';

export const DEFAULT_RETRY_AFTER_MS = 1000;

/** Retry-After as milliseconds: delta-seconds or an HTTP date; the default when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  // HTTP dates start with the day's name; Date.parse would also take things like "-3"
  const date = /^[a-z]/i.test(raw) ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - now);
}

type Headers = Record<string, string | string[] | undefined>;

/** The error for a non-2xx response; `call` is e.g. "GET /etsy/keywords/search". */
export function errorForStatus(platform: ProviderName, call: string, status: number, headers: Headers): ProviderError {
  const message = `${call} returned ${status}`;
  if (status === 429) return new ProviderError(platform, 'rate_limited', message, status, parseRetryAfter(headers['retry-after']));
  if (status === 401 || status === 403) return new ProviderError(platform, 'auth', message, status);
  if (status >= 500 || status === 408) {
    // a 503 may say when to come back; other failures leave the delay to the retry policy
    const retryAfter = headers['retry-after'] === undefined ? undefined : parseRetryAfter(headers['retry-after']);
    return new ProviderError(platform, 'unavailable', message, status, retryAfter);
  }
  if (status >= 400) return new ProviderError(platform, 'keyword', message, status);
  return new ProviderError(platform, 'unavailable', `${message} (unexpected)`, status);
}

/** The error for a request that got no usable response: timeouts, resets, refused connections. */
export function errorForFailure(platform: ProviderName, call: string, err: unknown, timeoutMs: number): ProviderError {
  const { name, code } = (err ?? {}) as { name?: string; code?: string };
  const timedOut = name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
  // only the error's name or code: a message could quote request details
  const reason = timedOut ? `timed out after ${timeoutMs} ms` : `failed (${code ?? name ?? 'unknown error'})`;
  return new ProviderError(platform, 'unavailable', `${call} ${reason}`);
}
