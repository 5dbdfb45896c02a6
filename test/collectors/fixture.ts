// Shared by the collector tests: an in-process simulator on a free port with random keys, and error checks.
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { ProviderConfig } from '../../activities/collectors/provider-config';
import { ProviderError, type ProviderErrorKind } from '../../activities/collectors/errors';
import { createSimulator } from '../../workers/simulator/app';
import { startSimulator } from '../../workers/simulator/server';
import type { Platform } from '../../workflows/types/platforms';

export const DAY = '2026-11-24';

export async function startTestSimulator() {
  const apiKeys: Record<Platform, string> = {
    amazon: `am-${randomBytes(12).toString('hex')}`,
    etsy: `et-${randomBytes(12).toString('hex')}`,
    ebay: `eb-${randomBytes(12).toString('hex')}`,
  };
  const running = await startSimulator({ apiKeys, day: () => DAY, seed: 7 });
  const config = (platform: Platform, overrides: Partial<ProviderConfig> = {}): ProviderConfig => ({
    platform,
    baseUrl: running.baseUrls[platform],
    apiKey: apiKeys[platform],
    ratePerSecond: 1000,
    timeoutMs: 5000,
    ...overrides,
  });
  return { ...running, apiKeys, config };
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

/** The error must be a ProviderError of `kind`, and no rendering of it may contain a secret. */
export async function expectProviderError(promise: Promise<unknown>, kind: ProviderErrorKind, secrets: string[]): Promise<ProviderError> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(ProviderError);
  const providerError = err as ProviderError;
  expect(providerError.kind).toBe(kind);
  expectNoSecret(providerError, secrets);
  return providerError;
}

export function expectNoSecret(err: unknown, secrets: string[]): void {
  const e = err as Partial<Error>;
  const renderings = [e.message ?? '', e.stack ?? '', JSON.stringify(e) ?? '', inspect(e, { depth: 5, showHidden: true })];
  for (const secret of secrets) {
    for (const text of renderings) expect(text).not.toContain(secret);
  }
}

/** The simulator's Hono app without a server, for route-level tests. */
export const appKeys: Record<Platform, string> = { amazon: 'key-amazon-test', etsy: 'key-etsy-test', ebay: 'key-ebay-test' };
export const appAuth = (platform: Platform) => ({ authorization: `Bearer ${appKeys[platform]}` });

export function setupApp(seed = 3) {
  const sim = createSimulator({ apiKeys: appKeys, day: () => DAY, seed });
  const get = (path: string, headers: Record<string, string> = appAuth('etsy'), init: RequestInit = {}) =>
    sim.app.request(path, { headers, ...init });
  return { sim, get };
}
