// Alerts: the rules (on a list or all keywords; what to watch; the webhook), a form for a new one, and the delivery log.
import { alertText } from '../../../activities/alerts/webhook';
import { ALERT_FORMATS, ALERT_KINDS, THRESHOLD_KINDS } from '../../../workflows/types/alerts';
import { fmt } from '../components/format';
import { Csrf, Notice } from '../components/layout';
import type { Json } from '../in-process';
import type { Session } from '../session';

interface Props {
  session: Session;
  rules: Json[];
  deliveries: Json[];
  lists: Json[];
  error?: string;
  /** A rule just created: its signing secret, shown this once. */
  created?: Json;
}

const KIND_TEXT: Record<(typeof ALERT_KINDS)[number], string> = {
  opportunity_above: 'opportunity rises above (score)',
  volume_change: 'volume changes week over week by more than (%)',
  competition_change: 'competition changes week over week by more than (%)',
  became_trending: 'a keyword becomes trending',
  became_emerging: 'a keyword becomes emerging',
  collection_failed: 'a collection fails',
};
const time = (iso: unknown) => (typeof iso === 'string' ? iso.slice(0, 19).replace('T', ' ') : '—');

export function AlertsPage({ session, rules, deliveries, lists, error, created }: Props) {
  const listName = (id: string | null) => (id ? (lists.find((l) => l.id === id)?.name ?? id) : 'all keywords');
  const ruleName = (id: string) => rules.find((r) => r.id === id)?.name ?? id;
  return (
    <>
      <h1>Alerts</h1>
      {error && <Notice error>{error}</Notice>}
      {created && (
        <Notice>
          Rule “{created.name}” created. Its signing secret, shown only now — keep it with the receiver to check each delivery's
          X-Signature: <code id="rule-secret">{created.secret}</code>
        </Notice>
      )}
      <h2>Rules</h2>
      <table id="rules">
        <thead>
          <tr>
            <th>Name</th>
            <th>On</th>
            <th>When</th>
            <th class="num">Threshold</th>
            <th>Webhook</th>
            <th>Format</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{listName(r.list_id)}</td>
              <td>{KIND_TEXT[r.kind as keyof typeof KIND_TEXT] ?? r.kind}</td>
              <td class="num">{fmt(r.threshold, 2)}</td>
              <td>
                <code>{r.webhook_url}</code>
              </td>
              <td>{r.format}</td>
              <td>{time(r.created_at)}</td>
              <td>
                <form method="post" action={`/ui/alerts/${encodeURIComponent(String(r.id))}/delete`}>
                  <Csrf session={session} />
                  <button class="secondary" type="submit" disabled={!session.signedIn}>
                    Delete
                  </button>
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
        <label>
          Name
          <input name="name" required maxlength={100} />
        </label>
        <label>
          On
          <select name="list_id">
            <option value="">all keywords</option>
            {lists.map((l) => (
              <option value={l.id}>{l.name}</option>
            ))}
          </select>
        </label>
        <label>
          When
          <select name="kind">
            {ALERT_KINDS.map((k) => (
              <option value={k}>{KIND_TEXT[k]}</option>
            ))}
          </select>
        </label>
        <label>
          Threshold
          <input type="number" step="any" name="threshold" style="width:7rem" title={`needed for ${THRESHOLD_KINDS.join(', ')}`} />
        </label>
        <label>
          Webhook URL
          <input type="url" name="webhook_url" required style="width:20rem" />
        </label>
        <label>
          Format
          <select name="format">
            {ALERT_FORMATS.map((f) => (
              <option value={f}>{f === 'slack' ? 'Slack' : 'JSON'}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!session.signedIn}>
          Add rule
        </button>
      </form>
      <h2>Deliveries</h2>
      <table id="deliveries">
        <thead>
          <tr>
            <th>Created</th>
            <th>Rule</th>
            <th>Event</th>
            <th>Status</th>
            <th class="num">Attempts</th>
            <th>Delivered</th>
            <th>Last error</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr>
              <td>{time(d.created_at)}</td>
              <td>{ruleName(d.rule_id)}</td>
              <td>{alertText(d.event)}</td>
              <td>{d.status}</td>
              <td class="num">{fmt(d.attempts)}</td>
              <td>{time(d.delivered_at)}</td>
              <td>{d.last_error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {deliveries.length === 0 && <p class="muted">Nothing delivered yet.</p>}
    </>
  );
}
