// `npm run fuzz`: Schemathesis (the property-based OpenAPI fuzzer, from PyPI) against the live app: `npm start` on
// fresh embedded PostgreSQL and Temporal dev server, free ports and a throwaway data directory; every check, every
// phase (examples, coverage, fuzzing, stateful through the document's links). Exits with Schemathesis's status.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { freePort } from '../../workers/dev-stack/ports';
import { resolveTemporalCli } from '../../workers/dev-stack/temporal-cli';

const run = promisify(execFile);
const SCHEMATHESIS = 'schemathesis==4.32.5';
const venv = path.resolve('.data', 'schemathesis-venv');
const st = path.join(venv, 'bin', 'st');
const log = (line: string) => console.log(`[fuzz] ${line}`);
/** The stack's last stderr lines, printed only when the run fails. */
const STDERR_KEPT = 200;

function printStderrTail(lines: string[]): void {
  log(`the stack's last ${lines.length} stderr lines:`);
  for (const line of lines) console.error(line);
}

/** The pinned Schemathesis in a project-local venv (like the Temporal CLI's PyPI fallback), installed once. */
async function ensureSchemathesis(): Promise<void> {
  try {
    const { stdout } = await run(st, ['--version']);
    if (stdout.includes(SCHEMATHESIS.split('==')[1]!)) return;
  } catch {
    // not there yet
  }
  log(`installing ${SCHEMATHESIS} into ${venv}`);
  await run('python3', ['-m', 'venv', venv]);
  await run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', SCHEMATHESIS], { maxBuffer: 16 * 1024 * 1024 });
}

async function waitReady(url: string, stack: { exitCode: number | null }): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (stack.exitCode !== null) throw new Error(`the stack exited (${stack.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url}/ready never answered 200`);
}

async function main(): Promise<number> {
  await ensureSchemathesis();
  // the project's Temporal CLI (.ci/run installs it there): the throwaway data directory would fetch another copy
  const temporalCli = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH, dataDir: process.env.DATA_DIR ?? '.data', log });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kw-fuzz-'));
  // PostgreSQL may run as another user when started as root (as test/helpers/global-setup.ts does)
  await chmod(dataDir, 0o755);
  const [port, temporalPort, uiPort, pgPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const apiKey = randomBytes(24).toString('base64url');
  const url = `http://127.0.0.1:${port}`;
  const stack = spawn(process.execPath, ['--import', 'tsx', 'workers/start.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      TEMPORAL_CLI_PATH: temporalCli.path,
      PORT: String(port),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      API_KEY: apiKey,
      LOG_LEVEL: 'warn',
      // the fuzzer is one client sending thousands of requests: the limiter is tested elsewhere
      API_RATE_LIMIT_BURST: '1000000',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      // which hosts a webhook may reach depends on DNS, which no schema can state (http://0/ is schema-valid and
      // refused): test/api/alerts-webhook-address.test.ts covers the refusals
      ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
    },
  });
  // the stack's own lines, and the API's error lines (a 5xx's cause, with the request ID): what a CI failure needs
  createInterface({ input: stack.stdout }).on('line', (line) => {
    if (line.startsWith('[start]') || /^\{"level":"(error|fatal)"/.test(line)) log(line);
  });
  // the worker's warnings (the fuzzer's webhooks and uploads fail on purpose) stay out of the CI log unless the run fails
  const stderrTail: string[] = [];
  createInterface({ input: stack.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_KEPT) stderrTail.shift();
  });
  try {
    await waitReady(url, stack);
    log(`app ready at ${url}; running Schemathesis`);
    const args = [
      'run',
      `${url}/openapi.json`,
      '--url',
      url,
      '--checks',
      'all',
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '-H',
      `X-API-Key: ${apiKey}`,
      // 25 generated cases per operation in the fuzzing and stateful phases: a whole run of 4 to 9 minutes (docs/security.md)
      '--max-examples',
      process.env.FUZZ_MAX_EXAMPLES ?? '25',
      '--seed',
      process.env.FUZZ_SEED ?? '1',
      '--generation-database',
      'none',
      '--workers',
      '1',
      '--request-timeout',
      '30',
      // 10,000 keywords of a pattern each take Hypothesis a while to draw: slow to generate is not a finding
      '--suppress-health-check',
      'too_slow',
    ];
    const fuzz = spawn(st, ['--config-file', path.resolve('test/fuzz/schemathesis.toml'), ...args], { stdio: 'inherit' });
    const code = await new Promise<number>((resolve) => fuzz.once('exit', (code) => resolve(code ?? 1)));
    if (code !== 0) printStderrTail(stderrTail);
    return code;
  } catch (err) {
    printStderrTail(stderrTail);
    throw err;
  } finally {
    stack.kill('SIGTERM');
    await new Promise((r) => (stack.exitCode === null ? stack.once('exit', r) : r(undefined)));
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('[fuzz]', err);
    process.exit(1);
  },
);
