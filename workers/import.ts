// `npm run import -- [--format F] FILE`: stages the file in PostgreSQL and runs the importReport workflow on it, with
// a worker of its own on a private task queue, so it works whether or not `npm run worker` is up. Default format:
// observations (the lines `npm run generate` writes), so a history exists without waiting a week of collections.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { checkFormat, stageUpload } from '../activities/imports/uploads';
import type { importReport } from '../workflows/import-report';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES } from '../workflows/types/import-report';
import { InputError } from '../workflows/validation';
import { loadConfig, loadDotEnv } from './config/config';
import { openDatabase } from './dev-stack/database';
import { localTemporal } from './dev-stack/local-temporal';
import { Closers } from './temporal/closers';
import { createKeywordWorker } from './temporal/create-worker';
import { installQuietRuntime } from './temporal/runtime';

const log = (line: string) => console.error(`[import] ${line}`);
const USAGE = `usage: npm run import -- [--format ${IMPORT_FORMATS.join('|')}] FILE`;

function parseArgs(argv: string[]): { format: string; file: string } | null {
  const at = argv.indexOf('--format');
  const format = at >= 0 ? argv[at + 1] : 'observations';
  const file = argv.find((a, i) => !a.startsWith('-') && (at < 0 || i !== at + 1));
  return format && file ? { format, file } : null;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const format = checkFormat(args.format);
  const size = statSync(args.file).size;
  // refused before it is read: a file this large is not a report
  if (size > MAX_IMPORT_BYTES) throw new InputError('file', `is ${size} bytes, larger than the ${MAX_IMPORT_BYTES} bytes an import takes`);
  loadDotEnv();
  installQuietRuntime();
  const config = loadConfig();
  const closers = new Closers();
  try {
    const orm = await openDatabase(config, closers, log);
    const staged = await stageUpload(orm, format, path.basename(args.file), readFileSync(args.file));
    const temporal = await localTemporal(config, closers, { log, joinRunning: true });
    const connection = await NativeConnection.connect({ address: temporal.address });
    closers.add('Temporal connection', () => connection.close());
    const taskQueue = `import-${randomBytes(4).toString('hex')}`;
    const worker = await createKeywordWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue,
      deps: { orm, adapters: {}, allowPrivateWebhooks: config.allowPrivateWebhooks },
    });
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const workflowId = `import-${format}-${staged.sha256.slice(0, 12)}-${Date.now()}`;
    log(`${args.file}: upload ${staged.uploadId} (sha256 ${staged.sha256.slice(0, 12)}…), workflow ${workflowId}`);
    const result = await worker.runUntil(
      client.workflow.execute<typeof importReport>('importReport', { taskQueue, workflowId, args: [{ uploadId: staged.uploadId }] }),
    );
    log(result.message);
    return 0;
  } finally {
    await closers.closeAll(log);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // the workflow's failure names the line and the field
    const cause = err instanceof WorkflowFailedError ? (err.cause?.cause ?? err.cause ?? err) : err;
    const message = cause instanceof Error ? cause.message.split(' - ').pop() : String(cause);
    console.error(`[import] failed, nothing written: ${message}`);
    process.exit(1);
  },
);
