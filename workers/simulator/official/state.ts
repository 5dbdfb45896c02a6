// What the simulated official APIs remember: the credentials they accept, the tokens they issued, Etsy's quotas.
import { randomBytes } from 'node:crypto';
import type { GoogleAdsConfig } from '../../../activities/collectors/google-ads/adapter';
import type { Platform } from '../../../workflows/types/platforms';

export interface OfficialCredentials {
  etsy: { keystring: string; sharedSecret: string };
  ebay: { clientId: string; clientSecret: string };
  amazon: { clientId: string; clientSecret: string; refreshToken: string; profileId: string };
  /** Google Ads (a demand source, not a platform); loginCustomerId, when set, must be sent as login-customer-id. */
  googleAds?: GoogleAdsCredentials;
}

/** The Google Ads credentials the simulated API accepts: those the adapter sends. */
export type GoogleAdsCredentials = Pick<
  GoogleAdsConfig,
  'developerToken' | 'clientId' | 'clientSecret' | 'refreshToken' | 'customerId' | 'loginCustomerId'
>;

export interface OfficialLimits {
  /** Etsy's per-app limits: 10 a second and 10,000 per sliding 24 h by default. */
  etsyPerSecond: number;
  etsyPerDay: number;
  /** Google Ads API operations per 24 h (Basic access: 15,000). */
  googleAdsPerDay?: number;
  /** Lifetime of issued access tokens; eBay's real ones last 7,200 s, Login with Amazon's 3,600 s. */
  tokenLifetimeSeconds?: number;
}

/** Without explicit credentials each API accepts its platform's simulator key in every credential field. */
export function defaultCredentials(keys: Record<Platform, string>): OfficialCredentials {
  return {
    etsy: { keystring: keys.etsy, sharedSecret: keys.etsy },
    ebay: { clientId: keys.ebay, clientSecret: keys.ebay },
    amazon: { clientId: keys.amazon, clientSecret: keys.amazon, refreshToken: keys.amazon, profileId: '1' },
    // Google Ads takes Amazon's key: the simulator's keys are per platform
    googleAds: {
      developerToken: keys.amazon,
      clientId: keys.amazon,
      clientSecret: keys.amazon,
      refreshToken: keys.amazon,
      customerId: '1234567890',
    },
  };
}

const DAY_MS = 86_400_000;
const GOOGLE_ADS_PER_DAY = 15_000;
type TokenOwner = 'ebay' | 'amazon' | 'google-ads';
const TOKEN_PREFIX: Record<TokenOwner, string> = { ebay: 'v^1.1#i^1#', amazon: 'Atza|', 'google-ads': 'ya29.' };

/** Request arrival times in a sliding window, as a provider counts them. */
class SlidingCount {
  private readonly times: number[] = [];
  constructor(private readonly windowMs: number) {}

  count(now: number): number {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    return this.times.length;
  }

  add(now: number): void {
    this.times.push(now);
  }

  /** Seconds until the oldest counted request leaves the window. */
  secondsUntilFree(now: number): number {
    return Math.max(1, Math.ceil(((this.times[0] ?? now) + this.windowMs - now) / 1000));
  }
}

export type EtsyQuotaAnswer =
  | { allowed: true; remainingSecond: number; remainingToday: number }
  | { allowed: false; remainingSecond: number; remainingToday: number; retryAfterSeconds: number };

export class OfficialState {
  limits: OfficialLimits;
  private readonly tokens = new Map<string, { owner: TokenOwner; expiresAt: number }>();
  private second = new SlidingCount(1000);
  private day = new SlidingCount(DAY_MS);
  private googleAdsDay = new SlidingCount(DAY_MS);

  constructor(limits: Partial<OfficialLimits> = {}) {
    this.limits = { etsyPerSecond: 10, etsyPerDay: 10_000, ...limits };
  }

  issueToken(owner: TokenOwner, defaultLifetimeSeconds: number): { token: string; expiresIn: number } {
    const expiresIn = this.limits.tokenLifetimeSeconds ?? defaultLifetimeSeconds;
    const token = `${TOKEN_PREFIX[owner]}${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { owner, expiresAt: Date.now() + expiresIn * 1000 });
    return { token, expiresIn };
  }

  tokenValid(owner: TokenOwner, token: string | undefined): boolean {
    const issued = token === undefined ? undefined : this.tokens.get(token);
    return issued?.owner === owner && Date.now() < issued.expiresAt;
  }

  /** Every issued token stops working at once, as after a revocation. */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** Counts one Etsy request if both windows have room. */
  takeEtsy(): EtsyQuotaAnswer {
    const now = Date.now();
    const { etsyPerSecond, etsyPerDay } = this.limits;
    const [second, day] = [this.second.count(now), this.day.count(now)];
    if (day >= etsyPerDay)
      return {
        allowed: false,
        remainingSecond: Math.max(0, etsyPerSecond - second),
        remainingToday: 0,
        retryAfterSeconds: this.day.secondsUntilFree(now),
      };
    if (second >= etsyPerSecond) return { allowed: false, remainingSecond: 0, remainingToday: etsyPerDay - day, retryAfterSeconds: 1 };
    this.second.add(now);
    this.day.add(now);
    return { allowed: true, remainingSecond: etsyPerSecond - second - 1, remainingToday: etsyPerDay - day - 1 };
  }

  /** Counts one Google Ads operation if the day has room; else the seconds until one frees up. */
  takeGoogleAds(): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = Date.now();
    if (this.googleAdsDay.count(now) >= (this.limits.googleAdsPerDay ?? GOOGLE_ADS_PER_DAY))
      return { allowed: false, retryAfterSeconds: this.googleAdsDay.secondsUntilFree(now) };
    this.googleAdsDay.add(now);
    return { allowed: true };
  }

  /** Forgets the counted requests (tests start from a full quota). */
  resetQuotas(): void {
    this.second = new SlidingCount(1000);
    this.day = new SlidingCount(DAY_MS);
    this.googleAdsDay = new SlidingCount(DAY_MS);
  }
}
