// Clusters: the day's keyword clusters from GET /clusters, largest first; each links to its keywords.
import { fmt } from '../components/format';
import { query, type Json } from '../in-process';

export function ClustersPage({ data }: { data: Json }) {
  const clusters = data.clusters as Json[];
  const largest = Math.max(1, ...clusters.map((c) => c.size as number));
  return (
    <>
      <h1>Clusters {data.day && <span class="muted">· {data.day}</span>}</h1>
      {clusters.length === 0 && <p class="muted">No clusters yet: they are made when keywords are processed.</p>}
      <div class="cards" id="clusters">
        {clusters.map((c) => (
          <div class="card">
            <h3>
              <a href={`/${query({ cluster: c.id })}`}>{c.label}</a>
            </h3>
            <div class="bar" style={`width:${Math.round((100 * c.size) / largest)}%`} />
            <p class="muted">
              {fmt(c.size)} keyword rows · cluster #{c.id}
            </p>
            <p>{(c.top_terms as string[]).join(', ')}</p>
          </div>
        ))}
      </div>
    </>
  );
}
