// `npm start` supervises the servers it started: kill the embedded PostgreSQL or the Temporal dev server and the
// stack stops with a line naming it and exit code 1, instead of serving errors half alive.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { freePort } from '../../workers/dev-stack/ports';
import { postmasterPid } from '../../workers/dev-stack/postmaster';
import { childrenOf, commandLine } from '../../workers/dev-stack/processes';

const started: { child: ChildProcess; dir: string }[] = [];
afterEach(async () => {
  for (const { child, dir } of started.splice(0)) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

/** npm start on free ports and a throwaway data directory; resolves once it says ready. */
async function startStack() {
  const dir = await mkdtemp(path.join(tmpdir(), 'kw-supervise-'));
  // as root, PostgreSQL runs as the 'postgres' user, which must be able to enter this folder
  await chmod(dir, 0o755);
  const [port, temporalPort, uiPort, pgPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/start.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: String(port),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      API_KEY: 'supervise-test-key-0123456789',
      APPLY_SCHEDULES: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  started.push({ child, dir });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('ready — Ctrl-C stops everything')) resolve(void clearInterval(check));
      if (child.exitCode !== null) reject(new Error(`npm start exited early:\n${output}`));
    }, 200);
  });
  return { child, dir, exited, output: () => output };
}

it('exits 1 naming the embedded PostgreSQL when it is killed', async () => {
  const stack = await startStack();
  const pid = postmasterPid(path.join(stack.dir, 'postgres', 'cluster'))!;
  expect(pid).toBeGreaterThan(0);
  process.kill(pid, 'SIGKILL');
  expect([await stack.exited, stack.output()]).toEqual([1, expect.any(String)]);
  expect(stack.output()).toContain(`[start] embedded PostgreSQL (pid ${pid}) died: stopping the stack`);
}, 240_000);

it('exits 1 naming the Temporal dev server when it is killed', async () => {
  const stack = await startStack();
  const temporal = childrenOf(stack.child.pid!).find((pid) => commandLine(pid).includes('start-dev'))!;
  expect(temporal).toBeGreaterThan(0);
  process.kill(temporal, 'SIGKILL');
  expect(await stack.exited).toBe(1);
  expect(stack.output()).toContain(`[start] Temporal dev server (pid ${temporal}) died: stopping the stack`);
}, 240_000);
