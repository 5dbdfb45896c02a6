// Alerts: the rules (a list or all keywords; what to watch; where to send it) and the delivery log.
import { Csrf, Notice } from '../components/layout';
import type { Json } from '../in-process';
import type { Session } from '../session';

interface Props { session: Session; rules: Json[]; deliveries: Json[]; lists: Json[]; error?: string }

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function AlertsPage({ session, rules, deliveries, lists, error }: Props) {
  const ruleColumns = columnsOf(rules, ['secret']);
  const deliveryColumns = columnsOf(deliveries, []);
  return (
    <>
      <h1>Alerts</h1>
      {error && <Notice error>{error}</Notice>}
      <h2>Rules</h2>
      <table id="rules">
        <thead><tr>{ruleColumns.map((k) => <th>{k}</th>)}<th /></tr></thead>
        <tbody>
          {rules.map((r) => (
            <tr>
              {ruleColumns.map((k) => <td>{show(r[k])}</td>)}
              <td>
                <form method="post" action={`/ui/alerts/${encodeURIComponent(String(r.id))}/delete`}>
                  <Csrf session={session} /><button class="secondary" type="submit" disabled={!session.signedIn}>Delete</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rules.length === 0 && <p class="muted">No rules yet.</p>}
      <h2>New rule</h2>
      <form method="post" action="/ui/alerts" class="filters card" id="rule-form">
        <Csrf session={session} />
        <label>On<select name="list_id"><option value="">all keywords</option>{lists.map((l) => <option value={l.id}>{l.name}</option>)}</select></label>
        <label>When
          <select name="kind">
            <option value="opportunity_above">opportunity crosses a threshold</option>
            <option value="volume_change">volume changes week over week by more than</option>
            <option value="competition_change">competition changes week over week by more than</option>
            <option value="emerging">a keyword becomes emerging</option>
            <option value="trending">a keyword becomes trending</option>
            <option value="collection_failed">a collection fails</option>
          </select>
        </label>
        <label>Threshold (score, or %)<input type="number" step="any" name="threshold" style="width:8rem" /></label>
        <label>Webhook URL<input type="url" name="url" required style="width:22rem" /></label>
        <label>Format<select name="format"><option value="json">JSON</option><option value="slack">Slack</option></select></label>
        <button type="submit" disabled={!session.signedIn}>Add rule</button>
      </form>
      <h2>Deliveries</h2>
      <table id="deliveries">
        <thead><tr>{deliveryColumns.map((k) => <th>{k}</th>)}</tr></thead>
        <tbody>{deliveries.map((d) => <tr>{deliveryColumns.map((k) => <td>{show(d[k])}</td>)}</tr>)}</tbody>
      </table>
      {deliveries.length === 0 && <p class="muted">Nothing delivered yet.</p>}
    </>
  );
}

/** Every field the API returns, in its order, less the hidden ones. */
function columnsOf(rows: Json[], hidden: string[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!hidden.includes(k)) seen.add(k);
  return [...seen];
}
