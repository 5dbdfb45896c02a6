// provider_limits: the limits every worker process of a deployment shares, one row per provider
// (migration ..._provider_limits; repositories/provider-limits.ts claims slots in one statement).
import { EntitySchema } from '@mikro-orm/core';

export interface ProviderLimit {
  /** platform:adapter@host. */
  provider: string;
  /** The earliest start the next claimed request slot may have. */
  nextStart: Date;
  /** A 429's Retry-After: no slot starts before this, on any worker. */
  pausedUntil: Date;
  /** The provider said the day's quota is spent: no slot is handed out before this. */
  quotaPausedUntil: Date;
  /** Requests per UTC hour for the last 25 hours, oldest first; the last one is quotaHour. */
  quotaHours: number[];
  /** Hours since the epoch. */
  quotaHour: string;
}

const NEVER = `'-infinity'`;

export const ProviderLimitSchema = new EntitySchema<ProviderLimit>({
  name: 'ProviderLimit',
  tableName: 'provider_limits',
  properties: {
    provider: { type: 'string', length: 300, primary: true },
    nextStart: { type: 'datetime', columnType: 'timestamptz', defaultRaw: NEVER },
    pausedUntil: { type: 'datetime', columnType: 'timestamptz', defaultRaw: NEVER },
    quotaPausedUntil: { type: 'datetime', columnType: 'timestamptz', defaultRaw: NEVER },
    quotaHours: { type: 'integer[]', columnType: 'integer[]', defaultRaw: 'array_fill(0, array[25])' },
    quotaHour: { type: 'bigint', defaultRaw: '0' },
  },
});
