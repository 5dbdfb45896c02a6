// `npm run bench:csv`: 1,000,000 processed keywords of one day in an embedded PostgreSQL, exported as
// GET /keywords?format=csv from the real HTTP server in its own process, whose RSS is sampled from /proc while the
// parent downloads. The export streams keyset pages, so the server's RSS should grow by far less than the 100 MB
// target whatever the row count. Knobs: BENCH_ROWS (1000000).
// Last line: JSON { rows, bytes, seconds, rss_before_mb, rss_peak_mb, rss_growth_mb, target_mb, within_target }.
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createOrm } from '../../activities/db/orm';
import { fillBenchData } from './api-load-fill';
import { forkServer, startBenchDatabase } from './bench-database';
import { runBench } from './bench-teardown';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DAY = '2026-11-24';
const TARGET_MB = 100;
const MB = 1024 * 1024;
const log = (line: string) => console.log(`[bench] ${line}`);

/** The child: the app as deployed, answering on a port it reports to the parent. */
async function runServer(databaseUrl: string): Promise<void> {
  const orm = await createOrm(databaseUrl);
  // reads never reach Temporal: a lazy connection to nowhere is never dialled
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({ client, orm, temporal: { namespace: 'default', taskQueue: 'bench', uiUrl: 'http://localhost:8233' } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => process.send!(info.port));
  process.on('message', () => {
    server.close();
    void orm.close().then(() => process.exit(0));
  });
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function main(): Promise<void> {
  const { pg, orm } = await startBenchDatabase(log);
  await fillBenchData(orm, { rows: ROWS, days: 1, lastDay: DAY });
  log(`filled ${ROWS} processed keywords`);
  await orm.close();
  const { server, first: port } = await forkServer<number>(fileURLToPath(import.meta.url), ['serve', pg.url]);
  log(JSON.stringify(await exportOnce(port, server.pid!)));
}

async function exportOnce(port: number, pid: number) {
  // one small request first: the server's modules, pool and prepared plans are warm before the baseline
  await (await fetch(`http://127.0.0.1:${port}/keywords?day=${DAY}&limit=1`)).arrayBuffer();
  const before = await rssOf(pid);
  let peak = before;
  const sampler = setInterval(
    () =>
      void rssOf(pid)
        .then((rss) => (peak = Math.max(peak, rss)))
        .catch(() => {}),
    50,
  );
  const began = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/keywords?day=${DAY}&format=csv`);
  if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) lines++;
  }
  clearInterval(sampler);
  peak = Math.max(peak, await rssOf(pid));
  const growth = (peak - before) / MB;
  // the header plus one line per row (no cell here holds a line break)
  if (lines !== ROWS + 1) throw new Error(`expected ${ROWS + 1} lines, got ${lines}`);
  return {
    rows: lines - 1,
    bytes,
    seconds: (Date.now() - began) / 1000,
    rss_before_mb: Math.round(before / MB),
    rss_peak_mb: Math.round(peak / MB),
    rss_growth_mb: Math.round(growth),
    target_mb: TARGET_MB,
    within_target: growth < TARGET_MB,
  };
}

if (process.argv[2] === 'serve')
  runServer(process.argv[3]!).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
else runBench(main);
