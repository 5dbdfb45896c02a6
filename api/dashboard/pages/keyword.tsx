// Keyword: per-platform history charts (volume with forecast and interval, competition, CPC, trend score), the latest
// numbers per platform with each one's source, provenance and date (GET /keywords/:keyword's sources), cluster,
// related keywords and the success prediction.
import { alignedChart, type ForecastPoints } from '../components/charts';
import { Kv, Num, SourceBadge, fmt, keywordHref } from '../components/format';
import { Notice } from '../components/layout';
import { query, type Json } from '../in-process';

export interface KeywordData {
  keyword: string;
  detail: Json | null;
  /** The stored trend analysis' forecasts of this keyword, per platform, and its backtest. */
  forecasts: Record<string, ForecastPoints>;
  backtest: Json | null;
  /** Per platform: the prediction, or why there is none. */
  predictions: Record<string, Json | string>;
  signedIn: boolean;
}

const METRICS = [
  ['search_volume', 'Search volume'],
  ['competition', 'Competition'],
  ['cpc', 'CPC'],
  ['trend_score', 'Trend score'],
] as const;

export function KeywordPage(d: KeywordData) {
  if (!d.detail)
    return (
      <>
        <h1>{d.keyword}</h1>
        <Notice error>No data for this keyword yet: collect it from a list.</Notice>
      </>
    );
  const platforms = d.detail.platforms as Json[];
  const history = d.detail.history as Json[];
  return (
    <>
      <h1>{d.keyword}</h1>
      <p>
        <a
          class="button secondary"
          id="csv"
          href={`/keywords/${encodeURIComponent(d.keyword)}/observations${query({ format: 'csv', bom: 'true' })}`}
          download
        >
          Download observations CSV
        </a>
      </p>
      <h2>History</h2>
      {history.length === 0 && <p class="muted">No observations stored.</p>}
      <div class="charts">
        {METRICS.map(([metric, title]) => {
          const spec = alignedChart(title, history, 'platform', metric, metric === 'search_volume' ? d.forecasts : {});
          return <div class="chart" id={`chart-${metric}`} data-chart={JSON.stringify(spec)} />;
        })}
      </div>
      <p class="muted">
        {Object.keys(d.forecasts).length > 0
          ? `Dashed: 7-day forecast from the latest trend analysis; shaded: its 95% interval. Backtest on held-out days: MAPE ${fmt(d.backtest?.mape, 1)} %, WAPE ${fmt(d.backtest?.wape, 1)} % (${d.backtest?.chosen ?? 'method unknown'}).`
          : 'No forecast: the latest trend analysis has none for this keyword (it forecasts the keywords with the highest volume).'}
      </p>
      <h2>Latest per platform</h2>
      <table id="platforms">
        <thead>
          <tr>
            <th>Platform</th>
            <th>Day</th>
            <th class="num">Opportunity</th>
            <th class="num">Difficulty</th>
            <th class="num">Volume</th>
            <th class="num">Competition</th>
            <th class="num">CPC</th>
            <th class="num">Trend</th>
            <th>Cluster</th>
            <th>Volume source</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {platforms.map((p) => {
            const sources = (p.sources ?? {}) as Record<string, Json>;
            const how = (f: string) => {
              const n = sources[f];
              if (n?.computed_at) return `${n.source} · processed ${n.computed_at}`;
              return `${n?.provenance ?? 'provenance not recorded'} · ${n?.source ?? 'source unknown'} · collected ${n?.collected_at ?? 'unknown'}`;
            };
            return (
              <tr>
                <td>{p.platform}</td>
                <td>{p.day}</td>
                <Num value={p.opportunity_score} digits={3} title={how('opportunity_score')} />
                <Num value={p.difficulty_score} digits={3} title={how('difficulty_score')} />
                <Num value={p.search_volume} title={how('search_volume')} />
                <Num value={p.competition} digits={2} title={how('competition')} />
                <Num value={p.cpc} digits={2} title={how('cpc')} />
                <Num value={p.trend_score} digits={2} title={how('trend_score')} />
                <td>{p.cluster ? <a href={`/${query({ cluster: p.cluster.id })}`}>{p.cluster.label ?? `#${p.cluster.id}`}</a> : '—'}</td>
                <td>
                  <SourceBadge source={p.volume_source} />
                </td>
                <td>
                  <MetricSources sources={sources} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="row">
        <section>
          <h2>Related keywords</h2>
          <Related platforms={platforms} />
        </section>
        <section id="prediction">
          <h2>Success prediction</h2>
          {!d.signedIn ? (
            <p class="muted">Sign in to run the success model on this keyword's latest numbers.</p>
          ) : (
            Object.entries(d.predictions).map(([platform, p]) => (
              <div class="card">
                <h3>{platform}</h3>
                {typeof p === 'string' ? (
                  <p class="muted">{p}</p>
                ) : (
                  <Kv
                    items={[
                      ['predicted success', fmt(p.prediction.predicted_success, 3)],
                      ['confidence', fmt(p.prediction.confidence, 2)],
                      ['recommendation', <strong>{p.prediction.recommendation}</strong>],
                      ['', p.prediction.recommendation_text],
                      ['model', `version ${p.prediction.model_version}`],
                    ]}
                  />
                )}
              </div>
            ))
          )}
        </section>
      </div>
    </>
  );
}

/** Each source once, with the metrics it gave and their provenance (a demand source or an import labels its own). */
function MetricSources({ sources }: { sources: Record<string, Json> }) {
  const by = new Map<string, string[]>();
  for (const [metric] of METRICS) {
    const n = sources[metric];
    const source = (n?.source as string | null | undefined) ?? 'unknown';
    by.set(source, [...(by.get(source) ?? []), `${metric}${n?.provenance ? ` (${n.provenance})` : ''}`]);
  }
  return (
    <>
      {[...by].map(([source, metrics]) => (
        <div>
          <code>{source}</code> <span class="muted">{metrics.join(', ')}</span>
        </div>
      ))}
    </>
  );
}

function Related({ platforms }: { platforms: Json[] }) {
  const related = [...new Set(platforms.flatMap((p) => p.related_keywords as string[]))];
  if (related.length === 0) return <p class="muted">None reported by the sources.</p>;
  return (
    <ul>
      {related.map((k) => (
        <li>
          <a href={keywordHref(k)}>{k}</a>
        </li>
      ))}
    </ul>
  );
}
