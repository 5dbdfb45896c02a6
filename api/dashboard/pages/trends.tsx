// Trends: the latest stored trend analysis (GET /analyze/trends): per-platform summary, trending and emerging
// keywords, daily totals and the platform forecasts with their backtest.
import { alignedChart } from '../components/charts';
import { Num, fmt, keywordHref } from '../components/format';
import type { Json } from '../in-process';

export function TrendsPage({ analysis }: { analysis: Json | null }) {
  if (!analysis)
    return (
      <>
        <h1>Trends</h1>
        <p class="muted">No trend analysis stored yet: it runs after processing (or POST /analyze/trends).</p>
      </>
    );
  const trends = analysis.trends as Json;
  const platforms = Object.entries(trends.platform_trends ?? {}) as [string, Json][];
  const future = trends.future_predictions as Json | undefined;
  const daily = (trends.temporal_trends?.daily_stats ?? []) as Json[];
  const totals = Object.entries(future?.platform_totals ?? {}) as [string, Json][];
  const lastDays = totals.flatMap(([platform, t]) => [{ platform, day: t.last_day, search_volume: t.last_volume }]);
  const forecasts = Object.fromEntries(totals.map(([p, t]) => [p, t.forecast]));
  return (
    <>
      <h1>
        Trends{' '}
        <span class="muted">
          · {analysis.window.from} to {analysis.window.to}, {fmt(analysis.observations)} observations
        </span>
      </h1>
      <h2>Platforms</h2>
      <table id="platform-summary">
        <thead>
          <tr>
            <th>Platform</th>
            <th class="num">Keywords</th>
            <th class="num">Avg volume</th>
            <th class="num">Avg competition</th>
            <th class="num">Avg CPC</th>
          </tr>
        </thead>
        <tbody>
          {platforms.map(([name, p]) => (
            <tr>
              <td>{name}</td>
              <Num value={p.total_keywords} />
              <Num value={p.avg_search_volume} />
              <Num value={p.avg_competition} digits={2} />
              <Num value={p.avg_cpc} digits={2} />
            </tr>
          ))}
        </tbody>
      </table>
      <div class="charts">
        <div
          class="chart"
          id="chart-daily"
          data-chart={JSON.stringify(
            alignedChart(
              'Daily search volume (all platforms)',
              daily.map((d) => ({ ...d, all: 'all' })),
              'all',
              'search_volume',
            ),
          )}
        />
        {totals.length > 0 && (
          <div
            class="chart"
            id="chart-forecast"
            data-chart={JSON.stringify(alignedChart('Platform volume forecast', lastDays, 'platform', 'search_volume', forecasts))}
          />
        )}
      </div>
      <p class="muted">
        Forecast: {future?.method ?? 'none (fewer than 3 days)'}; backtest MAPE {fmt(future?.backtest?.mape, 1)} %, WAPE{' '}
        {fmt(future?.backtest?.wape, 1)} % over {fmt(future?.backtest?.points)} held-out points.
      </p>
      <div class="row">
        {platforms.map(([name, p]) => (
          <section class="card">
            <h3>{name}: trending</h3>
            <KeywordList rows={p.trending_keywords} value="trend_score" digits={2} />
            <h3>{name}: emerging</h3>
            <KeywordList rows={p.emerging_keywords} value="search_volume" digits={0} />
          </section>
        ))}
      </div>
    </>
  );
}

function KeywordList({ rows, value, digits }: { rows: Json[]; value: string; digits: number }) {
  if (!rows?.length) return <p class="muted">none</p>;
  return (
    <ol>
      {rows.map((r) => (
        <li>
          <a href={keywordHref(r.keyword)}>{r.keyword}</a>{' '}
          <span class="muted">
            {value.replace('_', ' ')} {fmt(r[value], digits)}
          </span>
        </li>
      ))}
    </ol>
  );
}
