// Shared by the official adapters' tests: an in-process simulator with random official credentials, and the
// provider configurations that point each official adapter at it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createAdapter, type ProviderAdapter } from '../../activities/collectors';
import type { ProviderConfig } from '../../activities/collectors/provider-config';
import type { OfficialCredentials, OfficialLimits } from '../../workers/simulator/app';
import { OFFICIAL_PREFIXES } from '../../workers/simulator/official';
import { startSimulator } from '../../workers/simulator/server';
import type { Platform } from '../../workflows/types/platforms';
import { DAY } from './fixture';

const secret = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;
export const ASINS = ['B0TESTASIN', 'B0OTHERASN'];

export async function startOfficialSimulator(limits: Partial<OfficialLimits> = { etsyPerSecond: 1000 }) {
  const apiKeys: Record<Platform, string> = { amazon: secret('am'), etsy: secret('et'), ebay: secret('eb') };
  const credentials: OfficialCredentials = {
    etsy: { keystring: secret('keystring'), sharedSecret: secret('shared') },
    ebay: { clientId: secret('ebay-client'), clientSecret: secret('ebay-secret') },
    amazon: {
      clientId: secret('amzn1.application-oa2-client'),
      clientSecret: secret('lwa-secret'),
      refreshToken: secret('Atzr'),
      profileId: '3141592653',
    },
  };
  const running = await startSimulator({ apiKeys, day: () => DAY, seed: 11, official: credentials, officialLimits: limits });
  const base = (platform: Platform) => `${running.url}${OFFICIAL_PREFIXES[platform]}`;
  const settings = { ratePerSecond: 1000, timeoutMs: 5000 };
  const config =
    (platform: Platform, dailyQuota?: number) =>
    (overrides: Partial<ProviderConfig> = {}): ProviderConfig => ({
      ...officialProvider(platform, running.url, credentials, { ...settings, dailyQuota }),
      ...overrides,
    });
  const configs = { etsy: config('etsy', 10_000), ebay: config('ebay', 5_000), amazon: config('amazon') };
  const secrets = [...Object.values(apiKeys), ...Object.values(credentials).flatMap((c) => Object.values(c) as string[])].filter(
    (s) => s !== credentials.amazon.profileId,
  );
  /** The simulator's requests of one platform as "call status" lines. */
  const calls = (platform: Platform) =>
    running.simulator.requests.filter((r) => r.platform === platform).map((r) => `${r.call} ${r.status}`);
  return { ...running, credentials, configs, secrets, base, calls };
}

/** A platform's official adapter pointed at a simulator that accepts `credentials`. */
export function officialProvider(
  platform: Platform,
  simulatorUrl: string,
  credentials: OfficialCredentials,
  settings: Pick<ProviderConfig, 'ratePerSecond' | 'timeoutMs' | 'dailyQuota'>,
): ProviderConfig {
  const baseUrl = `${simulatorUrl}${OFFICIAL_PREFIXES[platform]}`;
  switch (platform) {
    case 'etsy':
      return { platform, adapter: 'etsy-v3', baseUrl, ...settings, etsyV3: { ...credentials.etsy } };
    case 'ebay':
      return { platform, adapter: 'ebay-browse', baseUrl, ...settings, ebayBrowse: { ...credentials.ebay, marketplaceId: 'EBAY_US' } };
    case 'amazon':
      return {
        platform,
        adapter: 'amazon-ads',
        baseUrl,
        ...settings,
        amazonAds: { ...credentials.amazon, tokenUrl: `${baseUrl}/auth/o2/token`, asins: ASINS },
      };
  }
}

export type OfficialSimulator = Awaited<ReturnType<typeof startOfficialSimulator>>;

/** The simulator's raw answer, fetched as a client would, for field-by-field comparisons. */
export async function rawJson<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** One simulator per test file, its faults and request log cleared before each test; `reset` undoes more. */
export function useOfficialSimulator(reset: (sim: OfficialSimulator) => void = () => undefined): () => OfficialSimulator {
  let sim: OfficialSimulator | undefined;
  beforeAll(async () => {
    sim = await startOfficialSimulator();
  });
  afterAll(() => sim?.close());
  beforeEach(() => {
    sim!.simulator.clearFaults();
    sim!.simulator.resetRequests();
    reset(sim!);
  });
  return () => sim!;
}

/** An adapter for the length of `fn`, closed afterwards whatever happens. */
export async function withAdapter<T>(config: ProviderConfig, fn: (adapter: ProviderAdapter) => Promise<T>): Promise<T> {
  const adapter = createAdapter(config);
  try {
    return await fn(adapter);
  } finally {
    await adapter.close();
  }
}
