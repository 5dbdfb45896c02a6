// Provider errors, by what the caller should do about them (docs/data-sources.md lists which are retried).
import type { ProviderName } from '../../workflows/types/platforms';

export type ProviderErrorKind =
  | 'rate_limited' // 429: retry after retryAfterMs
  | 'unavailable' // 5xx, 503, resets, timeouts, malformed bodies: retry later
  | 'auth' // 401/403: the platform's credentials are refused; retrying cannot help
  | 'quota' // the daily request quota is spent: the platform stops for this run, no further calls
  | 'keyword'; // 400/404: this keyword fails, the batch goes on

export class ProviderError extends Error {
  constructor(
    readonly platform: ProviderName,
    readonly kind: ProviderErrorKind,
    /** What happened, without the platform's name. */
    readonly reason: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    // messages name the platform, call and status; never a URL with a key or a header
    super(`${platform}: ${reason}`);
    this.name = 'ProviderError';
  }

  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }
}
