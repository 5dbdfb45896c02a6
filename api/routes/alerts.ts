// /alerts: webhook rules (create, list, delete) and the delivery log. Rules are evaluated after each processing run.
import { createRoute, z } from '@hono/zod-openapi';
import { findDeliveries } from '../../activities/db/repositories/alert-deliveries';
import { createAlertRule, deleteAlertRule, findAlertRules } from '../../activities/db/repositories/alert-rules';
import { findKeywordList } from '../../activities/db/repositories/keyword-lists';
import { webhookHostProblem } from '../../activities/alerts/webhook-address';
import { securityOf, type ApiDeps } from '../deps';
import { badRequest, HttpError } from '../errors';
import { apiKeySecurity, errors, json, jsonBody, readErrors, routes, writeErrors } from '../openapi';
import {
  AlertRule,
  CreatedRule,
  Delivery,
  DeliveryQuery,
  RuleBody,
  RuleIdParam,
  toDeliveryJson,
  toRuleInput,
  toRuleJson,
} from './alert-schemas';

const TAG = 'alerts';

const create = createRoute({
  method: 'post',
  path: '/alerts/rules',
  tags: [TAG],
  summary: 'Create an alert rule (its signing secret is in this answer only)',
  security: apiKeySecurity,
  description:
    'Deliveries are POSTed to webhook_url with X-Event-Id and X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>. ' +
    'A webhook_url on a private, loopback, link-local or metadata address is refused (400), and so is a delivery to a host resolving to one, ' +
    'unless the operator sets ALERT_WEBHOOK_ALLOW_PRIVATE=true.',
  request: { body: jsonBody(RuleBody, true) },
  responses: { 201: json(CreatedRule, 'created'), ...writeErrors(), ...errors(404) },
});
const all = createRoute({
  method: 'get',
  path: '/alerts/rules',
  tags: [TAG],
  summary: 'Every alert rule, oldest first (without secrets)',
  responses: { 200: json(z.object({ rules: z.array(AlertRule) }), 'the rules'), ...readErrors() },
});
const remove = createRoute({
  method: 'delete',
  path: '/alerts/rules/{id}',
  tags: [TAG],
  summary: 'Delete an alert rule (its pending deliveries are dropped)',
  security: apiKeySecurity,
  request: { params: RuleIdParam },
  responses: { 204: { description: 'deleted' }, ...writeErrors(), ...errors(404) },
});
const deliveries = createRoute({
  method: 'get',
  path: '/alerts/deliveries',
  tags: [TAG],
  summary: 'The delivery log, newest first',
  request: { query: DeliveryQuery },
  responses: { 200: json(z.object({ deliveries: z.array(Delivery) }), 'deliveries'), ...readErrors() },
});

export function alertRoutes(deps: ApiDeps) {
  const em = () => deps.orm.em.fork();
  const { allowPrivateWebhooks } = securityOf(deps);
  return routes()
    .openapi(create, async (c) => {
      const input = toRuleInput(c.req.valid('json'));
      // the host as written; what a name resolves to is checked at every delivery (activities/alerts/webhook-address.ts)
      const refused = allowPrivateWebhooks ? null : webhookHostProblem(input.webhookUrl);
      if (refused) throw badRequest('webhook_url', refused);
      if (input.listId && !(await findKeywordList(em(), input.listId)))
        throw new HttpError(404, 'not_found', `list_id: no keyword list '${input.listId}'`, 'list_id');
      const { secret, ...rule } = await createAlertRule(em(), input);
      return c.json({ ...toRuleJson(rule), secret }, 201);
    })
    .openapi(all, async (c) => c.json({ rules: (await findAlertRules(em())).map(toRuleJson) }, 200))
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await deleteAlertRule(em(), id))) throw new HttpError(404, 'not_found', `no alert rule '${id}'`);
      return c.body(null, 204);
    })
    .openapi(deliveries, async (c) => {
      const { rule_id: ruleId, limit } = c.req.valid('query');
      return c.json({ deliveries: (await findDeliveries(em(), { ruleId, limit })).map(toDeliveryJson) }, 200);
    });
}
