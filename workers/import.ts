// `npm run import -- FILE.jsonl`: loads observations (the lines `npm run generate` writes) into PostgreSQL,
// all or nothing, so a history exists for trends and training without waiting a week of collections.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Presets, SingleBar } from 'cli-progress';
import type { Orm } from '../activities/db/orm';
import { loadConfig, loadDotEnv } from './config/config';
import { Closers } from './temporal/closers';
import { openDatabase } from './dev-stack/database';
import { importedObservation, parseObservationLine } from './cli/observation-line';
import type { NewObservation } from '../activities/db/entities';
import { upsertObservations } from '../activities/db/repositories/observations';

// rows per INSERT: 15 columns each, and one statement binds at most 65,535 parameters
const CHUNK = 2_000;
const log = (line: string) => console.error(`[import] ${line}`);

async function importFile(orm: Orm, file: string): Promise<number> {
  const source = `dataset:${path.basename(file)}`;
  const bar = new SingleBar({ format: 'importing [{bar}] {percentage}% {rows} rows', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 5000 }, Presets.shades_classic);
  const em = orm.em.fork();
  let rows = 0;
  bar.start(statSync(file).size, 0, { rows });
  try {
    await em.transactional(async (tx) => {
      const collectedAt = new Date();
      // keyed by (platform, keyword, day): a repeated line replaces the earlier one, as the upsert would
      let chunk = new Map<string, NewObservation>();
      const flush = async () => {
        await upsertObservations(tx, [...chunk.values()]);
        chunk = new Map();
      };
      let lineNo = 0;
      let bytes = 0;
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        lineNo++;
        bytes += Buffer.byteLength(line) + 1;
        if (!line.trim()) continue;
        const o = parseObservationLine(line, lineNo);
        chunk.set(`${o.platform}\u0000${o.keyword}\u0000${o.day}`, importedObservation(o, source, collectedAt));
        rows++;
        if (chunk.size >= CHUNK) {
          await flush();
          bar.update(bytes, { rows });
        }
      }
      await flush();
      bar.update(bytes, { rows });
    });
  } finally {
    bar.stop();
  }
  return rows;
}

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    console.error('usage: npm run import -- FILE.jsonl   (lines as written by npm run generate)');
    return 2;
  }
  loadDotEnv();
  const closers = new Closers();
  try {
    const orm = await openDatabase(loadConfig(), closers, log);
    const rows = await importFile(orm, file);
    log(`imported ${rows} observations from ${file} (upserted by platform, keyword and day)`);
    return 0;
  } finally {
    await closers.closeAll(log);
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  // a database error's message starts with the whole statement: keep the reason
  const message = err instanceof Error ? err.message.split(' - ').pop() : String(err);
  console.error(`[import] failed, nothing written: ${message}`);
  process.exit(1);
});
