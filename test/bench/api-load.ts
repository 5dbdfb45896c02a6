// `npm run bench:api`: 1,000,000 processed rows in an embedded PostgreSQL, then autocannon against the real HTTP
// server — GET /keywords?sort=opportunity&limit=50, GET /keywords/:keyword and a bare Hono route, in one run.
// Knobs: BENCH_ROWS (1000000), BENCH_DAYS (10), BENCH_CONNECTIONS (100), BENCH_SECONDS (10), BENCH_PROFILE (a folder
// for the server's CPU profile). Last line: JSON.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchKeyword, fillBenchData } from './api-load-fill';
import type { ServerPorts } from './api-load-server';
import { forkServer, startBenchDatabase } from './bench-database';
import { runBench } from './bench-teardown';
import { postgresCpuUs } from './cpu-usage';
import { zipfSampler } from './zipf';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROWS = env('BENCH_ROWS', 1_000_000);
const DAYS = env('BENCH_DAYS', 10);
const CONNECTIONS = env('BENCH_CONNECTIONS', 100);
const SECONDS = env('BENCH_SECONDS', 10);
const LAST_DAY = '2026-11-24';
const log = (line: string) => console.log(`[bench] ${line}`);

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU time per request of the server process and of PostgreSQL (µs; null where /proc is missing). */
  server_cpu_us: number | null;
  postgres_cpu_us: number | null;
}

/** The bench server's CPU so far (µs), asked over IPC. */
type CpuProbe = () => Promise<{ server: number; postgres: number | null }>;

async function measure(cpu: CpuProbe, url: string, paths?: () => string): Promise<Figures> {
  const requests = paths ? [{ setupRequest: (req: object) => ({ ...req, path: paths() }) }] : undefined;
  // a short warm-up first: JIT, the pool's connections, PostgreSQL's buffers
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests });
  const before = await cpu();
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
  const after = await cpu();
  const perRequest = (a: number | null, b: number | null) =>
    a === null || b === null || r.requests.total === 0 ? null : Math.round((b - a) / r.requests.total);
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: Math.round(r.requests.average),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    server_cpu_us: perRequest(before.server, after.server),
    postgres_cpu_us: perRequest(before.postgres, after.postgres),
  };
}

/** One answer from the bench server to a message. */
const ask = <T>(server: ChildProcess, message: string) =>
  new Promise<T>((resolve) => {
    server.once('message', (m) => resolve(m as T));
    server.send(message);
  });

async function main(): Promise<void> {
  const { pg, orm } = await startBenchDatabase(log);
  const began = Date.now();
  await fillBenchData(orm, { rows: ROWS, days: DAYS, lastDay: LAST_DAY });
  log(`filled ${ROWS} processed keywords and ${ROWS} observations over ${DAYS} days in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  await orm.close();
  // BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools)
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const serverFile = fileURLToPath(new URL('./api-load-server.ts', import.meta.url));
  const { server, first: ports } = await forkServer<ServerPorts>(serverFile, [pg.url, benchKeyword(1)], profile);
  const api = `http://127.0.0.1:${ports.api}`;
  const keywords = Math.ceil(ROWS / DAYS / 3);
  let n = 0;
  // a different keyword each request, spread over the whole table
  const keywordPath = () => `/keywords/${encodeURIComponent(benchKeyword((n++ * 7919) % keywords))}`;
  await sanityCheck(api, keywordPath());
  // most lookups go to a few popular keywords: Zipf's law (s = 1) over the same keywords, in a shuffled order
  const zipf = zipfSampler(keywords, 1, 42);
  const popularPath = () => `/keywords/${encodeURIComponent(benchKeyword(zipf()))}`;
  log(`measuring ${SECONDS} s per target at ${CONNECTIONS} connections`);
  const bareUrl = `http://127.0.0.1:${ports.bare}`;
  const uncached = `http://127.0.0.1:${ports.uncached}`;
  const cpu: CpuProbe = async () => ({ server: await ask<number>(server, 'cpu'), postgres: postgresCpuUs(pg.clusterDir) });
  const bare = await measure(cpu, `${bareUrl}/bare`);
  const list = await measure(cpu, `${api}/keywords?sort=opportunity&limit=50`);
  const detail = await measure(cpu, api, keywordPath);
  const popular = await measure(cpu, api, popularPath);
  const cache = await ask<unknown>(server, 'stats');
  // the database path: the same app without its read cache
  const listUncached = await measure(cpu, `${uncached}/keywords?sort=opportunity&limit=50`);
  const detailUncached = await measure(cpu, uncached, keywordPath);
  // the same bytes from memory: how much of the gap to the tiny bare route is the payload itself
  const samePage = await measure(cpu, `${bareUrl}/bare/page`);
  const sameKeyword = await measure(cpu, `${bareUrl}/bare/keyword`);
  const targets = {
    bare,
    'GET /keywords?sort=opportunity&limit=50': list,
    'GET /keywords/:keyword': detail,
    'GET /keywords/:keyword, Zipf-popular keywords': popular,
    'GET /keywords?sort=opportunity&limit=50, no read cache': listUncached,
    'GET /keywords/:keyword, no read cache': detailUncached,
    'bare, same body as the list': samePage,
    'bare, same body as a keyword': sameKeyword,
  };
  const cpuText = (f: Figures) =>
    f.server_cpu_us === null ? '' : `; CPU per request: server ${f.server_cpu_us} µs, PostgreSQL ${f.postgres_cpu_us ?? '?'} µs`;
  for (const [name, f] of Object.entries(targets))
    log(`${name}: p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.rps} req/s (${f.non2xx} non-2xx, ${f.errors} errors${cpuText(f)})`);
  log(`read cache after the cached runs: ${JSON.stringify(cache)}`);
  const share = (a: Figures, b: Figures) => Math.round((a.rps / b.rps) * 100) / 100;
  const goal = (f: Figures, same: Figures) => ({
    p99_under_20ms: f.p99 < 20,
    at_least_half_bare_rps: f.rps >= bare.rps / 2,
    share_of_bare_rps: share(f, bare),
    share_of_same_body_bare_rps: share(f, same),
  });
  console.log(
    JSON.stringify({
      rows: ROWS,
      days: DAYS,
      connections: CONNECTIONS,
      seconds: SECONDS,
      cpus: os.cpus().length,
      node: process.version,
      targets,
      cache,
      goals: {
        list: goal(list, samePage),
        detail: goal(detail, sameKeyword),
        detailPopular: goal(popular, sameKeyword),
        listUncached: goal(listUncached, samePage),
        detailUncached: goal(detailUncached, sameKeyword),
      },
    }),
  );
}

/** The routes answer what they should before they are timed. */
async function sanityCheck(api: string, keywordPath: string): Promise<void> {
  const list = (await (await fetch(`${api}/keywords?sort=opportunity&limit=50`)).json()) as { day: string; count: number };
  const one = await fetch(`${api}${keywordPath}`);
  if (list.day !== LAST_DAY || list.count !== 50 || one.status !== 200)
    throw new Error(`bench routes answer wrongly: ${JSON.stringify(list).slice(0, 200)} / ${one.status}`);
}

runBench(main);
