import type { Client } from '@temporalio/client';
import type { Orm } from '../activities/db/orm';

export interface ApiDeps {
  client: Client;
  orm: Orm;
  temporal: { namespace: string; taskQueue: string; uiUrl: string };
}

export function workflowUiUrl(deps: ApiDeps, workflowId: string): string {
  return `${deps.temporal.uiUrl}/namespaces/${encodeURIComponent(deps.temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}
