// A hot read (GET /keywords/:keyword) as a named prepared statement: the SQL is built once with knex, and PostgreSQL parses and plans it
// once per pooled connection instead of on every request (measured: 1.26 → 0.47 ms per keyword lookup).
import type { Knex } from '@mikro-orm/postgresql';

/** Stands for the parameter while the query is built; keywords can never contain a NUL. */
const PARAM = '\u0000param';

interface PgConnection {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}
interface PooledClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** `build` receives a stand-in for the one parameter; the function returned takes its value (a string, an array…). */
export function preparedQuery<Row, P = string>(knex: () => Knex, name: string, build: (k: Knex, param: string) => Knex.QueryBuilder) {
  let compiled: { sql: string; bindings: readonly unknown[] } | undefined;
  return async (param: P): Promise<Row[]> => {
    const k = knex();
    compiled ??= build(k, PARAM).toSQL().toNative();
    const values = compiled.bindings.map((b) => (b === PARAM ? param : b));
    // knex's own pool: the statement stays prepared on each of its connections
    const pool = k.client as PooledClient;
    const connection = await pool.acquireConnection();
    try {
      return (await connection.query({ name, text: compiled.sql, values })).rows as Row[];
    } finally {
      await pool.releaseConnection(connection);
    }
  };
}
