import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { PartnersBody, PartnersView, ProposedContactsView, ProposedQuery } from './schemas.js';
import { listPartners, proposedContacts, setPartners } from './service.js';

const tags = ['missions'];

/** A mission's partners on the ground, and the people "whom do I call?" proposes for it. */
export const partnerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/missions/:id/partners',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The organisations the mission works with, and their roles',
        params: IdParams,
        response: responses({ 200: PartnersView }),
      },
    },
    async (request) => listPartners(request.ctx, request.params.id),
  );

  app.put(
    '/missions/:id/partners',
    {
      config: { access: 'mission.edit' },
      schema: {
        tags,
        summary: 'Set the mission’s partner organisations and their roles',
        params: IdParams,
        body: PartnersBody,
        response: responses({ 200: PartnersView }),
      },
    },
    async (request) => setPartners(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/missions/:id/proposed-contacts',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Contacts proposed for the mission’s host countries and competences, partners’ people first',
        params: IdParams,
        querystring: ProposedQuery,
        response: responses({ 200: ProposedContactsView }),
      },
    },
    async (request) => proposedContacts(request.ctx, request.params.id, request.query.lang),
  );
};
