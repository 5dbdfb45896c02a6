// A run that owns a server (test/infra/leftover-servers.test.ts): `postgres <dir> <port>` or
// `temporal <cli> <db file> <port>`. It says 'up', stops its server when told 'stop', or is killed without stopping it.
import { startEmbeddedPostgres } from '../../workers/dev-stack/embedded-postgres';
import { startTemporalDevServer } from '../../workers/dev-stack/temporal-dev-server';

const [kind, a, b, c] = process.argv.slice(2) as [string, string, string, string];
const server =
  kind === 'postgres'
    ? await startEmbeddedPostgres({ dir: a, port: Number(b) })
    : await startTemporalDevServer({ cliPath: a, dbFile: b, port: Number(c), namespace: 'default', log: () => undefined });
process.send!('up');
process.on('message', () => void server.stop().then(() => process.exit(0)));
