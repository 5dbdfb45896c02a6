// One list: its keywords (paged), collect now with live progress and the run in the Temporal Web UI, edit and delete.
import { fmt, keywordHref } from '../components/format';
import { Csrf, Notice } from '../components/layout';
import type { Json } from '../in-process';
import type { Session } from '../session';
import { ListForm } from './lists';

export interface ListView {
  list: Json;
  session: Session;
  /** The run started by "Collect now", when the page follows one. */
  run?: { statusUrl: string; temporalUiUrl: string; workflowId: string };
  error?: string;
  cursor?: string;
}

export function ListPage({ list, session, run, error, cursor }: ListView) {
  const id = encodeURIComponent(list.id);
  return (
    <>
      <h1>
        {list.name}{' '}
        <span class="muted">
          · {fmt(list.size)} keywords · {(list.platforms as string[]).join(', ')}
          {list.daily ? ' · collected daily' : ''}
        </span>
      </h1>
      {error && <Notice error>{error}</Notice>}
      <div class="actions">
        <form method="post" action={`/ui/lists/${id}/collect`}>
          <Csrf session={session} />
          <button type="submit" id="collect" disabled={!session.signedIn}>
            Collect now
          </button>
        </form>
        <a class="button secondary" href={`/?list=${id}`}>
          Ranked keywords
        </a>
        <a class="button secondary" href={`/keywords?list=${id}&format=csv&bom=true`} download>
          Download CSV
        </a>
      </div>
      {run && (
        <div id="run" class="card" data-status-url={run.statusUrl} data-status="starting">
          <h3>Collection {run.workflowId}</h3>
          <div class="progress">
            <div />
          </div>
          <p class="run-status muted">starting…</p>
          <p>
            <a href={run.temporalUiUrl} target="_blank" rel="noopener">
              Open this run in the Temporal Web UI
            </a>
          </p>
        </div>
      )}
      <h2>Keywords</h2>
      <ul class="cards" id="list-keywords" style="list-style:none;padding:0">
        {(list.keywords as string[]).map((k) => (
          <li>
            <a href={keywordHref(k)}>{k}</a>
          </li>
        ))}
      </ul>
      <div class="pager">
        {cursor && <a href={`/ui/lists/${id}`}>« First page</a>}
        {list.next_cursor && <a href={`/ui/lists/${id}?cursor=${encodeURIComponent(list.next_cursor)}`}>Next page »</a>}
      </div>
      <h2>Edit</h2>
      <ListForm
        action={`/ui/lists/${id}`}
        session={session}
        submit="Save"
        keepHint
        form={{ name: list.name, platforms: list.platforms, daily: list.daily }}
      />
      <form method="post" action={`/ui/lists/${id}/delete`}>
        <Csrf session={session} />
        <button class="danger" type="submit" disabled={!session.signedIn}>
          Delete this list
        </button>
      </form>
    </>
  );
}
