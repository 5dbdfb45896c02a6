// Model: the success-model versions from GET /models with their metrics, training windows, the volume sources of
// the rows the newest was trained on, and its feature importances.
import { fmt, Num } from '../components/format';
import type { Json } from '../in-process';

export function ModelPage({ models }: { models: Json[] }) {
  const newest = models[0];
  return (
    <>
      <h1>Success model</h1>
      {!newest && <p class="muted">No model trained yet: training runs weekly (or POST /models/train).</p>}
      {newest && (
        <section class="card">
          <h3>Version {newest.version} (newest)</h3>
          <p>
            {newest.algorithm} predicting <code>{newest.target}</code> {newest.horizon_days} days ahead, from {newest.features.join(', ')}.
          </p>
          <p id="volume-sources">Trained on observations whose search volume is {volumeSources(newest.volume_sources)}.</p>
          <Importances importance={newest.feature_importance} />
        </section>
      )}
      <h2>Versions</h2>
      <table id="models">
        <thead>
          <tr>
            <th>Version</th>
            <th>Trained</th>
            <th>Algorithm</th>
            <th>Training window</th>
            <th class="num">R²</th>
            <th class="num">MSE</th>
            <th class="num">Training samples</th>
            <th class="num">Test samples</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr>
              <td>{m.version}</td>
              <td>{m.created_at.slice(0, 16).replace('T', ' ')}</td>
              <td>{m.algorithm}</td>
              <td>
                {m.training_window.from ?? '?'} to {m.training_window.to ?? '?'}
              </td>
              <Num value={m.metrics.r2} digits={3} />
              <Num value={m.metrics.mse} digits={4} />
              <Num value={m.metrics.trainingSamples} />
              <Num value={m.metrics.testSamples} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** e.g. "900 measured, 360 imported"; versions trained before the count was kept say so. */
function volumeSources(counts: Record<string, number> | null): string {
  const parts = Object.entries(counts ?? {}).filter(([, n]) => n > 0);
  return parts.length === 0
    ? 'not counted for this version'
    : parts.map(([source, n]) => `${n.toLocaleString('en-US')} ${source}`).join(', ');
}

/** Most important first, as GET /models orders them; a bar's length is the drop in R² relative to the largest drop. */
function Importances({ importance }: { importance: Json | null }) {
  if (!importance)
    return (
      <p class="muted" id="importance">
        Feature importances: not computed for this version (trained before they were recorded).
      </p>
    );
  const largest = Math.max(...importance.features.map((f: Json) => f.importance), 0);
  return (
    <div id="importance">
      <h4>Feature importances</h4>
      <p class="muted">
        Permutation importance on {fmt(importance.held_out_rows)} held-out rows: the drop in R² (from {fmt(importance.baseline, 3)}) when
        the feature's values are shuffled, mean ± standard deviation over {importance.repeats} shuffles.
      </p>
      <table class="importance">
        <tbody>
          {importance.features.map((f: Json) => (
            <tr>
              <td>{f.feature}</td>
              <td class="bar-cell">
                <div class="bar" style={`width:${largest > 0 ? Math.round((100 * Math.max(0, f.importance)) / largest) : 0}%`} />
              </td>
              <td class="num">
                {fmt(f.importance, 3)} ± {fmt(f.std, 3)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
