// The MikroORM CLI's configuration (`npm run orm -- schema:update --dump`, `migration:list`…): the options every
// process of the project uses (activities/db/orm.ts), on the database DATABASE_URL names (.env is read).
import { ormOptions } from './activities/db/orm';
import { loadConfig, loadDotEnv } from './workers/config/config';

loadDotEnv();
const { databaseUrl } = loadConfig();
if (!databaseUrl) throw new Error('DATABASE_URL: set it to the PostgreSQL the MikroORM CLI should work on');

export default ormOptions(databaseUrl);
