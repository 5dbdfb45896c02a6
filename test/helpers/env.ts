// What tests need to reach the shared Temporal dev server and PostgreSQL of this run.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { inject } from 'vitest';

/** The namespace of the shared dev server. */
export const TEST_NAMESPACE = 'default';

export function testEnv(): { temporalAddress: string; databaseUrl: string } {
  return { temporalAddress: inject('temporalAddress'), databaseUrl: inject('databaseUrl') };
}

/** `prefix-<random>`: IDs and task queues never collide between tests or runs. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

export function uniqueTaskQueue(prefix: string): string {
  return uniqueId(`${prefix}-tq`);
}

/** A client of the shared dev server; the caller closes `client.connection`. */
export async function connectClient(namespace = TEST_NAMESPACE): Promise<Client> {
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  return new Client({ connection, namespace });
}
