// After the collection table, what the pipeline learnt: the best opportunities with their clusters,
// and the model's metrics (or why there is no model yet).
import type { Orm } from '../../activities/db/orm';
import { topOpportunities } from '../../activities/db/repositories/processed-keywords';
import type { TrainModelResult, VolumeSourceCounts } from '../../workflows/types/insights';
import { renderTable } from './table';

export async function printInsights(orm: Orm, day: string, train: TrainModelResult | null, keywords: string[]): Promise<void> {
  const top = await topOpportunities(orm.em.fork(), day, keywords, 10);
  console.log(`\nTop opportunities on ${day}\n`);
  console.log(
    top.length === 0
      ? '(nothing processed for this day)'
      : renderTable(
          ['keyword', 'platform', 'opportunity', 'difficulty', 'cluster'],
          top.map((r) => [
            r.keyword,
            r.platform,
            fixed(r.opportunityScore),
            fixed(r.difficultyScore),
            r.clusterId === null ? '-' : `${r.clusterId} ${r.clusterLabel ?? ''}`.trim(),
          ]),
        ),
  );
  console.log('\nSuccess model');
  if (train?.modelVersion && train.metrics) {
    const m = train.metrics;
    console.log(
      `  version ${train.modelVersion}: R² ${m.r2.toFixed(3)}, MSE ${m.mse.toFixed(4)}, ${m.trainingSamples} training / ${m.testSamples} test rows`,
    );
    console.log(`  trained on observations whose volume is ${describeVolumeSources(train.volumeSources)}`);
  } else {
    console.log(`  not trained: ${train?.reason ?? 'the training step did not run'}`);
    console.log('  (a model learns from a week of daily history: keep collecting, or load some with `npm run import -- FILE.jsonl`)');
  }
}

/** e.g. "900 measured, 360 imported": the non-zero counts, in the order of VolumeSourceCounts. */
export function describeVolumeSources(counts: VolumeSourceCounts | undefined): string {
  const parts = Object.entries(counts ?? {}).filter(([, n]) => n > 0);
  return parts.length === 0 ? 'not counted' : parts.map(([source, n]) => `${n} ${source}`).join(', ');
}

const fixed = (value: number | null) => (value === null ? 'unknown' : value.toFixed(3));
