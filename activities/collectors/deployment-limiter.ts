// A provider's request rate and daily quota for the whole deployment: every request start is a slot claimed from
// the provider's row in PostgreSQL (activities/db/repositories/provider-limits.ts), so N worker processes together
// keep to the configured *_RATE_PER_SECOND and *_DAILY_QUOTA, and a restart forgets nothing.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Platform } from '../../workflows/types/platforms';
import type { ProviderLimitsStore } from '../db/repositories/provider-limits';
import { DatabaseClock } from './database-clock';
import { ProviderError } from './errors';
import { QUOTA_RECHECK_MS } from './official/daily-quota';

/** A slot woken up later than this is given up and another claimed: a late start could crowd the next second. */
export const SLOT_LATE_MS = 30;
/**
 * Slots are (1000 + SLOT_MARGIN_MS) / rate apart: starts k and k + rate then reach the provider more than a second
 * apart as long as their delays from slot to arrival (a late wake-up, up to SLOT_LATE_MS, a new connection's
 * handshake, the network, a busy event loop on either side) differ by less than the margin. Three workers at 40/s
 * on two busy cores saw at most 36 starts in a second (docs/scaling.md): 35 gaps of 30 ms squeezed below 1 s, a
 * spread over 50 ms; it takes over 200 ms to break the limit. The price is 1/6 of the configured rate.
 */
export const SLOT_MARGIN_MS = 200;
/**
 * Claims per second a process makes at most for one provider: above that rate a claim takes several slots at once
 * (20/s: one slot, one round trip per request; 500/s: 25 slots a claim). Slots a process cannot use in time are
 * wasted, never handed to a second request, so batching only costs throughput when the rate binds anyway.
 */
export const CLAIMS_PER_SECOND = 20;

export class SharedLimiter {
  readonly spacingMs: number;
  readonly batch: number;
  /** Claimed, unused slot start times (performance.now()), earliest first. */
  private slots: number[] = [];
  /** Slots given up since the last claim: the next claim takes them off the quota count. */
  private unused = 0;
  private waiting = 0;
  private readonly clock = new DatabaseClock();
  private claiming: Promise<void> | undefined;

  constructor(
    readonly platform: Platform,
    private readonly store: ProviderLimitsStore,
    readonly ratePerSecond: number,
    readonly dailyQuota?: number,
  ) {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0)
      throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
    this.spacingMs = (1000 + SLOT_MARGIN_MS) / ratePerSecond;
    this.batch = Math.max(1, Math.floor(ratePerSecond / CLAIMS_PER_SECOND));
  }

  /** Resolves at this request's slot; throws a 'quota' ProviderError when the deployment's quota is spent. */
  async acquire(signal?: AbortSignal): Promise<void> {
    this.waiting++;
    try {
      for (;;) {
        signal?.throwIfAborted();
        if (this.slots.length === 0) await this.claim();
        const slot = this.slots.shift();
        // another request of this process took the last slot: claim again
        if (slot === undefined) continue;
        const wait = slot - performance.now();
        if (wait > 0) {
          await sleep(wait, undefined, { signal }).catch((err: unknown) => {
            this.unused++;
            throw err;
          });
        }
        if (performance.now() - slot <= SLOT_LATE_MS) return;
        this.unused++;
      }
    } finally {
      this.waiting--;
    }
  }

  /** The provider answered 429: no worker starts a request before Retry-After has passed. */
  async pause(ms: number): Promise<void> {
    this.dropSlots();
    await this.store.pause(ms);
  }

  /** The provider says the day's quota is spent: every worker stops asking for a while. */
  async exhaust(ms = QUOTA_RECHECK_MS): Promise<void> {
    this.dropSlots();
    await this.store.exhaust(ms);
  }

  private claim(): Promise<void> {
    // one claim in flight per process: the requests waiting meanwhile share its slots
    return (this.claiming ??= this.claimNow().finally(() => {
      this.claiming = undefined;
    }));
  }

  private async claimNow(): Promise<void> {
    const want = Math.min(this.batch, Math.max(1, this.waiting));
    const unused = this.unused;
    // the first slot lies far enough ahead that the answer arrives before it
    const leadMs = Math.min(250, 2 * this.clock.rttMs + 5);
    // the row exists before the timed round trip, so that trip is one statement only
    await this.store.ready();
    const sent = DatabaseClock.now();
    const res = await this.store.claim({ want, spacingMs: this.spacingMs, dailyQuota: this.dailyQuota, leadMs, unused });
    this.clock.sample(sent, DatabaseClock.now(), res.atMs);
    this.unused -= unused;
    if (res.granted === 0) {
      const reason = res.providerSpent ? 'the provider reports none left' : `${this.dailyQuota} requests per 24 h across the deployment`;
      throw new ProviderError(this.platform, 'quota', `daily quota reached (${reason})`);
    }
    const first = this.clock.toLocal(res.firstMs);
    for (let i = 0; i < res.granted; i++) this.slots.push(first + i * this.spacingMs);
  }

  private dropSlots(): void {
    this.unused += this.slots.length;
    this.slots = [];
  }
}

/** Builds the shared limiter of one provider; undefined: this process limits itself only (tests, benchmarks). */
export type SharedLimits = (provider: {
  platform: Platform;
  adapter: string;
  baseUrl: string;
  ratePerSecond: number;
  dailyQuota?: number;
}) => SharedLimiter;

/** Shared limits through `storeFor`, one row per provider: platform, adapter and host (a test's simulator is its own). */
export function sharedLimits(storeFor: (provider: string) => ProviderLimitsStore): SharedLimits {
  return ({ platform, adapter, baseUrl, ratePerSecond, dailyQuota }) =>
    new SharedLimiter(platform, storeFor(providerKey(platform, adapter, baseUrl)), ratePerSecond, dailyQuota);
}

/** The row name of a provider, as sharedLimits keys it (for operators and tests). */
export const providerKey = (platform: Platform, adapter: string, baseUrl: string): string =>
  `${platform}:${adapter}@${new URL(baseUrl).host}`;
