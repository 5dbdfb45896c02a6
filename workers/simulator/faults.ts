// Switchable provider faults, decided per request by a seeded generator so runs can be replayed.
import { z } from 'zod';
import { PLATFORMS, type Platform, type ProviderName } from '../../workflows/types/platforms';
import { createRng } from './rng';

export const SIM_CALLS = ['search', 'trends', 'related', 'categories'] as const;
export type SimCall = (typeof SIM_CALLS)[number];

/** Which requests a fault may hit, how often, and how many times at most. */
const rule = {
  /** Probability that a matching request gets the fault (default 1). */
  rate: z.number().min(0).max(1).default(1),
  /** Only these keywords (compared trimmed, case-insensitively); all when absent. */
  keywords: z.array(z.string()).optional(),
  /** Only these calls; all when absent. */
  calls: z.array(z.enum(SIM_CALLS)).optional(),
  /** Stop after hitting this many requests; unlimited when absent. */
  times: z.number().int().min(0).optional(),
};

export const platformFaultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).optional(),
  rateLimit: z.strictObject({ ...rule, retryAfterSeconds: z.number().int().min(0).default(1) }).optional(),
  serverError: z.strictObject({ ...rule, status: z.union([z.literal(500), z.literal(502), z.literal(503)]).default(503) }).optional(),
  hang: z.strictObject(rule).optional(),
  /** 404 "unknown keyword": the provider does not know it. */
  notFound: z.strictObject(rule).optional(),
  malformed: z.strictObject(rule).optional(),
  unauthorized: z.boolean().optional(),
});

export type PlatformFaults = z.input<typeof platformFaultsSchema>;
type ParsedFaults = z.output<typeof platformFaultsSchema>;
type FaultName = 'rateLimit' | 'serverError' | 'hang' | 'notFound' | 'malformed';
const ORDER: FaultName[] = ['hang', 'rateLimit', 'serverError', 'notFound', 'malformed'];

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'notFound' }
  | { kind: 'malformed' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'serverError'; status: 500 | 502 | 503 };

const normalize = (keyword: string) => keyword.trim().toLowerCase();

export class FaultController {
  private readonly faults = new Map<ProviderName, ParsedFaults>();
  private readonly hits = new Map<string, number>();
  private readonly rng: () => number;

  constructor(seed = 1, initial: Partial<Record<Platform, PlatformFaults>> = {}) {
    this.rng = createRng(seed);
    for (const platform of PLATFORMS) {
      const faults = initial[platform];
      if (faults) this.set(platform, faults);
    }
  }

  /** Replaces the platform's faults (and restarts their `times` counters); throws on an invalid shape. */
  set(platform: ProviderName, faults: PlatformFaults): void {
    this.faults.set(platform, platformFaultsSchema.parse(faults));
    for (const name of ORDER) this.hits.delete(`${platform}:${name}`);
  }

  clear(): void {
    this.faults.clear();
    this.hits.clear();
  }

  get(platform: ProviderName): ParsedFaults {
    return this.faults.get(platform) ?? {};
  }

  latencyMs(platform: ProviderName): number {
    return this.get(platform).latencyMs ?? 0;
  }

  unauthorized(platform: ProviderName): boolean {
    return this.get(platform).unauthorized === true;
  }

  /** The first fault, in ORDER, that matches this request and fires. */
  decide(platform: ProviderName, call: SimCall, keyword: string): FaultDecision {
    const faults = this.get(platform);
    for (const name of ORDER) {
      const fault = faults[name];
      if (!fault || !this.fires(`${platform}:${name}`, fault, call, keyword)) continue;
      if (name === 'rateLimit') return { kind: name, retryAfterSeconds: faults.rateLimit!.retryAfterSeconds };
      if (name === 'serverError') return { kind: name, status: faults.serverError!.status };
      return { kind: name };
    }
    return { kind: 'none' };
  }

  private fires(counter: string, fault: z.output<z.ZodObject<typeof rule>>, call: SimCall, keyword: string): boolean {
    if (fault.calls && !fault.calls.includes(call)) return false;
    if (fault.keywords && !fault.keywords.some((k) => normalize(k) === normalize(keyword))) return false;
    const hits = this.hits.get(counter) ?? 0;
    if (fault.times !== undefined && hits >= fault.times) return false;
    if (fault.rate < 1 && this.rng() >= fault.rate) return false;
    this.hits.set(counter, hits + 1);
    return true;
  }
}
