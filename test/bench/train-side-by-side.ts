// The training stage beside the reference's in one run: scikit-learn's train
// (test/bench/reference/pipeline.py --stages train) and ours (test/bench/pipeline.ts --stages train) on
// the same file, one after the other, each under /usr/bin/time for its CPU seconds and peak RSS, with the
// load average around each. Ours is also scored on exactly scikit-learn's split (--split-out), so the two
// R² compare row for row. The last line printed is the JSON summary (docs/benchmarks.md).
//
//   npx tsx test/bench/train-side-by-side.ts --input FILE.jsonl [--python /usr/bin/python3]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { predictForest, trainForest } from '../../activities/ml/forest';
import { regressionMetrics } from '../../activities/ml/metrics';
import { successFeatures } from '../../activities/ml/success';
import { loadObservations } from './load-jsonl';

const { values: args } = parseArgs({
  options: { input: { type: 'string' }, python: { type: 'string', default: '/usr/bin/python3' } },
});
if (!args.input) {
  console.error('usage: train-side-by-side.ts --input FILE.jsonl [--python /usr/bin/python3]');
  process.exit(2);
}

interface Timed {
  /** The program's own last JSON line. */
  out: { seconds: Record<string, number>; results?: Record<string, unknown> };
  cpu_seconds: number;
  peak_rss_mb: number;
  load_before: number;
  load_after: number;
}

/** Runs a command under /usr/bin/time: its last stdout line as JSON, its user + system CPU and max RSS. */
function timed(command: string, commandArgs: string[]): Timed {
  const load_before = loadavg()[0]!;
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  const [user, system, rssKb] = run.stderr.trim().split('\n').at(-1)!.replace('TIME ', '').split(' ').map(Number);
  const lines = run.stdout.trim().split('\n');
  const out = JSON.parse(lines.at(-1)!) as Timed['out'];
  if (!out.results) out.results = (JSON.parse(lines.at(-2) ?? '{}') as { results?: Record<string, unknown> }).results;
  return {
    out,
    cpu_seconds: Math.round((user! + system!) * 100) / 100,
    peak_rss_mb: Math.round(rssKb! / 1024),
    load_before,
    load_after: loadavg()[0]!,
  };
}

const splitFile = join(tmpdir(), `train-split-${process.pid}.json`);
const reference = timed(args.python, ['test/bench/reference/pipeline.py', args.input, '--stages', 'train', '--split-out', splitFile]);
const ours = timed(process.execPath, ['--import', 'tsx', 'test/bench/pipeline.ts', '--input', args.input, '--stages', 'train']);

// ours on scikit-learn's own split of the newest day
const rows = await loadObservations(args.input);
const newest = rows.reduce((max, r) => (r.day > max ? r.day : max), '');
const batch = rows.filter((r) => r.day === newest);
const split = JSON.parse(readFileSync(splitFile, 'utf8')) as { train: number[]; test: number[] };
const features = batch.map((r) => successFeatures(r));
const forest = trainForest(
  [0, 1, 2, 3].map((f) => Float64Array.from(split.train, (i) => features[i]![f]!)),
  Float64Array.from(split.train, (i) => batch[i]!.searchVolume),
);
const onSklearnSplit = regressionMetrics(
  split.test.map((i) => batch[i]!.searchVolume),
  split.test.map((i) => predictForest(forest, features[i]!)),
);

const train = (t: Timed) => ({
  seconds: t.out.seconds.train,
  cpu_seconds_whole_program: t.cpu_seconds,
  peak_rss_mb: t.peak_rss_mb,
  load: [t.load_before, t.load_after],
});
console.log(
  JSON.stringify({
    input: args.input,
    rows: batch.length,
    reference: { ...train(reference), metrics: reference.out.results?.train },
    ours: { ...train(ours), metrics: ours.out.results?.train, on_sklearn_split: onSklearnSplit },
    ratio_train_seconds: Math.round((ours.out.seconds.train! / reference.out.seconds.train!) * 1000) / 1000,
  }),
);
