// The processing benchmark: the reference pipeline's stages (test/bench/reference/pipeline.py)
// on the same JSON-lines file, timed one by one. The last line printed is
// { "seconds": { stage: s, … }, "peak_rss_mb": n }.
//
//   npx tsx test/bench/pipeline.ts --input FILE.jsonl [--stages process,analyze,trends,train]
//                                  [--success [--max-samples N]]
//
// As the reference: process, analyze and train see the newest day only, trends sees every day.
// train is the reference's computation (100 trees, depth 10, 80/20 split) with its target,
// search_volume, so its R² compares with scikit-learn's; --success adds a train_success stage that
// builds the real success_score training set from the history and trains on it (bootstrap draws per
// tree bounded by --max-samples, if given).
import { parseArgs } from 'node:util';
import { analyzeKeywordTrends } from '../../activities/processing/keyword-trends';
import { processObservations, type ProcessResult } from '../../activities/processing/process';
import { buildTrendAnalysis } from '../../activities/processing/trend-analysis';
import type { CompleteObservation } from '../../activities/processing/types';
import { buildTrainingSet, successFeatures, trainAndEvaluate, trainSuccessModel } from '../../activities/ml/success';
import { loadObservations } from './load-jsonl';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' },
    stages: { type: 'string', default: 'process,analyze,trends,train' },
    success: { type: 'boolean', default: false },
    'max-samples': { type: 'string' },
  },
});
if (!args.input) {
  console.error('usage: pipeline.ts --input FILE.jsonl [--stages process,analyze,trends,train] [--success [--max-samples N]]');
  process.exit(2);
}

const seconds: Record<string, number> = {};
const results: Record<string, unknown> = {};
async function timed<T>(stage: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await run();
  seconds[stage] = Math.round(performance.now() - start) / 1000;
  return out;
}

const rows = await timed('load', () => loadObservations(args.input!));
const newest = rows.reduce((max, r) => (r.day > max ? r.day : max), '');
const batch = rows.filter((r) => r.day === newest);
let processed: ProcessResult | null = null;
for (const stage of args.stages.split(',')) {
  if (stage === 'process') {
    processed = await timed(stage, () => processObservations(batch));
    results.clusters = processed.clusters.map((c) => `${c.size} ${c.label}`);
  } else if (stage === 'analyze') {
    const analysis = await timed(stage, () => analyzeKeywordTrends((processed ?? processObservations(batch)).keywords));
    results.analyze = { ...analysis, trending_keywords: undefined, top_opportunities: analysis?.top_opportunities.slice(0, 3) };
  } else if (stage === 'trends') {
    const trends = await timed(stage, () => buildTrendAnalysis(rows));
    results.trends = {
      platforms: Object.keys(trends?.platform_trends ?? {}).sort(),
      forecast: trends?.future_predictions.backtest ?? null,
    };
  } else if (stage === 'train') {
    results.train = await timed(stage, () => trainSeedTarget(batch));
  } else {
    throw new Error(`unknown stage ${stage}`);
  }
}
if (args.success) {
  const maxSamples = args['max-samples'] ? Number(args['max-samples']) : undefined;
  const model = await timed('train_success', () => trainSuccessModel(buildTrainingSet(rows), { maxSamples }));
  const forestMb = Math.round(JSON.stringify(model.forest).length / 1e5) / 10;
  results.train_success = { ...model.metrics, window: model.trainingWindow, max_samples: maxSamples ?? null, forest_json_mb: forestMb };
}

/** The reference's train(): the same features, search_volume as the target. */
function trainSeedTarget(observations: readonly CompleteObservation[]) {
  const features = observations.map((r) => successFeatures(r));
  const columns = [0, 1, 2, 3].map((f) => Float64Array.from(features, (x) => x[f]!));
  return trainAndEvaluate(
    columns,
    Float64Array.from(observations, (r) => r.searchVolume),
  ).metrics;
}

console.log(JSON.stringify({ records: rows.length, batch: batch.length, results }));
console.log(JSON.stringify({ seconds, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
