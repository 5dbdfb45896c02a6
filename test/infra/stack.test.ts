// The shared test stack is up: Temporal answers with the project's search attributes, PostgreSQL is migrated.
import type { Client } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../activities/db/orm';
import { SA_KEYWORD_COUNT, SA_PLATFORMS } from '../../workflows/types/search-attributes';
import { connectClient, TEST_NAMESPACE, testEnv } from '../helpers/env';

describe('test stack', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectClient();
  });
  afterAll(async () => {
    await client?.connection.close();
  });

  it('serves the test namespace with the Platforms and KeywordCount search attributes', async () => {
    const described = await client.workflowService.describeNamespace({ namespace: TEST_NAMESPACE });
    expect(described.namespaceInfo?.name).toBe(TEST_NAMESPACE);
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({ namespace: TEST_NAMESPACE });
    expect(customAttributes).toMatchObject({
      Platforms: encodeSearchAttributeIndexedValueType(SA_PLATFORMS.type),
      KeywordCount: encodeSearchAttributeIndexedValueType(SA_KEYWORD_COUNT.type),
    });
  });

  it('has the migrated observations table in PostgreSQL', async () => {
    const orm = await createOrm(testEnv().databaseUrl, { poolMax: 1 });
    try {
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute<{ name: string | null }[]>("select to_regclass('public.observations')::text as name");
      expect(rows).toEqual([{ name: 'observations' }]);
    } finally {
      await orm.close(true);
    }
  });
});
