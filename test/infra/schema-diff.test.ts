// The hand-written migrations and the entities describe the same schema: after migrating, MikroORM's schema
// generator finds nothing to change (the triggers of Migration20261125000000_change_notifications and the
// keyword_list_items table, which has no entity, are outside what it compares).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, type Orm } from '../../activities/db/orm';
import { testEnv } from '../helpers/env';

describe('migrated schema', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm(testEnv().databaseUrl, { poolMax: 1 });
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it('has no difference from the entities', async () => {
    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, dropTables: false });
    expect(sql).toBe('');
  });
});
