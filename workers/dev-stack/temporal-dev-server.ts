// Runs the official Temporal dev server (`temporal server start-dev`): persisted in SQLite when given
// a db file, with the Web UI when given a UI port, and with this project's search attributes.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { commandLine, owningRun, processesNamed, stopProcess } from './processes';
import { SEARCH_ATTRIBUTES } from '../../workflows/types/search-attributes';
import { isPortInUse } from './ports';

export interface DevServerOptions {
  cliPath: string;
  /** SQLite file kept across runs; in-memory when absent. */
  dbFile?: string;
  port: number;
  /** Web UI port; headless when absent. */
  uiPort?: number;
  namespace: string;
  log: (line: string) => void;
}

export interface DevServerHandle {
  address: string;
  uiUrl?: string;
  /** The server's process, for the local stack's supervisor. */
  pid: number | undefined;
  stop(): Promise<void>;
}

const CLI_TYPE: Record<SearchAttributeType, string> = {
  KEYWORD_LIST: 'KeywordList',
  INT: 'Int',
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  BOOL: 'Bool',
  DOUBLE: 'Double',
  DATETIME: 'Datetime',
};

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServerHandle> {
  const { port, uiPort, namespace } = options;
  const address = `127.0.0.1:${port}`;
  const dbFile = options.dbFile && path.resolve(options.dbFile);
  if (dbFile) await stopOrphanedDevServer(dbFile, options.log);
  await assertPortsFree(address, port, uiPort);
  const logDir = dbFile ? path.dirname(dbFile) : os.tmpdir();
  await mkdir(logDir, { recursive: true });
  const logFile = path.join(logDir, dbFile ? 'temporal-server.log' : `temporal-server-${port}.log`);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    ...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']),
    ...(dbFile ? ['--db-filename', dbFile] : []),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
    // re-registering the same attributes on an existing db file is accepted (checked with CLI 1.9)
    ...SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${CLI_TYPE[key.type]}`]),
  ];
  const out = openSync(logFile, 'w');
  const child = spawn(options.cliPath, args, { stdio: ['ignore', out, out] });
  closeSync(out);
  let exitStatus: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => resolve(void (exitStatus = signal ?? `code ${code}`)));
    child.once('error', (error) => resolve(void (exitStatus = error.message)));
  });
  // last resort if this process ends without calling stop(): no orphan server keeps the port
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (exitStatus !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    })());
  try {
    await waitUntilReady(address, namespace, () => exitStatus, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  const uiUrl = uiPort ? `http://127.0.0.1:${uiPort}` : undefined;
  options.log(`Temporal dev server on ${address} (${dbFile ?? 'in memory'}${uiUrl ? `, Web UI ${uiUrl}` : ''}; log ${logFile})`);
  return { address, uiUrl, pid: child.pid, stop };
}

async function waitUntilReady(address: string, namespace: string, exitStatus: () => string | undefined, logFile: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const status = exitStatus();
    if (status !== undefined) {
      throw new Error(`Temporal dev server exited (${status}) before it was ready. End of ${logFile}:\n${await tail(logFile)}`);
    }
    try {
      await probe(address, (connection) => connection.workflowService.describeNamespace({ namespace }));
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(
    `Temporal dev server on ${address} not ready after ${READY_TIMEOUT_MS / 1000} s (${String(lastError)}). ` +
      `End of ${logFile}:\n${await tail(logFile)}`,
  );
}

/** One short-lived connection, always closed, every call bounded by a 2 s deadline. */
async function probe(address: string, call: (connection: Connection) => Promise<unknown>): Promise<void> {
  const connection = Connection.lazy({ address, connectTimeout: '2s' });
  try {
    await connection.withDeadline(Date.now() + 2_000, async () => {
      await connection.ensureConnected();
      await call(connection);
    });
  } finally {
    await connection.close();
  }
}

/** A dev server on this db file that outlived the run that started it (killed without stopping it) is stopped. */
async function stopOrphanedDevServer(dbFile: string, log: (line: string) => void): Promise<void> {
  for (const pid of processesNamed('temporal')) {
    const args = commandLine(pid);
    if (!args.includes('start-dev') || args[args.indexOf('--db-filename') + 1] !== dbFile || owningRun(pid) !== undefined) continue;
    log(`stopping the Temporal dev server an earlier run left running (pid ${pid})`);
    if (!(await stopProcess(pid, 'SIGTERM', STOP_GRACE_MS)) && !(await stopProcess(pid, 'SIGKILL', STOP_GRACE_MS))) {
      throw new Error(`the Temporal dev server an earlier run left running (pid ${pid}) did not stop`);
    }
  }
}

async function assertPortsFree(address: string, port: number, uiPort: number | undefined) {
  if (await isPortInUse(port)) {
    const isTemporal = await probe(address, (c) => c.workflowService.getSystemInfo({})).then(
      () => true,
      () => false,
    );
    throw new Error(
      isTemporal
        ? `A Temporal server is already running on ${address}. Use it by setting TEMPORAL_ADDRESS=${address}, ` +
            'or stop it, or choose another TEMPORAL_DEV_PORT.'
        : `Port ${port} is already in use by another program: set TEMPORAL_DEV_PORT to a free port ` +
            '(or TEMPORAL_ADDRESS to use an existing Temporal server).',
    );
  }
  if (uiPort && (await isPortInUse(uiPort))) {
    throw new Error(`Port ${uiPort} for the Temporal Web UI is already in use: set TEMPORAL_UI_PORT to a free port.`);
  }
}

async function tail(file: string, lines = 30): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n') || '(empty)';
}
