// A platform's daily request quota (Etsy: 10,000 per sliding 24 h; eBay Browse: 5,000 a day): the configured
// quota is never exceeded by this process, and a provider saying none is left is believed.
import type { ProviderName } from '../../../workflows/types/platforms';
import { ProviderError } from '../errors';

export const DAY_MS = 86_400_000;
/**
 * After the provider says the quota is spent, no call goes out for this long (or its Retry-After): its window
 * slides, so some quota frees up later, but asking every keyword would only hammer it.
 */
export const QUOTA_RECHECK_MS = 15 * 60_000;

export class DailyQuota {
  /** Start times of the requests in the last 24 h, oldest first (only kept when there is a limit). */
  private readonly starts: number[] = [];
  private blockedUntil = 0;

  constructor(
    readonly platform: ProviderName,
    /** Requests per sliding 24 h; undefined: only the provider's word counts. */
    readonly limit?: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request about to go out, or throws a 'quota' ProviderError (and counts nothing). */
  take(): void {
    const now = this.now();
    if (now < this.blockedUntil) throw this.error('the provider reports none left');
    if (this.limit === undefined) return;
    while (this.starts.length > 0 && this.starts[0]! <= now - DAY_MS) this.starts.shift();
    if (this.starts.length >= this.limit) throw this.error(`${this.limit} requests per 24 h`);
    this.starts.push(now);
  }

  /** Requests left in the configured limit now (0 while the provider says none); undefined without a limit. */
  left(): number | undefined {
    if (this.limit === undefined) return undefined;
    const now = this.now();
    if (now < this.blockedUntil) return 0;
    const recent = this.starts.filter((t) => t > now - DAY_MS).length;
    return Math.max(0, this.limit - recent);
  }

  /** The provider said no requests are left today. */
  exhaust(retryAfterMs = QUOTA_RECHECK_MS): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + retryAfterMs);
  }

  error(reason: string, status?: number): ProviderError {
    return new ProviderError(this.platform, 'quota', `daily quota reached (${reason})`, status);
  }
}
