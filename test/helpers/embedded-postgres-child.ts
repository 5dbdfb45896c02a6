// A run that owns an embedded PostgreSQL (test/infra/embedded-postgres.test.ts): started with a folder and a port,
// it says 'up', stops PostgreSQL when told 'stop' — or is killed without stopping it.
import { startEmbeddedPostgres } from '../../activities/db/embedded-postgres';

const pg = await startEmbeddedPostgres({ dir: process.argv[2]!, port: Number(process.argv[3]) });
process.send!('up');
process.on('message', () => void pg.stop().then(() => process.exit(0)));
