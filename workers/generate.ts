// `npm run generate -- --keywords N --days D [--out FILE] [--seed S]`: a deterministic history of keyword
// observations in the JSON-lines format `npm run import` loads (activities/imports/formats/observation-line.ts reads each line),
// for trying trends and the success model without a week of collections, and for the benchmarks (docs/benchmarks.md).
// Lines are streamed: a million of them never sit in memory at once.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Presets, SingleBar } from 'cli-progress';
import { observationLines } from './generate/dataset';
import { ArgumentError, parseGenerateArgs, USAGE } from './generate/args';

/** Lines per write: few enough syscalls, small enough buffers. */
const CHUNK = 5_000;
/** Smaller runs finish before a progress bar would say anything. */
const PROGRESS_FROM = 100_000;
const log = (line: string) => console.error(`[generate] ${line}`);

async function writeAll(lines: Iterable<string>, out: Writable, total: number): Promise<number> {
  const bar =
    total >= PROGRESS_FROM
      ? new SingleBar(
          {
            format: 'generating [{bar}] {percentage}% {value}/{total} lines',
            stream: process.stderr,
            noTTYOutput: true,
            notTTYSchedule: 5000,
          },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(total, 0);
  let written = 0;
  let chunk: string[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    // waits while the reader is behind, so a slow pipe never makes the buffer grow
    if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
    written += chunk.length;
    chunk = [];
    bar?.update(written);
  };
  try {
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();
  } finally {
    bar?.stop();
  }
  return written;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseGenerateArgs(argv);
  } catch (err) {
    if (!(err instanceof ArgumentError)) throw err;
    console.error(`[generate] ${err.message}\n${USAGE}`);
    return 2;
  }
  const total = args.keywords * args.days * args.platforms.length;
  const out = args.out ? createWriteStream(args.out) : process.stdout;
  // a reader that stops early (`| head`) ends the run quietly instead of with an EPIPE trace
  const closed = new Promise<void>((resolve, reject) =>
    out.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? resolve() : reject(err))),
  );
  const written = await Promise.race([writeAll(observationLines(args), out, total), closed.then(() => -1)]);
  if (written < 0) return 0;
  if (args.out) {
    out.end();
    await Promise.race([once(out, 'finish'), closed]);
  }
  const what = `${written} observations (${args.keywords} keywords × ${args.platforms.length} platforms × ${args.days} days to ${args.end}, seed ${args.seed})`;
  log(`wrote ${what}${args.out ? ` to ${args.out}` : ''}`);
  return 0;
}

// exitCode rather than exit(): standard output may still be flushing into a pipe
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`[generate] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
