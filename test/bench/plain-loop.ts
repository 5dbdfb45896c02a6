// The collection bench's yardstick: the same adapters, the same calls, `inFlight` keywords at a time across the
// platforms, with no Temporal and no database: what collecting costs before any orchestration.
import type { ProviderAdapter } from '../../activities/collectors';
import type { Platform } from '../../workflows/types/platforms';

export async function plainLoop(adapters: Partial<Record<Platform, ProviderAdapter>>, keywords: string[], inFlight: number): Promise<void> {
  const jobs = Object.values(adapters).flatMap((adapter) => keywords.map((keyword) => [adapter!, keyword] as const));
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const [adapter, keyword] = jobs[next++]!;
      await adapter.collect(keyword);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}
