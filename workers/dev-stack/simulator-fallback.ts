// Platforms with no provider of their own (no *_PROVIDER_URL, no official *_ADAPTER) are served by a
// provider simulator: the local stack's own, or a standalone worker's SIMULATOR_URL.
import { isProviderConfigured } from '../../activities/collectors';
import type { AppConfig } from '../config/config';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';

export type Providers = AppConfig['providers'];

export function unconfiguredPlatforms(providers: Providers): Platform[] {
  return PLATFORMS.filter((p) => !isProviderConfigured(providers[p]));
}

/** The simulator serves each platform under `<url>/<platform>` (activities/collectors/simulator). */
export function withSimulatorFallback(providers: Providers, simulator: AppConfig['simulator']): Providers {
  if (!simulator) return providers;
  const out = { ...providers };
  for (const p of unconfiguredPlatforms(providers)) out[p] = { ...out[p], baseUrl: `${simulator.url}/${p}`, apiKey: simulator.apiKey };
  return out;
}
