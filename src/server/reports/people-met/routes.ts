import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { PeopleMetBody, PeopleMetView } from './schemas.js';
import { listPeopleMet, setPeopleMet } from './service.js';

const tags = ['reports'];

/** Whom the mission's team met: read like the report, every read audited. */
export const peopleMetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/:id/people-met',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Whom the team met (audited)',
        params: IdParams,
        response: responses({ 200: PeopleMetView }),
      },
    },
    async (request) => listPeopleMet(request.ctx, request.params.id),
  );

  app.put(
    '/reports/:id/people-met',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Record whom the team met: directory contacts or people typed in',
        params: IdParams,
        body: PeopleMetBody,
        response: responses({ 200: PeopleMetView }),
      },
    },
    async (request) => setPeopleMet(request.ctx, request.params.id, request.body),
  );
};
