// `npm run import` with the local stack down (the README's "see a model at once" on a fresh clone): it starts the
// embedded PostgreSQL and the Temporal dev server on the stack's data for its run, imports, and stops them after.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, isPortInUse } from '../../workers/dev-stack/ports';

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('imports a generated history with nothing running, and leaves nothing running', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kw-import-'));
  // as root, PostgreSQL runs as the 'postgres' user, which must be able to enter this folder
  await chmod(dir, 0o755);
  const [temporalPort, uiPort, pgPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const { DATABASE_URL: _db, TEMPORAL_ADDRESS: _temporal, ...inherited } = process.env;
  const env = {
    ...inherited,
    DATA_DIR: dir,
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    EMBEDDED_POSTGRES_PORT: String(pgPort),
  };
  const file = path.join(dir, 'history.jsonl');
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8', timeout: 240_000 });
  expect(run('workers/generate.ts', ['--keywords', '5', '--days', '2', '--out', file]).status).toBe(0);

  const imported = run('workers/import.ts', [file]);
  expect([imported.status, imported.stderr]).toEqual([0, expect.stringContaining('[import] imported 30 observations from history.jsonl')]);
  expect(imported.stderr).toContain(`[import] Temporal dev server on 127.0.0.1:${temporalPort}`);
  expect(await isPortInUse(temporalPort)).toBe(false);
  expect(await isPortInUse(pgPort)).toBe(false);
}, 300_000);
