// `npm run bench:csv`: 1,000,000 processed keywords of one day in an embedded PostgreSQL, exported through the real
// HTTP server as GET /keywords?format=csv, while the process's RSS is sampled. The export streams keyset pages, so
// RSS should grow by far less than the 100 MB target whatever the row count. Knobs: BENCH_ROWS (1000000).
// Last line: JSON { rows, bytes, seconds, rss_before_mb, rss_peak_mb, rss_growth_mb, target_mb, within_target }.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createOrm, migrate } from '../../activities/db/orm';
import { startEmbeddedPostgres } from '../../workers/dev-stack/embedded-postgres';
import { freePort } from '../../workers/dev-stack/ports';
import { fillBenchData } from './api-load-fill';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DAY = '2026-11-24';
const TARGET_MB = 100;
const MB = 1024 * 1024;
const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kw-bench-csv-'));
  // as root, PostgreSQL runs as the 'postgres' user, which must be able to enter this folder
  await chmod(tmp, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort(), database: 'bench', log });
  try {
    const orm = await createOrm(pg.url);
    try {
      await migrate(orm);
      await fillBenchData(orm, { rows: ROWS, days: 1, lastDay: DAY });
      log(`filled ${ROWS} processed keywords`);
      log(JSON.stringify(await exportOnce(orm)));
    } finally {
      await orm.close();
    }
  } finally {
    await pg.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function exportOnce(orm: Awaited<ReturnType<typeof createOrm>>) {
  // reads never reach Temporal: a lazy connection to nowhere is never dialled
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({ client, orm, temporal: { namespace: 'default', taskQueue: 'bench', uiUrl: 'http://localhost:8233' } });
  const server = await new Promise<{ port: number; close(): void }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ port: info.port, close: () => s.close() }));
  });
  try {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let heapPeak = 0;
    let externalPeak = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
      externalPeak = Math.max(externalPeak, m.external);
    };
    const sampler = setInterval(sample, 50);
    const began = Date.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/keywords?day=${DAY}&format=csv`);
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines++;
    }
    clearInterval(sampler);
    sample();
    const growth = (peak - before) / MB;
    // the header plus one line per row (no cell here holds a line break)
    if (lines !== ROWS + 1) throw new Error(`expected ${ROWS + 1} lines, got ${lines}`);
    return {
      rows: lines - 1, bytes, seconds: (Date.now() - began) / 1000, rss_before_mb: Math.round(before / MB), rss_peak_mb: Math.round(peak / MB),
      rss_growth_mb: Math.round(growth), heap_used_peak_mb: Math.round(heapPeak / MB), external_peak_mb: Math.round(externalPeak / MB),
      target_mb: TARGET_MB, within_target: growth < TARGET_MB,
    };
  } finally {
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
