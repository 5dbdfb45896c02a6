// Serves the simulator over HTTP, in-process (tests, the local stack) or as its own process (workers/simulator.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
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
