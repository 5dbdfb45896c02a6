// The database side of the API's read cache: the channel the statement triggers of
// Migration20261125000000_change_notifications announce committed writes on, and a dedicated connection
// that listens to it (api/cache/change-listener.ts keeps it alive). Also the readiness probe's statement.
import type { Orm } from './orm';

export const CHANGE_CHANNEL = 'keyword_data_changed';

/** A pg client outside knex's pool: LISTEN holds its connection for as long as the process runs. */
export interface ChangeConnection {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (msg: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (err?: Error) => void): void;
  end(): Promise<void>;
}
interface RawClient {
  acquireRawConnection(): Promise<ChangeConnection>;
}

/** A new connection outside the pool; `listen` starts the announcements, `probe` tells a silent dead connection. */
export async function openChangeConnection(
  orm: Orm,
): Promise<{ connection: ChangeConnection; listen(): Promise<unknown>; probe(): Promise<unknown> }> {
  const connection = await (orm.em.getKnex().client as unknown as RawClient).acquireRawConnection();
  return { connection, listen: () => connection.query(`listen ${CHANGE_CHANNEL}`), probe: () => connection.query('select 1') };
}

/** PostgreSQL answers a statement (GET /ready). */
export async function pingDatabase(orm: Orm): Promise<void> {
  await orm.em.getKnex().raw('select 1');
}
