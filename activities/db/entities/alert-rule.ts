// alert_rules: what to watch and where to send it, with the secret that signs each delivery
// (migration ..._alerts; repositories/alert-rules.ts).
import { EntitySchema } from '@mikro-orm/core';
import type { AlertFormat, AlertKind } from '../../../workflows/types/alerts';

export interface AlertRule {
  id: string;
  name: string;
  /** Only the keywords of this list; null: every keyword. Deleting the list deletes the rule. */
  listId: string | null;
  kind: AlertKind;
  threshold: number | null;
  webhookUrl: string;
  format: AlertFormat;
  /** whsec_ and 64 hex digits: shown once at creation, read back only to sign a delivery. */
  secret: string;
  createdAt: Date;
}

export const AlertRuleSchema = new EntitySchema<AlertRule>({
  name: 'AlertRule',
  tableName: 'alert_rules',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 100 },
    // the foreign key to keyword_lists, kept as the plain ID
    listId: {
      kind: 'm:1',
      entity: 'KeywordList',
      fieldName: 'list_id',
      mapToPk: true,
      nullable: true,
      deleteRule: 'cascade',
      updateRule: 'no action',
      foreignKeyName: 'alert_rules_list_id_fkey',
    },
    kind: { type: 'string', length: 30 },
    threshold: { type: 'double', nullable: true },
    webhookUrl: { type: 'string', length: 2000 },
    format: { type: 'string', length: 10, default: 'json' },
    secret: { type: 'string', length: 100 },
    createdAt: { type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' },
  },
});
