// `npm run simulator`: the provider simulator as its own process (the compose stack's stand-in provider).
import { PLATFORMS } from '../workflows/types/platforms';
import { GOOGLE_ADS_PREFIX, OFFICIAL_PREFIXES } from './simulator/official';
import { startSimulator } from './simulator/server';

function portFromEnv(raw: string | undefined): number {
  const port = Number(raw ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('SIMULATOR_PORT must be a port number');
  return port;
}

async function main(): Promise<void> {
  const key = process.env.SIMULATOR_API_KEY;
  if (!key) throw new Error('SIMULATOR_API_KEY is required (the bearer key all three platforms accept)');
  const running = await startSimulator({
    apiKeys: { amazon: key, etsy: key, ebay: key },
    port: portFromEnv(process.env.SIMULATOR_PORT),
    host: process.env.SIMULATOR_HOST ?? '127.0.0.1',
  });
  console.log(`provider simulator (simulated data) listening on ${running.url}`);
  for (const platform of PLATFORMS) console.log(`  ${platform}: ${running.baseUrls[platform]}`);
  // the official APIs' look-alikes accept SIMULATOR_API_KEY in every credential field (README: the simulator serves the official APIs too)
  for (const [platform, prefix] of Object.entries(OFFICIAL_PREFIXES)) console.log(`  ${platform} official API: ${running.url}${prefix}`);
  console.log(
    `  Google Ads API: ${running.url}${GOOGLE_ADS_PREFIX}/v26 (token: ${running.url}${GOOGLE_ADS_PREFIX}/token, customer 1234567890)`,
  );
  const stop = () => void running.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
