import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { API_DEFAULTS, type ApiConfig } from './config';
import type { Orm } from '../activities/db/orm';
import type { ReadCache } from './cache/read-cache';

/** Security settings of the HTTP surface; see activities/config.ts for the variables behind them. */
export type ApiSecurity = Pick<
  ApiConfig,
  'apiKey' | 'corsOrigins' | 'rateLimit' | 'trustProxyHops' | 'bodyLimitBytes' | 'dashboardPublic' | 'allowPrivateWebhooks'
>;

export interface ApiDeps {
  client: Client;
  orm: Orm;
  temporal: { namespace: string; taskQueue: string; uiUrl: string };
  /** Omitted fields take the defaults below: no API key means mutating routes answer 401. */
  security?: Partial<ApiSecurity>;
  /** Omitted: silent (tests); entry points pass their pino logger. */
  logger?: Logger;
  /** Rendered reads kept until the data changes (api/read-cache.ts); omitted: nothing is cached. */
  cache?: ReadCache;
}

export function securityOf(deps: ApiDeps): ApiSecurity {
  return { corsOrigins: [], ...API_DEFAULTS, ...deps.security };
}

/** Hono context variables every handler and middleware can read. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The request's logger, carrying its ID (api/middleware/request-context.ts). */
    log: () => Logger;
    /** Set by routes that start or find a run, for the access log line. */
    workflowId?: string;
  };
}

export function workflowUiUrl(deps: ApiDeps, workflowId: string): string {
  return `${deps.temporal.uiUrl}/namespaces/${encodeURIComponent(deps.temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** GET /workflows/:id of a run. */
export const statusUrl = (workflowId: string) => `/workflows/${encodeURIComponent(workflowId)}`;

/** Where to follow a run: this API's status route and the Temporal Web UI. */
export const runLinks = (deps: ApiDeps, workflowId: string) => ({
  statusUrl: statusUrl(workflowId),
  temporalUiUrl: workflowUiUrl(deps, workflowId),
});
