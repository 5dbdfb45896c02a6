// Serves the simulator over HTTP, in-process (tests, local stack) or as its own process (`npm run simulator`).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { PLATFORMS, type Platform } from '../../../workflows/types';
import { createSimulator, type Simulator, type SimulatorOptions } from './app';

export interface StartSimulatorOptions extends SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningSimulator {
  url: string;
  /** Each platform's provider base URL, e.g. http://127.0.0.1:4010/etsy. */
  baseUrls: Record<Platform, string>;
  simulator: Simulator;
  close(): Promise<void>;
}

export async function startSimulator(options: StartSimulatorOptions): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', ...simulatorOptions } = options;
  const simulator = createSimulator(simulatorOptions);
  // leave the process's global Request/Response alone: the simulator may share it with a worker
  const server = serve({ fetch: simulator.app.fetch, port, hostname: host, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  const baseUrls = Object.fromEntries(PLATFORMS.map((p) => [p, `${url}/${p}`])) as Record<Platform, string>;
  return {
    url,
    baseUrls,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // hung requests would otherwise keep close() waiting forever
        server.closeAllConnections();
      }),
  };
}

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
  const stop = () => void running.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
