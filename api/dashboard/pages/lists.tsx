// Lists: the seller's keyword lists (GET /lists) and the form that creates one from pasted keywords or a CSV file.
import { PLATFORMS } from '../../../workflows/types/platforms';
import { fmt } from '../components/format';
import { Csrf, Notice } from '../components/layout';
import type { Json } from '../in-process';
import type { Session } from '../session';

export function ListsPage({ lists, session, error, form }: { lists: Json[]; session: Session; error?: string; form?: Json }) {
  return (
    <>
      <h1>Keyword lists</h1>
      {error && <Notice error>{error}</Notice>}
      <table id="lists">
        <thead>
          <tr>
            <th>Name</th>
            <th class="num">Keywords</th>
            <th>Platforms</th>
            <th>Daily</th>
            <th>Updated</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lists.map((l) => (
            <tr>
              <td>
                <a href={`/ui/lists/${encodeURIComponent(l.id)}`}>{l.name}</a>
              </td>
              <td class="num">{fmt(l.size)}</td>
              <td>{(l.platforms as string[]).join(', ')}</td>
              <td>{l.daily ? 'yes' : 'no'}</td>
              <td>{String(l.updated_at).slice(0, 16).replace('T', ' ')}</td>
              <td>
                <a href={`/?list=${encodeURIComponent(l.id)}`}>ranked keywords</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists.length === 0 && <p class="muted">No lists yet.</p>}
      <h2>New list</h2>
      {!session.signedIn && <p class="muted">Sign in to create lists.</p>}
      <ListForm action="/ui/lists" session={session} form={form} submit="Create list" />
    </>
  );
}

/** Name, keywords (pasted, one a line, or a CSV file whose first column holds them), platforms, daily collection. */
export function ListForm({
  action,
  session,
  form = {},
  submit,
  keepHint,
}: {
  action: string;
  session: Session;
  form?: Json;
  submit: string;
  keepHint?: boolean;
}) {
  const platforms = (form.platforms as string[] | undefined) ?? [...PLATFORMS];
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="card" id="list-form">
      <Csrf session={session} />
      <label>
        Name
        <input name="name" required maxlength={100} value={form.name ?? ''} />
      </label>
      <label>
        Keywords, one a line{keepHint ? ' (leave empty to keep the current keywords)' : ''}
        <textarea name="keywords" rows={6} cols={60}>
          {form.keywords ?? ''}
        </textarea>
      </label>
      <label>
        or a CSV file (first column; a header named keyword is skipped)
        <input type="file" name="file" accept=".csv,text/csv,text/plain" />
      </label>
      <fieldset>
        <legend class="muted">Platforms</legend>
        {PLATFORMS.map((p) => (
          <label style="display:inline-flex;flex-direction:row;gap:.3rem;margin-right:1rem">
            <input type="checkbox" name="platforms" value={p} checked={platforms.includes(p)} />
            {p}
          </label>
        ))}
      </fieldset>
      <label style="flex-direction:row;gap:.4rem">
        <input type="checkbox" name="daily" value="1" checked={form.daily ?? true} />
        collect daily
      </label>
      <p>
        <button type="submit" disabled={!session.signedIn}>
          {submit}
        </button>
      </p>
    </form>
  );
}
