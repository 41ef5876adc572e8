import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import {
  ReviewBody,
  RhetoricAggregate,
  StatementBody,
  StatementPage,
  StatementQuery,
  StatementView,
  SubmittedView,
} from './schemas.js';
import { getStatement, listStatements, reviewStatement, rhetoricAggregate, submitStatement } from './service.js';

const tags = ['xenophobic rhetoric'];

/** Xenophobic rhetoric: public statements recorded, reviewed and counted apart from hate incidents. */
export const rhetoricRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/incidents/rhetoric',
    {
      config: { access: 'rhetoric.submit' },
      schema: {
        tags,
        summary: 'Record a public statement (speaker by role only) for review',
        body: StatementBody,
        response: responses({ 201: SubmittedView }),
      },
    },
    async (request, reply) => reply.code(201).send(await submitStatement(request.ctx, request.body)),
  );

  app.get(
    '/incidents/rhetoric/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Verified statements by country, year, medium and speaker role; not hate crime, small counts hidden',
        response: responses({ 200: RhetoricAggregate }),
      },
    },
    async (request) => rhetoricAggregate(request.ctx),
  );

  app.get(
    '/incidents/rhetoric',
    {
      config: { access: 'rhetoric.review' },
      schema: {
        tags,
        summary: 'The statements to review',
        querystring: StatementQuery,
        response: responses({ 200: StatementPage }),
      },
    },
    async (request) => listStatements(request.ctx, request.query),
  );

  app.get(
    '/incidents/rhetoric/:id',
    {
      config: { access: 'rhetoric.review' },
      schema: {
        tags,
        summary: 'One statement with who recorded it (audited)',
        params: IdParams,
        response: responses({ 200: StatementView }),
      },
    },
    async (request) => getStatement(request.ctx, request.params.id),
  );

  app.post(
    '/incidents/rhetoric/:id/review',
    {
      config: { access: 'rhetoric.review' },
      schema: {
        tags,
        summary: 'Verify or reject a statement',
        params: IdParams,
        body: ReviewBody,
        response: responses({ 200: StatementView }),
      },
    },
    async (request) => reviewStatement(request.ctx, request.params.id, request.body),
  );
};
