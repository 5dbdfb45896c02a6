// What collecting through Temporal costs beside a plain loop: N keywords × 3 platforms collected by the
// collectKeywords workflow (worker in this process, PostgreSQL, Temporal dev server), and, in the same run, the
// same adapters called by a plain loop at the same concurrency against the same simulator (a separate process),
// storing nothing. The last line printed is one JSON object: both wall times, their ratio, and the CPU per
// observation of this process (worker or loop), the Temporal server, PostgreSQL and the simulator, with the load.
//
//   npm run bench:collection -- [--keywords 2000] [--batch-size 50] [--concurrency 4] [--rounds 2]
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { freePort } from '../../workers/dev-stack/ports';
import { collectKeywords } from '../../workflows/collect-keywords';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { startBenchStack } from './bench-stack';
import { onStop, runBench } from './bench-teardown';
import { measure, type Meters } from './collection-meters';
import { plainLoop } from './plain-loop';

const { values: args } = parseArgs({
  options: {
    keywords: { type: 'string', default: '2000' },
    'batch-size': { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
  },
});
const N = Number(args.keywords);
const BATCH = Number(args['batch-size']);
const CONCURRENCY = Number(args.concurrency);
const log = (line: string) => console.error(`[bench] ${line}`);
const KEY = 'bench-key';

async function main() {
  const sim = await startSimulatorProcess();
  // no limit of ours binds: the comparison is about overhead, not about waiting
  const baseUrls = Object.fromEntries(PLATFORMS.map((p) => [p, `${sim.url}/${p}`])) as Record<Platform, string>;
  const { pg, temporalPort, client, adapters, taskQueue } = await startBenchStack({ log, baseUrls, apiKey: KEY, ratePerSecond: 100_000 });
  const meters: Meters = { pgDir: pg.clusterDir, temporalPort, simulatorPid: sim.pid };

  const rounds = [];
  for (let round = 0; round < Number(args.rounds); round++) {
    // fresh keywords each time: every run collects and stores, none only updates
    const keywords = (tag: string) => Array.from({ length: N }, (_, i) => `${tag} r${round} printable planner ${i}`);
    const loop = await measure(meters, N * PLATFORMS.length, () => plainLoop(adapters, keywords('loop'), CONCURRENCY * PLATFORMS.length));
    log(`round ${round}: plain loop ${loop.wallSeconds} s`);
    const flow = await measure(meters, N * PLATFORMS.length, async () => {
      const result = await client.workflow.execute(collectKeywords, {
        taskQueue,
        workflowId: `collection-cost-${round}-${Date.now()}`,
        args: [{ keywords: keywords('flow'), platforms: [...PLATFORMS], batchSize: BATCH, concurrency: CONCURRENCY }],
      });
      const collected = result.platforms.reduce((sum, p) => sum + p.collected, 0);
      if (collected !== N * PLATFORMS.length) throw new Error(`the workflow collected ${collected} of ${N * PLATFORMS.length}`);
    });
    log(`round ${round}: workflow ${flow.wallSeconds} s`);
    rounds.push({ round, loop, workflow: flow, wallRatio: +(flow.wallSeconds / loop.wallSeconds).toFixed(2) });
  }
  const ratios = rounds.map((r) => r.wallRatio).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'collection-cost',
      keywords: N,
      platforms: PLATFORMS.length,
      batchSize: BATCH,
      concurrencyPerPlatform: CONCURRENCY,
      medianWallRatio: ratios[Math.floor(ratios.length / 2)],
      rounds,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
    }),
  );
}

async function startSimulatorProcess(): Promise<{ url: string; pid: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/simulator.ts'], {
    env: { ...process.env, SIMULATOR_API_KEY: KEY, SIMULATOR_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onStop(async () => child.kill('SIGTERM'));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening on') && resolve());
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid! };
}

runBench(main);
