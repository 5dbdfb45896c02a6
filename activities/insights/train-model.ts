// trainModel's activity: a success model from the observed history, stored as a new model version.
import { Context } from '@temporalio/activity';
import { noVolumeSources, type TrainModelResult } from '../../workflows/types/insights';
import type { Orm } from '../db/orm';
import { buildTrainingSet, trainSuccessModel } from '../ml/success';
import { addDays } from '../processing/days';
import { newestObservedDay } from '../db/repositories/observations';
import { sampleObservations } from '../db/repositories/observation-sample';
import { insertModelVersion } from '../db/repositories/model-versions';
import { countVolumeSources } from '../db/repositories/volume-sources';
import { isComplete } from './complete';

export interface TrainModelActivityInput {
  days?: number;
  to?: string;
  workflowId: string;
}

/** Fewer rows than this make an 80/20 evaluation meaningless. */
const MIN_TRAINING_ROWS = 20;
const MAX_SAMPLES_PER_TREE = 100_000;
/** Rows read for training at most: whole keywords are sampled beyond it, so memory stays bounded at any data size. */
const MAX_TRAINING_ROWS = 500_000;

export async function trainModel(orm: Orm, input: TrainModelActivityInput): Promise<TrainModelResult> {
  const ctx = Context.current();
  const em = orm.em.fork();
  const to = input.to ?? (await newestObservedDay(em));
  if (!to) return { modelVersion: null, metrics: null, reason: 'no observations yet', volumeSources: noVolumeSources() };
  const from = addDays(to, -((input.days ?? 90) - 1));
  const { rows } = await sampleObservations(em, { from, to }, MAX_TRAINING_ROWS, (loaded) => ctx.heartbeat({ stage: 'load', loaded }));
  // the target and the features need every metric: rows with an unknown one are left out
  const set = buildTrainingSet(rows.filter(isComplete));
  const volumeSources = await countVolumeSources(em, { from, to, complete: true });
  if (set.targets.length < MIN_TRAINING_ROWS) {
    return {
      modelVersion: null,
      metrics: null,
      reason: `${set.targets.length} observations have ${set.horizonDays} days of later history (need ${MIN_TRAINING_ROWS}): collect for more days`,
      volumeSources,
    };
  }
  ctx.heartbeat({ stage: 'train', rows: set.targets.length });
  // bounded bootstrap samples per tree: months of history train in seconds with the same R² (docs/benchmarks.md)
  const model = trainSuccessModel(set, { maxSamples: MAX_SAMPLES_PER_TREE });
  const modelVersion = await insertModelVersion(em, {
    createdAt: new Date(),
    algorithm: model.algorithm,
    target: model.target,
    features: [...model.features],
    horizonDays: model.horizonDays,
    trainingFrom: model.trainingWindow?.from ?? null,
    trainingTo: model.trainingWindow?.to ?? null,
    metrics: { ...model.metrics, volumeSources },
    featureRanges: model.featureRanges,
    forest: model.forest,
    featureImportance: model.featureImportance,
    workflowId: input.workflowId,
  });
  const { mse, r2, trainingSamples, testSamples } = model.metrics;
  return { modelVersion, metrics: { mse, r2, trainingSamples, testSamples }, volumeSources };
}
