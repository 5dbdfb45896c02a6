// What tests need to reach the shared Temporal dev server and PostgreSQL of this run.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { inject, type ProvidedContext } from 'vitest';

/** The namespace of the shared dev server. */
export const TEST_NAMESPACE = 'default';

/**
 * A value of the run's servers, from test/helpers/global-setup.ts. Only the integration project starts them
 * (vitest.config.ts): a unit test that asks fails here at once instead of waiting for a server that never comes.
 */
export function provided<K extends keyof ProvidedContext>(key: K): ProvidedContext[K] {
  const value = inject(key) as ProvidedContext[K] | undefined;
  if (value === undefined) {
    throw new Error(
      `This test needs '${key}' from the test servers, which only the integration project starts: ` +
        'take its file out of UNIT in vitest.config.ts.',
    );
  }
  return value;
}

export function testEnv(): { temporalAddress: string; databaseUrl: string } {
  return { temporalAddress: provided('temporalAddress'), databaseUrl: provided('databaseUrl') };
}

/** An ID no other test of the run uses (rows in shared tables). */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

/** A client of the shared dev server; the caller closes `client.connection`. */
export async function connectClient(namespace = TEST_NAMESPACE): Promise<Client> {
  const connection = await Connection.connect({ address: provided('temporalAddress') });
  return new Client({ connection, namespace });
}
