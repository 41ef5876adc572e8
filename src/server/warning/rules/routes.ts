import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../schemas.js';
import { CreateRuleBody, RuleView, UpdateRuleBody } from './schemas.js';
import { createRule, listRules, updateRule } from './service.js';

const tags = ['early warning'];

/** The rules that raise alerts on the series. */
export const ruleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/warning/rules',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Early-warning rules', response: responses({ 200: Type.Array(RuleView) }) },
    },
    async (request) => listRules(request.ctx),
  );

  app.post(
    '/warning/rules',
    {
      config: { access: 'warning.rule.edit' },
      schema: {
        tags,
        summary: 'Create a rule; it is evaluated on every stored value at once',
        body: CreateRuleBody,
        response: responses({ 201: RuleView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createRule(request.ctx, request.body)),
  );

  app.patch(
    '/warning/rules/:id',
    {
      config: { access: 'warning.rule.edit' },
      schema: {
        tags,
        summary: 'Change a rule (threshold, window, level, name, active)',
        params: IdParams,
        body: UpdateRuleBody,
        response: responses({ 200: RuleView }),
      },
    },
    async (request) => updateRule(request.ctx, request.params.id, request.body),
  );
};
