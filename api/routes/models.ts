// /models: the stored success-model versions, and starting the training of a new one (the trainModel workflow).
import { createRoute, z } from '@hono/zod-openapi';
import type { ModelVersion as ModelVersionRow } from '../../activities/db/entities';
import { listModelVersions } from '../../activities/db/repositories/model-versions';
import type { ApiDeps } from '../deps';
import { json, readErrors, routes } from '../openapi';
import { runId, startRun } from '../start';
import { day } from '../validate';
import { ModelVersion } from './model-items';
import { int, startRoute } from './start-route';

const TrainBody = z
  .strictObject({
    days: int(8, 365).optional().openapi({ description: 'default 90' }),
    to: day.optional(),
  })
  .openapi('TrainRequest');

const list = createRoute({
  method: 'get',
  path: '/models',
  tags: ['insights'],
  summary: 'Model versions, newest first',
  responses: { 200: json(z.object({ models: z.array(ModelVersion) }), 'versions'), ...readErrors() },
});

export function modelRoutes(deps: ApiDeps) {
  return routes()
    .openapi(list, async (c) => {
      const rows = await listModelVersions(deps.orm.em.fork(), 100);
      return c.json({ models: rows.map(describe) }, 200);
    })
    .openapi(startRoute('/models/train', 'runs', 'Train a new success-model version', TrainBody), async (c) => {
      const input = c.req.valid('json');
      return c.json(await startRun(c, deps, 'trainModel', runId('train', input.to, input), input), 202);
    });
}

function describe(m: Omit<ModelVersionRow, 'forest'>) {
  const { volumeSources, ...metrics } = m.metrics;
  return {
    version: m.version,
    created_at: m.createdAt.toISOString(),
    algorithm: m.algorithm,
    target: m.target,
    features: m.features,
    horizon_days: m.horizonDays,
    training_window: { from: m.trainingFrom, to: m.trainingTo },
    metrics,
    volume_sources: volumeSources ?? null,
    feature_importance: importanceJson(m.featureImportance),
    workflow_id: m.workflowId,
  };
}

function importanceJson(i: ModelVersionRow['featureImportance']) {
  if (!i) return null;
  const { heldOutRows, ...rest } = i;
  return { ...rest, held_out_rows: heldOutRows };
}
