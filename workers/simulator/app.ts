// The provider simulator: Amazon, Etsy and eBay under one Hono app, labelled as simulated data.
import { Hono } from 'hono';
import { PLATFORMS, type Platform, type ProviderName } from '../../workflows/types/platforms';
import { FaultController, platformFaultsSchema, type PlatformFaults } from './faults';
import { defaultCredentials, officialRoutes, OfficialState, type OfficialCredentials, type OfficialLimits } from './official';
import type { RequestLogEntry } from './http';
import { bearerMatches, platformRoutes } from './platform-routes';

export type { RequestLogEntry } from './http';
export type { PlatformFaults } from './faults';
export type { OfficialCredentials, OfficialLimits } from './official';

export interface SimulatorOptions {
  /** The bearer key each platform accepts; admin routes accept any of them. */
  apiKeys: Record<Platform, string>;
  /** The day the data belongs to (YYYY-MM-DD); the current UTC date by default. */
  day?: () => string;
  faults?: Partial<Record<Platform, PlatformFaults>>;
  /** Seeds the generator deciding which requests a fault with a rate below 1 hits. */
  seed?: number;
  /** The request log keeps this many newest entries (default 100,000), so a long-lived simulator stays small. */
  maxLoggedRequests?: number;
  /** Credentials the simulated official APIs accept; by default each platform's key in every field. */
  official?: OfficialCredentials;
  /** Etsy's quotas and the issued tokens' lifetime in the simulated official APIs. */
  officialLimits?: Partial<OfficialLimits>;
}

export interface Simulator {
  app: Hono;
  /** Replaces a platform's (or the demand source's) faults; throws when the shape is invalid. */
  setFaults(platform: ProviderName, faults: PlatformFaults): void;
  clearFaults(): void;
  /** Platform requests in arrival order, the newest `maxLoggedRequests` (admin and health routes excluded). */
  readonly requests: RequestLogEntry[];
  resetRequests(): void;
  /** Steers the simulated official APIs: their limits, issued tokens and counted quotas. */
  readonly official: OfficialState;
}

const utcToday = () => new Date().toISOString().slice(0, 10);
const isPlatform = (value: string): value is Platform => (PLATFORMS as readonly string[]).includes(value);

export function createSimulator(options: SimulatorOptions): Simulator {
  for (const platform of PLATFORMS) {
    if (!options.apiKeys[platform]) throw new Error(`simulator: an API key for ${platform} is required`);
  }
  const faults = new FaultController(options.seed, options.faults);
  const requests: RequestLogEntry[] = [];
  const maxLogged = options.maxLoggedRequests ?? 100_000;
  const record = (entry: RequestLogEntry) => {
    requests.push(entry);
    // trimmed in chunks, not on every request: splicing the front of a long array is costly
    if (requests.length > maxLogged * 1.1) requests.splice(0, requests.length - maxLogged);
  };
  const day = options.day ?? utcToday;
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Simulated-Data', 'true');
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((_err, c) => c.json({ error: 'internal error' }, 500));

  app.get('/health', (c) => c.json({ status: 'ok', simulated: true }));
  // admin routes steer faults and expose the log, so they take any of the platform keys
  app.use('/__*', async (c, next) => {
    const header = c.req.header('authorization');
    if (!PLATFORMS.some((p) => bearerMatches(header, options.apiKeys[p]))) {
      return c.json({ error: 'unauthorized' }, 401);
    }
    await next();
  });
  app.get('/__requests', (c) => c.json(requests));
  app.delete('/__requests', (c) => {
    requests.length = 0;
    return c.body(null, 204);
  });
  app.put('/__faults/:platform', async (c) => {
    const platform = c.req.param('platform');
    if (!isPlatform(platform)) return c.json({ error: `unknown platform ${platform}` }, 404);
    const parsed = platformFaultsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: 'invalid faults', issues: parsed.error.issues }, 400);
    faults.set(platform, parsed.data);
    return c.json({ platform, faults: faults.get(platform) });
  });
  app.delete('/__faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  for (const platform of PLATFORMS) {
    app.route(`/${platform}`, platformRoutes(platform, { apiKey: options.apiKeys[platform], day, faults, record }));
  }
  const official = new OfficialState(options.officialLimits);
  app.route(
    '/',
    officialRoutes({ credentials: { ...defaultCredentials(options.apiKeys), ...options.official }, state: official, day, faults, record }),
  );

  return {
    app,
    setFaults: (platform, value) => faults.set(platform, value),
    clearFaults: () => faults.clear(),
    requests,
    resetRequests: () => {
      requests.length = 0;
    },
    official,
  };
}
